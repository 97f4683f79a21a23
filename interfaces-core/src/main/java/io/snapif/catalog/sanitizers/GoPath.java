package io.snapif.catalog.sanitizers;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path helpers with the exact semantics of Go's {@code filepath.Clean} and {@code Dir}. */
final class GoPath {
  private GoPath() {}

  /** The shortest equivalent path: no {@code .}, resolved {@code ..}, no repeated or trailing
   *  slash; {@code "."} for an empty result. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** All but the last element, cleaned ({@code "."} when there is no slash). */
  static String dir(String path) {
    return clean(path.substring(0, path.lastIndexOf('/') + 1));
  }

  /** A clean relative-or-absolute path that does not climb out with {@code ..}. */
  static boolean isCleanSubPath(String path) {
    return clean(path).equals(path) && !path.equals("..") && !path.startsWith("../");
  }
}
