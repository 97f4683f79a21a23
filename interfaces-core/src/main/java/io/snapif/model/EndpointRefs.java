package io.snapif.model;

/** Parsing shared by {@link PlugRef} and {@link SlotRef}. */
final class EndpointRefs {
  private EndpointRefs() {}

  static String[] split(String text, String what) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
      throw new IllegalArgumentException(
          "invalid " + what + " reference \"" + text + "\", expected snap:name");
    }
    return new String[] {text.substring(0, colon), text.substring(colon + 1)};
  }
}
