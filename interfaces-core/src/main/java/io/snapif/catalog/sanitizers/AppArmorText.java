package io.snapif.catalog.sanitizers;

/** The check snapd applies to paths that end up in AppArmor rules verbatim. */
final class AppArmorText {
  /** Characters with a meaning in AppArmor path expressions (and NUL). */
  static final String AARE = "?*[]{}^\"\u0000";

  private AppArmorText() {}

  /**
   * @throws AttributeCheckException {@code "<s>" contains a reserved apparmor char from ...},
   *     prefixed with {@code prefix}, if {@code s} holds one of {@link #AARE}
   */
  static void requireNoRegexp(String s, String prefix) {
    if (containsAny(s, AARE)) {
      throw new AttributeCheckException(
          prefix + GoText.quote(s) + " contains a reserved apparmor char from " + AARE);
    }
  }

  static boolean containsAny(String s, String chars) {
    return s.chars().anyMatch(c -> chars.indexOf(c) >= 0);
  }
}
