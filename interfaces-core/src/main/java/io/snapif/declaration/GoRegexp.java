package io.snapif.declaration;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions of declarations, written in Go's (RE2) syntax and anchored at both ends as
 * snapd anchors them.
 */
final class GoRegexp {
  private GoRegexp() {}

  /**
   * Compiles {@code source} anchored ({@code ^(source)$} in Go terms).
   *
   * @throws DeclarationException at {@code path} if it does not compile
   */
  static Pattern compileAnchored(String source, String path, String what) {
    try {
      return Pattern.compile("^(?:" + source + ")\\z", Pattern.UNIX_LINES);
    } catch (PatternSyntaxException e) {
      throw new DeclarationException(
          path, "cannot compile " + what + " \"" + source + "\": " + e.getDescription());
    }
  }
}
