package io.snapif.catalog.sanitizers;

import java.util.Optional;

/**
 * The syntax check snapd runs when it turns an AppArmor-style glob ({@code *}, {@code **},
 * {@code ?}, {@code [...]}, {@code {a,b}}) into a pattern: braces and brackets balanced, commas
 * only inside braces, every brace group with at least two alternatives, at most 50 nested
 * groups, no dangling backslash.
 */
final class AppArmorGlob {
  private static final int MAX_GROUP_DEPTH = 50;

  private AppArmorGlob() {}

  /** The problem with {@code pattern} in snapd's words, if it is not well formed. */
  static Optional<String> problem(String pattern) {
    boolean escapeNext = false;
    boolean inCharClass = false;
    int depth = 0;
    int[] commas = new int[MAX_GROUP_DEPTH + 1];
    String quoted = GoText.quote(pattern);
    int[] cps = pattern.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int ch = cps[i];
      if (escapeNext) {
        escapeNext = false;
        continue;
      }
      if (inCharClass && ch != '\\' && ch != ']') {
        continue;
      }
      switch (ch) {
        case '\\' -> escapeNext = true;
        case '*' -> {
          if (i + 1 < cps.length && cps[i + 1] == '*') {
            i++; // "**" is one token
          }
        }
        case '[' -> inCharClass = true;
        case ']' -> {
          if (!inCharClass) {
            return Optional.of("pattern contains unmatching ']': " + quoted);
          }
          inCharClass = false;
        }
        case '{' -> {
          depth++;
          if (depth > MAX_GROUP_DEPTH) {
            return Optional.of("maximum group depth exceeded: " + quoted);
          }
          commas[depth] = 0;
        }
        case '}' -> {
          if (depth <= 0) {
            return Optional.of("invalid closing brace, no matching open { found: " + quoted);
          }
          if (commas[depth] == 0) {
            return Optional.of("invalid number of items between {}: " + quoted);
          }
          depth--;
        }
        case ',' -> {
          if (depth <= 0) {
            return Optional.of("cannot use ',' outside of group or character class");
          }
          commas[depth]++;
        }
        default -> { }
      }
    }
    if (depth > 0) {
      return Optional.of("missing " + depth + " closing brace(s): " + quoted);
    }
    if (inCharClass) {
      return Optional.of("missing closing bracket ']': " + quoted);
    }
    if (escapeNext) {
      return Optional.of("expected character after '\\': " + quoted);
    }
    return Optional.empty();
  }
}
