package io.snapif.declaration;

import static java.lang.Character.charCount;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Regular expressions of declarations, written in Go's syntax (RE2, as snapd compiles them) and
 * anchored at both ends as snapd anchors them ({@code ^(source)$}).
 *
 * <p>RE2/J does the work: its parser is a port of Go's, and it matches in time linear in the
 * text as Go does, so no pattern can make a decision hang. What is left here is where RE2/J 1.8
 * and Go 1.19 (snapd 2.57.6's) part ways, found by a scan of the source that reads just enough
 * syntax to see groups, repetitions and what they apply to:
 *
 * <ul>
 *   <li>Go 1.19 has no {@code (?<name>...)}; RE2/J would read {@code (?<=...)} as one too;
 *   <li>Go 1.19 allows a group name twice, RE2/J does not: names play no part in matching, so
 *       they are dropped when one repeats;
 *   <li>Go rejects nested repetitions of more than 1000 copies ({@code (a{500}){3}}), RE2/J
 *       only checks each count;
 *   <li>Go reports a {@code )} without its {@code (} as {@code unexpected )}, RE2/J as an
 *       internal error;
 *   <li>RE2/J takes a repeated literal {@code {} ({@code x{*}) for stacked repetitions;
 *   <li>RE2/J takes any escaped non-ASCII character ({@code \é}) as itself, Go rejects it.
 * </ul>
 *
 * <p>Left as RE2/J has them: its Unicode tables ({@code \pL}, {@code \p{Greek}}, {@code (?i)})
 * are Unicode 6's where Go 1.19's are Unicode 13's, so scripts and letters added since (such as
 * {@code \p{Adlam}}) are unknown. Writing classes out from Java's tables instead makes RE2/J
 * fold every code point of them one by one under {@code (?i)}, far too slow to compile. For the
 * same reason RE2/J never finishes folding U+1C80..U+1C88 under {@code (?i)}: a case-insensitive
 * regexp that may name them is refused, where Go accepts it.
 */
final class GoRegexp {
  private static final int MAX_REPEAT = 1000;
  private static final String ERROR_PREFIX = "error parsing regexp: ";
  private static final String MISSING_PAREN = "missing closing )";
  private static final String MISSING_BRACKET = "missing closing ]";
  // Go's {n}, {n,}, {n,m}: anything else, such as {01} or {,2}, is a literal brace
  private static final java.util.regex.Pattern REPEAT =
      java.util.regex.Pattern.compile("\\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?}");
  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("\\(\\?P<([A-Za-z0-9_]+)>");

  private GoRegexp() {}

  /**
   * Compiles {@code source} anchored ({@code ^(source)$} in Go terms). Test a text with {@code
   * matcher(text).find()}, a search like Go's {@code MatchString}.
   *
   * @param what how to name the regexp in the error ({@code "regexp"})
   * @throws DeclarationException at {@code path} if Go would not compile it
   */
  static Pattern compileAnchored(String source, String path, String what) {
    if (mayFoldUnfoldable(source)) {
      throw new DeclarationException(path, "cannot compile " + what + " \"" + source + "\": "
          + "case-insensitive matching of U+1C80..U+1C88 is not supported");
    }
    // scan the whole anchored text as Go parses it: a \Q or a ')' in source interacts with the
    // anchoring
    String anchored = "^(" + source + ")$";
    try {
      return Pattern.compile(new Scan(anchored).adapted());
    } catch (PatternSyntaxException e) {
      // Go's message, less the prefix that the context replaces; this one quotes the whole
      // text, which must not show the scan's changes
      String message =
          e.getDescription().equals(MISSING_PAREN)
              ? MISSING_PAREN + ": `" + anchored + "`"
              : e.getMessage().substring(ERROR_PREFIX.length());
      throw new DeclarationException(
          path, "cannot compile " + what + " \"" + source + "\": " + message);
    }
  }

  /** A flag group that may turn case folding on: {@code (?i)}, {@code (?si:}, ... */
  private static final java.util.regex.Pattern FOLD_FLAG =
      java.util.regex.Pattern.compile("\\(\\?[imsU-]*i[imsU-]*[:)]");
  /** One character of a regexp: {@code \x{HEX}}, {@code \xHH}, another escape, or itself. */
  private static final java.util.regex.Pattern CHAR = java.util.regex.Pattern.compile(
      "\\\\x\\{([0-9A-Fa-f]{1,8})}|\\\\x([0-9A-Fa-f]{2})|\\\\.|(.)",
      java.util.regex.Pattern.DOTALL);
  private static final int UNFOLDABLE_FIRST = 0x1C80;
  private static final int UNFOLDABLE_LAST = 0x1C88;

  /**
   * Whether {@code source} may fold one of U+1C80..U+1C88 (Cyrillic letters of Unicode 9):
   * RE2/J 1.8's case tables predate them while Java's {@code Character} knows their case, and
   * its folding loops forever on them. Conservative: case folding may be on, and one of them
   * appears as a character or inside a range {@code a-b}.
   */
  static boolean mayFoldUnfoldable(String source) {
    if (!FOLD_FLAG.matcher(source).find()) {
      return false;
    }
    java.util.regex.Matcher m = CHAR.matcher(source);
    int previous = -1; // the character before a '-', or -1
    int last = -1;
    boolean dash = false;
    while (m.find()) {
      int c = m.group(1) != null
          ? (int) Math.min(Long.parseLong(m.group(1), 16), Integer.MAX_VALUE)
          : m.group(2) != null ? Integer.parseInt(m.group(2), 16)
          : m.group(3) != null ? m.group(3).codePointAt(0) : -1;
      if (c >= UNFOLDABLE_FIRST && c <= UNFOLDABLE_LAST) {
        return true;
      }
      if (dash && previous >= 0 && c >= 0 && previous <= UNFOLDABLE_LAST
          && c >= UNFOLDABLE_FIRST) {
        return true;
      }
      dash = c == '-' && m.group(3) != null;
      previous = dash ? last : -1;
      last = c;
    }
    return false;
  }

  /**
   * One pass over Go syntax. Only valid syntax needs reading right: RE2/J reports the errors,
   * and {@link #goError} makes sure that one before a Go-only error wins, as in Go.
   */
  private static final class Scan {
    private final String s;
    /** The changes to make to {@code s} for RE2/J, in order. */
    private final List<Edit> edits = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private boolean repeatedName;
    /** Per open group, the largest weight among its elements so far. */
    private final Deque<Integer> groups = new ArrayDeque<>();
    /**
     * The weight of the last element, 0 if none: the copies its nested repetitions make of its
     * innermost part, along the worst path (a {@code {0}} makes none, and ends the path).
     */
    private int operand;
    /** Whether the last token was a repetition, which another cannot follow. */
    private boolean afterRepeat;
    private int i;

    /** Replace {@code length} chars at {@code at}; a name's only if a name repeats. */
    private record Edit(int at, int length, String with, boolean name) {}

    Scan(String s) {
      this.s = s;
    }

    String adapted() {
      groups.push(1);
      while (i < s.length()) {
        boolean repeat = false;
        switch (s.charAt(i)) {
          case '\\' -> escape();
          case '[' -> {
            skipClass();
            element(1);
          }
          case '(' -> openGroup();
          case ')' -> {
            if (groups.size() == 1) {
              throw goError("unexpected )", s);
            }
            element(0);
            operand = groups.pop();
            i++;
          }
          case '|' -> {
            element(0);
            i++;
          }
          case '{' -> repeat = repeatCounts();
          case '*', '+', '?' -> {
            i++; // the weight is unchanged
            repeat = true;
          }
          default -> {
            i += charCount(s.codePointAt(i));
            element(1);
          }
        }
        if (repeat && s.startsWith("?", i)) {
          i++; // non-greedy
        }
        afterRepeat = repeat;
      }
      return text();
    }

    /** The text read so far, as RE2/J is to read it. */
    private String text() {
      StringBuilder b = new StringBuilder(i + 8);
      int from = 0;
      for (Edit e : edits) {
        if (repeatedName || !e.name()) {
          b.append(s, from, e.at()).append(e.with());
          from = e.at() + e.length();
        }
      }
      return b.append(s, from, i).toString();
    }

    /** A new element of weight w (0: none, as after {@code |}) follows the last one. */
    private void element(int w) {
      groups.push(Math.max(groups.pop(), operand));
      operand = w;
    }

    /** Returns whether this was {@code {n,m}} (else a literal {@code {}). */
    private boolean repeatCounts() {
      java.util.regex.Matcher m = REPEAT.matcher(s).region(i, s.length());
      if (!m.lookingAt()) {
        // RE2/J takes a repetition of a literal { for a stacked one: escape the {
        if (i + 1 < s.length()
            && ("*+?".indexOf(s.charAt(i + 1)) >= 0 || m.region(i + 1, s.length()).lookingAt())) {
          edits.add(new Edit(i, 1, "\\{", false));
        }
        i++;
        element(1);
        return false;
      }
      int min = count(m.group(1));
      int max = m.group(2) == null ? min : m.group(3) == null ? -1 : count(m.group(3));
      int copies = Math.max(max < 0 ? min : max, 1);
      boolean countsValid = min <= MAX_REPEAT && max <= MAX_REPEAT && (max < 0 || min <= max);
      // RE2/J checks the counts, the argument and stacking: leave those errors to it
      if (countsValid && operand > 0 && !afterRepeat && max != 0
          && (long) copies * operand > MAX_REPEAT) {
        throw goError("invalid repeat count", m.group());
      }
      operand = max == 0 ? 1 : copies * operand;
      i = m.end();
      return true;
    }

    private static int count(String digits) {
      return digits.length() > 4 ? MAX_REPEAT + 1 : Integer.parseInt(digits);
    }

    /**
     * {@code (}, {@code (?flags)}, {@code (?flags:}, {@code (?P<name>}; {@code (?<} is an error
     * in Go 1.19.
     */
    private void openGroup() {
      if (s.startsWith("(?<", i)) {
        throw goError("invalid or unsupported Perl syntax", "(?<");
      }
      java.util.regex.Matcher named = NAME.matcher(s).region(i, s.length());
      if (named.lookingAt()) {
        repeatedName |= !names.add(named.group(1));
        // (?: rather than ( keeps what follows as it was: (?P<n>? is a missing argument
        edits.add(new Edit(i, named.end() - i, "(?:", true));
        i = named.end();
      } else if (s.startsWith("(?", i)) {
        int j = i + 2;
        while (j < s.length() && "imsU-".indexOf(s.charAt(j)) >= 0) {
          j++;
        }
        // past the ':' or ')' after the flags, or the character that makes them invalid
        i = Math.min(j + 1, s.length());
        if (s.startsWith(")", j)) {
          return; // flags only: a repetition after them applies to the element before
        }
      } else {
        i++;
      }
      element(0);
      groups.push(1);
    }

    private void escape() {
      int start = i;
      skipEscape();
      // an empty \Q\E is nothing at all
      if (!s.startsWith("\\Q\\E", start)) {
        element(1);
      }
    }

    /** A backslash escape; {@code \x{..}}, {@code \p{..}} and {@code \Q..\E} span more. */
    private void skipEscape() {
      int start = i++;
      if (i >= s.length()) {
        return;
      }
      int c = s.codePointAt(i);
      if (c >= 0x80) {
        // RE2/J takes any escaped non-ASCII character as itself, Go only ASCII punctuation
        i = start;
        throw goError("invalid escape sequence", s.substring(start, start + 1 + charCount(c)));
      }
      if (c == 'Q') {
        int end = s.indexOf("\\E", i);
        i = end < 0 ? s.length() : end + 2;
      } else if ((c == 'x' || c == 'p' || c == 'P') && s.startsWith("{", i + 1)) {
        int end = s.indexOf('}', i);
        i = end < 0 ? s.length() : end + 1;
      } else {
        i++;
      }
    }

    /** A bracketed class: a leading {@code ]} is a member, {@code [:name:]} one unit. */
    private void skipClass() {
      i++;
      if (s.startsWith("^", i)) {
        i++;
      }
      boolean first = true;
      while (i < s.length() && (first || s.charAt(i) != ']')) {
        first = false;
        int end = s.startsWith("[:", i) ? s.indexOf(":]", i + 2) : -1;
        if (end >= 0) {
          i = end + 2;
        } else if (s.charAt(i) == '\\') {
          skipEscape();
        } else {
          i += charCount(s.codePointAt(i));
        }
      }
      i = Math.min(i + 1, s.length());
    }

    /**
     * Go's error here, unless the text before holds one: RE2/J reports that one (a missing
     * {@code )} or {@code ]} only means the text is cut here).
     */
    private PatternSyntaxException goError(String error, String input) {
      try {
        Pattern.compile(text());
      } catch (PatternSyntaxException e) {
        if (!e.getDescription().equals(MISSING_PAREN)
            && !e.getDescription().equals(MISSING_BRACKET)) {
          return e;
        }
      }
      return new PatternSyntaxException(error, input);
    }
  }
}
