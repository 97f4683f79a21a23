package io.snapif.model;

import java.util.regex.Pattern;

/** Name rules shared by snaps, plugs, slots, apps and hooks (snapd's validation). */
public final class Names {
  // snap names may start with a digit but must contain a letter; 2..40 characters, no leading,
  // trailing or double dash. Checked as snapd does (a simple pattern plus dash rules), since the
  // single-regexp form "^(?:[a-z0-9]+-?)*[a-z](?:-?[a-z0-9])*$" backtracks exponentially.
  private static final Pattern SNAP = Pattern.compile("^[a-z0-9-]*[a-z][a-z0-9-]*$");

  private Names() {}

  /** Whether {@code name} is a valid plug or slot name. */
  public static boolean isValidEndpointName(String name) {
    // snapd's ^[a-z](?:-?[a-z0-9])*$: lowercase letters, digits and single dashes, starting with
    // a letter, not ending with a dash. Checked without a regexp: it runs for every plug and slot
    // read or built, and the regexp took a tenth of reading a snap.yaml.
    if (name == null || name.isEmpty() || !isLowerAscii(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-') {
        if (i + 1 == name.length() || name.charAt(i + 1) == '-') {
          return false;
        }
      } else if (!isLowerAscii(c) && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAscii(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** Whether {@code name} is a valid snap name. */
  public static boolean isValidSnapName(String name) {
    return name != null && name.length() >= 2 && name.length() <= 40
        && SNAP.matcher(name).matches()
        && !name.startsWith("-") && !name.endsWith("-") && !name.contains("--");
  }
}
