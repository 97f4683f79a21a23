package io.snapif.policy.fact;

/**
 * Derived by {@code declaration-keys.drl}: constraint {@code key} of an {@link Alternative}
 * holds for its check.
 *
 * <p>In DRL: {@code KeyMatch(key == "plug-attributes", check == $c)}. Immutable,
 * identity-equal.
 */
public final class KeyMatch {
  private final Alternative alternative;
  private final String key;

  KeyMatch(Alternative alternative, String key) {
    this.alternative = alternative;
    this.key = key;
  }

  public Alternative getAlternative() {
    return alternative;
  }

  /** The constraint key, as the declaration spells it: {@code plug-attributes}, ... */
  public String getKey() {
    return key;
  }

  /** The check the alternative is about. */
  public Check getCheck() {
    return alternative.getCheck();
  }

  @Override
  public String toString() {
    return key + " matches in " + alternative;
  }
}
