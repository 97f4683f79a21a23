package io.snapif.declaration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions of declarations, written in Go's syntax (RE2, as snapd compiles them) and
 * anchored at both ends as snapd anchors them.
 *
 * <p>The source is translated to an equivalent {@link Pattern}: what Go rejects is rejected
 * (backreferences, look-around, possessive or stacked repetitions, unknown escapes, repeat counts
 * over 1000, ...), and Go-only syntax is accepted ({@code (?P<name>...)}, POSIX classes such as
 * {@code [[:alpha:]]}, a literal {@code {}). Semantics follow Go: {@code $} is the end of the text
 * unless {@code (?m)}, {@code .} excludes only {@code \n}, {@code \s} is {@code [\t\n\f\r ]}.
 * {@code \b} is an ASCII word boundary. The {@code U} (ungreedy) flag is accepted and dropped:
 * greediness cannot change whether a whole text matches, the only use of these patterns.
 */
final class GoRegexp {
  private static final int MAX_REPEAT = 1000;
  private static final Map<String, String> POSIX_CLASSES =
      Map.ofEntries(
          Map.entry("alnum", "0-9A-Za-z"),
          Map.entry("alpha", "A-Za-z"),
          Map.entry("ascii", "\\x{0}-\\x{7F}"),
          Map.entry("blank", "\\t "),
          Map.entry("cntrl", "\\x{0}-\\x{1F}\\x{7F}"),
          Map.entry("digit", "0-9"),
          Map.entry("graph", "!-~"),
          Map.entry("lower", "a-z"),
          Map.entry("print", " -~"),
          Map.entry("punct", "!-/:-@\\[-`{-~"),
          Map.entry("space", "\\t\\n\\x{0B}\\f\\r "),
          Map.entry("upper", "A-Z"),
          Map.entry("word", "0-9A-Za-z_"),
          Map.entry("xdigit", "0-9A-Fa-f"));
  private static final Map<Character, String> PERL_CLASSES =
      Map.of(
          'd', "0-9",
          's', "\\t\\n\\f\\r ",
          'w', "0-9A-Za-z_");
  private static final String WORD = "[0-9A-Za-z_]";
  // Java's \b also counts non-ASCII letters as word characters, Go's does not
  private static final String ASCII_WORD_BOUNDARY =
      "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
  private static final String ASCII_NON_WORD_BOUNDARY =
      "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";
  private static final Set<String> CATEGORIES =
      Set.of(
          "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
          "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk",
          "Sm", "So", "Z", "Zl", "Zp", "Zs");

  private GoRegexp() {}

  /**
   * Compiles {@code source} anchored ({@code ^(source)$} in Go terms).
   *
   * @param what how to name the regexp in the error ({@code "regexp"})
   * @throws DeclarationException at {@code path} if Go would not compile it
   */
  static Pattern compileAnchored(String source, String path, String what) {
    String translated;
    try {
      // translate the whole anchored text as Go sees it: a \Q or a ')' in source interacts
      // with the anchoring
      translated = new Translator("^(" + source + ")$").translate();
    } catch (Invalid e) {
      throw new DeclarationException(
          path, "cannot compile " + what + " \"" + source + "\": " + e.getMessage());
    }
    try {
      return Pattern.compile(translated, Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new DeclarationException(
          path, "cannot compile " + what + " \"" + source + "\": " + e.getDescription());
    }
  }

  /** A syntax error as Go reports it. */
  private static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** One open group: its flags and the largest repeat weight of its elements so far. */
  private static final class Group {
    final int start;
    boolean multiline;
    int maxWeight = 1;

    Group(int start, boolean multiline) {
      this.start = start;
      this.multiline = multiline;
    }
  }

  /** Translates Go syntax to Java syntax, one token at a time. */
  private static final class Translator {
    private final String s;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Group> groups = new ArrayDeque<>();
    private int i;
    /** Whether something precedes that a repetition may apply to. */
    private boolean operand;
    /** Whether the previous token was a repetition (Go forbids stacking them). */
    private boolean afterRepeat;
    /**
     * Product of the nested {@code {n,m}} counts in the last operand (a {@code {0}} cuts the
     * product); Go rejects a repetition whose product exceeds 1000.
     */
    private int operandWeight = 1;
    /**
     * Where a run of flag-only groups such as {@code (?i)} starts in the output, -1 if the last
     * token was something else: Go applies a repetition after them to the operand before them.
     */
    private int flagRunStart = -1;
    /** Where the current token, and the last operand, start in the output. */
    private int tokenStart;
    private int operandStart;

    Translator(String s) {
      this.s = s;
      groups.push(new Group(0, false));
    }

    String translate() throws Invalid {
      while (i < s.length()) {
        boolean repeated = false;
        boolean flagsOnly = false;
        tokenStart = out.length();
        char c = s.charAt(i);
        switch (c) {
          case '(' -> flagsOnly = openGroup();
          case ')' -> closeGroup();
          case '|' -> {
            out.append('|');
            i++;
            commit();
            operand = false;
          }
          case '^' -> {
            // Go's (?m)^ also matches after a final \n, Java's does not
            out.append(groups.peek().multiline ? "(?:\\A|(?<=\n))" : "\\A");
            i++;
            atom(1);
          }
          case '$' -> {
            // without (?m) Go's $ is the very end of the text; Java's would allow a final \n
            out.append(groups.peek().multiline ? "(?:\\z|(?=\n))" : "\\z");
            i++;
            atom(1);
          }
          case '.' -> {
            out.append('.');
            i++;
            atom(1);
          }
          case '[' -> {
            characterClass();
            atom(1);
          }
          case '*', '+', '?' -> {
            String op = String.valueOf(c);
            i++;
            repeat(op, 0, 0);
            repeated = true;
          }
          case '{' -> {
            int start = i;
            int[] counts = repeatCounts();
            if (counts == null) {
              out.append("\\{");
              i++;
              atom(1);
            } else {
              String op = s.substring(start, i);
              if (counts[0] > MAX_REPEAT || counts[1] > MAX_REPEAT
                  || (counts[1] >= 0 && counts[0] > counts[1])) {
                throw new Invalid("invalid repeat count: `" + op + "`");
              }
              repeat(op, counts[0], counts[1]);
              repeated = true;
            }
          }
          case '\\' -> escape();
          default -> {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            literal(cp);
            atom(1);
          }
        }
        afterRepeat = repeated;
        if (!flagsOnly) {
          flagRunStart = -1;
        }
      }
      if (groups.size() > 1) {
        throw new Invalid("missing closing ): `" + s + "`");
      }
      return out.toString();
    }

    private void atom(int weight) {
      commit();
      operandStart = tokenStart;
      operand = true;
      operandWeight = weight;
    }

    /** Records the last operand's weight in its group before it is left behind. */
    private void commit() {
      if (operand) {
        Group g = groups.peek();
        g.maxWeight = Math.max(g.maxWeight, operandWeight);
      }
    }

    /** {@code *}, {@code +}, {@code ?} or {@code {min,max}} (max -1: none), already consumed. */
    private void repeat(String op, int min, int max) throws Invalid {
      boolean lazy = i < s.length() && s.charAt(i) == '?';
      if (lazy) {
        i++;
      }
      String written = op + (lazy ? "?" : "");
      String flagRun = "";
      if (flagRunStart >= 0 && operand) {
        // move the flags after the repetition and group the operand: it may be repeated already
        flagRun = out.substring(flagRunStart);
        String operandText = out.substring(operandStart, flagRunStart);
        out.setLength(operandStart);
        out.append("(?:").append(operandText).append(')');
      }
      if (afterRepeat) {
        throw new Invalid("invalid nested repetition operator: `" + written + "`");
      }
      if (!operand) {
        throw new Invalid("missing argument to repetition operator: `" + written + "`");
      }
      if (op.startsWith("{")) {
        int m = max < 0 ? min : max;
        long weight = m == 0 ? 1 : (long) m * operandWeight;
        if ((min >= 2 || max >= 2) && weight > MAX_REPEAT) {
          throw new Invalid("invalid repeat count: `" + op + "`");
        }
        operandWeight = (int) weight;
        out.append('{').append(min);
        if (max != min) {
          out.append(',');
          if (max >= 0) {
            out.append(max);
          }
        }
        out.append('}');
      } else {
        out.append(op);
      }
      if (lazy) {
        out.append('?');
      }
      out.append(flagRun);
    }

    /** Parses {@code {n}}, {@code {n,}} or {@code {n,m}} at i; null if it is a literal brace. */
    private int[] repeatCounts() {
      int j = i + 1;
      int numStart = j;
      j = digits(j);
      if (j < 0) {
        return null;
      }
      int min = count(numStart, j);
      int max = min;
      if (j < s.length() && s.charAt(j) == ',') {
        j++;
        if (j < s.length() && s.charAt(j) == '}') {
          max = -1;
        } else {
          int maxStart = j;
          j = digits(j);
          if (j < 0) {
            return null;
          }
          max = count(maxStart, j);
        }
      }
      if (j >= s.length() || s.charAt(j) != '}') {
        return null;
      }
      i = j + 1;
      return new int[] {min, max};
    }

    /** The end of a run of digits without leading zero starting at j, or -1. */
    private int digits(int j) {
      int k = j;
      while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
        k++;
      }
      if (k == j || (k - j > 1 && s.charAt(j) == '0')) {
        return -1;
      }
      return k;
    }

    /** The value of digits [from, to), capped above {@link #MAX_REPEAT}. */
    private int count(int from, int to) {
      return to - from > 4 ? MAX_REPEAT + 1 : Integer.parseInt(s.substring(from, to));
    }

    /** Returns whether this was a flag-only group, {@code (?i)}. */
    private boolean openGroup() throws Invalid {
      commit();
      boolean multiline = groups.peek().multiline;
      if (!s.startsWith("(?", i)) {
        out.append('(');
        i++;
        groups.push(new Group(tokenStart, multiline));
        operand = false;
        return false;
      }
      if (s.startsWith("(?P<", i) && s.length() - i > 4) {
        int end = s.indexOf('>', i);
        if (end < 0) {
          throw new Invalid("invalid named capture: `" + s.substring(i) + "`");
        }
        String name = s.substring(i + 4, end);
        if (!name.matches("[A-Za-z0-9_]+")) {
          throw new Invalid("invalid named capture: `" + s.substring(i, end + 1) + "`");
        }
        // the name plays no part in matching; Java's name syntax is narrower
        out.append('(');
        i = end + 1;
        groups.push(new Group(tokenStart, multiline));
        operand = false;
        return false;
      }
      int j = i + 2;
      boolean negated = false;
      boolean sawFlag = false;
      StringBuilder flags = new StringBuilder();
      while (j < s.length()) {
        char c = s.charAt(j);
        if (c == 'i' || c == 'm' || c == 's' || c == 'U') {
          if (c == 'm') {
            multiline = !negated;
          }
          if (c != 'U') {
            flags.append(c);
          }
          sawFlag = true;
        } else if (c == '-' && !negated) {
          negated = true;
          sawFlag = false;
          flags.append(c);
        } else if ((c == ':' || c == ')') && (!negated || sawFlag)) {
          i = j + 1;
          if (flags.length() > 0 && flags.charAt(flags.length() - 1) == '-') {
            flags.setLength(flags.length() - 1); // only U was negated
          }
          if (c == ':') {
            out.append("(?").append(flags).append(':');
            groups.push(new Group(tokenStart, multiline));
            operand = false;
            return false;
          }
          // flags for the rest of the current group
          if (flagRunStart < 0) {
            flagRunStart = out.length();
          }
          if (flags.length() > 0) {
            out.append("(?").append(flags).append(')');
          }
          groups.peek().multiline = multiline;
          return true;
        } else {
          break;
        }
        j++;
      }
      int end = Math.min(s.length(), j + 1);
      throw new Invalid("invalid or unsupported Perl syntax: `" + s.substring(i, end) + "`");
    }

    private void closeGroup() throws Invalid {
      if (groups.size() == 1) {
        throw new Invalid("unexpected ): `" + s + "`");
      }
      commit();
      Group closed = groups.pop();
      out.append(')');
      i++;
      operand = false;
      tokenStart = closed.start;
      atom(closed.maxWeight);
    }

    /** A backslash outside a character class. */
    private void escape() throws Invalid {
      if (i + 1 >= s.length()) {
        throw new Invalid("trailing backslash at end of expression");
      }
      char c = s.charAt(i + 1);
      switch (c) {
        case 'A', 'z' -> {
          out.append('\\').append(c);
          i += 2;
          atom(1);
        }
        case 'b', 'B' -> {
          out.append(c == 'b' ? ASCII_WORD_BOUNDARY : ASCII_NON_WORD_BOUNDARY);
          i += 2;
          atom(1);
        }
        case 'Q' -> {
          int end = s.indexOf("\\E", i + 2);
          String lit = end < 0 ? s.substring(i + 2) : s.substring(i + 2, end);
          i = end < 0 ? s.length() : end + 2;
          // a repetition after \Q...\E applies to its last character
          lit.codePoints()
              .forEach(
                  cp -> {
                    tokenStart = out.length();
                    literal(cp);
                  });
          if (!lit.isEmpty()) {
            atom(1);
          }
        }
        case 'p', 'P' -> {
          out.append(unicodeClass());
          atom(1);
        }
        case 'd', 'D', 's', 'S', 'w', 'W' -> {
          out.append(perlClass());
          atom(1);
        }
        default -> {
          literal(escapedChar());
          atom(1);
        }
      }
    }

    /** {@code \d} etc. at i, as a Java class (inside a class: as a nested class). */
    private String perlClass() {
      char c = s.charAt(i + 1);
      i += 2;
      String members = PERL_CLASSES.get(Character.toLowerCase(c));
      boolean negated = Character.isUpperCase(c);
      return "[" + (negated ? "^" : "") + members + "]";
    }

    /** {@code \pL}, {@code \p{Greek}}, {@code \PL}, {@code \p{^Greek}} at i. */
    private String unicodeClass() throws Invalid {
      boolean negated = s.charAt(i + 1) == 'P';
      int start = i;
      String name;
      if (i + 2 >= s.length()) {
        throw new Invalid("invalid character class range: `" + s.substring(start) + "`");
      }
      if (s.charAt(i + 2) == '{') {
        int end = s.indexOf('}', i);
        if (end < 0) {
          throw new Invalid("invalid character class range: `" + s.substring(start) + "`");
        }
        name = s.substring(i + 3, end);
        i = end + 1;
      } else {
        int cp = s.codePointAt(i + 2);
        name = new String(Character.toChars(cp));
        i += 2 + Character.charCount(cp);
      }
      if (name.startsWith("^")) {
        negated = !negated;
        name = name.substring(1);
      }
      String java;
      if (name.equals("Any")) {
        java = "\\x{0}-\\x{10FFFF}";
      } else if (CATEGORIES.contains(name)) {
        java = "\\p{" + name + "}";
      } else if (isScript(name)) {
        java = "\\p{Is" + name + "}";
      } else {
        throw new Invalid("invalid character class range: `" + s.substring(start, i) + "`");
      }
      return "[" + (negated ? "^" : "") + java + "]";
    }

    /** Go's script names are Unicode's, with underscores; Java knows them by the same name. */
    private static boolean isScript(String name) {
      if (!name.matches("[A-Z][A-Za-z_]*")) {
        return false;
      }
      try {
        Character.UnicodeScript.forName(name.toUpperCase(Locale.ROOT));
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    /**
     * A single escaped character at i (Go's parseEscape): octal, hex, C escapes and escaped
     * punctuation.
     */
    private int escapedChar() throws Invalid {
      int start = i;
      i++; // the backslash
      if (i >= s.length()) {
        throw new Invalid("trailing backslash at end of expression");
      }
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c >= '1' && c <= '7' && !(i < s.length() && isOctal(s.charAt(i)))) {
        throw new Invalid("invalid escape sequence: `" + s.substring(start, i) + "`");
      }
      if (c >= '0' && c <= '7') {
        int r = c - '0';
        for (int k = 1; k < 3 && i < s.length() && isOctal(s.charAt(i)); k++) {
          r = r * 8 + s.charAt(i) - '0';
          i++;
        }
        return r;
      }
      switch (c) {
        case 'x' -> {
          return hexEscape(start);
        }
        case 'a' -> {
          return 7;
        }
        case 'f' -> {
          return '\f';
        }
        case 'n' -> {
          return '\n';
        }
        case 'r' -> {
          return '\r';
        }
        case 't' -> {
          return '\t';
        }
        case 'v' -> {
          return 0x0B;
        }
        default -> {
          if (c < 0x80 && !Character.isLetterOrDigit(c)) {
            return c;
          }
          throw new Invalid("invalid escape sequence: `" + s.substring(start, i) + "`");
        }
      }
    }

    private int hexEscape(int start) throws Invalid {
      if (i < s.length() && s.charAt(i) == '{') {
        int end = s.indexOf('}', i);
        String hex = end < 0 ? "" : s.substring(i + 1, end);
        if (!hex.matches("[0-9A-Fa-f]+")
            || hex.replaceFirst("^0+", "").length() > 6
            || Integer.parseInt(hex, 16) > Character.MAX_CODE_POINT) {
          throw new Invalid("invalid escape sequence: `" + s.substring(start, Math.max(i, end + 1)) + "`");
        }
        i = end + 1;
        return Integer.parseInt(hex, 16);
      }
      if (i + 2 <= s.length() && s.substring(i, i + 2).matches("[0-9A-Fa-f]{2}")) {
        i += 2;
        return Integer.parseInt(s.substring(i - 2, i), 16);
      }
      throw new Invalid("invalid escape sequence: `" + s.substring(start, Math.min(s.length(), i + 2)) + "`");
    }

    private static boolean isOctal(char c) {
      return c >= '0' && c <= '7';
    }

    /** Appends one literal code point, quoted so that Java reads it as itself. */
    private void literal(int cp) {
      out.append(quoted(cp));
    }

    private static String quoted(int cp) {
      if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
        return String.valueOf((char) cp);
      }
      return "\\x{" + Integer.toHexString(cp) + "}";
    }

    /** A bracketed class at i, Go rules: leading ] is literal, [ is literal, [:name:]. */
    private void characterClass() throws Invalid {
      int start = i;
      i++;
      StringBuilder cls = new StringBuilder("[");
      if (i < s.length() && s.charAt(i) == '^') {
        cls.append('^');
        i++;
      }
      boolean first = true;
      while (first || i >= s.length() || s.charAt(i) != ']') {
        if (i >= s.length()) {
          throw new Invalid("missing closing ]: `" + s.substring(start) + "`");
        }
        first = false;
        if (s.startsWith("[:", i)) {
          int end = s.indexOf(":]", i + 2);
          if (end >= 0) {
            String name = s.substring(i + 2, end);
            boolean negated = name.startsWith("^");
            String members = POSIX_CLASSES.get(negated ? name.substring(1) : name);
            if (members == null) {
              throw new Invalid("invalid character class range: `" + s.substring(i, end + 2) + "`");
            }
            cls.append('[').append(negated ? "^" : "").append(members).append(']');
            i = end + 2;
            continue;
          }
        }
        if (s.charAt(i) == '\\' && i + 1 < s.length()) {
          char e = s.charAt(i + 1);
          if (e == 'p' || e == 'P') {
            cls.append(unicodeClass());
            continue;
          }
          if ("dDsSwW".indexOf(e) >= 0) {
            cls.append(perlClass());
            continue;
          }
        }
        int rangeStart = i;
        int lo = classChar(start);
        int hi = lo;
        if (i + 1 < s.length() && s.charAt(i) == '-' && s.charAt(i + 1) != ']') {
          i++;
          hi = classChar(start);
          if (hi < lo) {
            throw new Invalid("invalid character class range: `" + s.substring(rangeStart, i) + "`");
          }
        }
        cls.append(quoted(lo));
        if (hi != lo) {
          cls.append('-').append(quoted(hi));
        }
      }
      i++; // the closing ]
      out.append(cls).append(']');
    }

    private int classChar(int classStart) throws Invalid {
      if (i >= s.length()) {
        throw new Invalid("missing closing ]: `" + s.substring(classStart) + "`");
      }
      if (s.charAt(i) == '\\') {
        return escapedChar();
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      return cp;
    }
  }
}
