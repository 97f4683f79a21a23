package io.snapif.model;

import java.util.regex.Pattern;

/** Name rules shared by snaps, plugs, slots, apps and hooks (snapd's validation). */
public final class Names {
  // snapd: lowercase letters, digits and dashes, starting with a letter, no double or trailing
  // dash. Plug and slot names follow the same shape.
  private static final Pattern ENDPOINT = Pattern.compile("^[a-z](?:-?[a-z0-9])*$");
  // snap names may start with a digit but must contain a letter; 2..40 characters, no leading,
  // trailing or double dash. Checked as snapd does (a simple pattern plus dash rules), since the
  // single-regexp form "^(?:[a-z0-9]+-?)*[a-z](?:-?[a-z0-9])*$" backtracks exponentially.
  private static final Pattern SNAP = Pattern.compile("^[a-z0-9-]*[a-z][a-z0-9-]*$");

  private Names() {}

  /** Whether {@code name} is a valid plug or slot name. */
  public static boolean isValidEndpointName(String name) {
    return name != null && ENDPOINT.matcher(name).matches();
  }

  /** Whether {@code name} is a valid snap name. */
  public static boolean isValidSnapName(String name) {
    return name != null && name.length() >= 2 && name.length() <= 40
        && SNAP.matcher(name).matches()
        && !name.startsWith("-") && !name.endsWith("-") && !name.contains("--");
  }
}
