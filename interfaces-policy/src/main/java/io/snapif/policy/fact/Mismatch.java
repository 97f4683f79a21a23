package io.snapif.policy.fact;

/**
 * Derived by {@code declaration-keys.drl}: constraint {@code key} of an {@link Alternative} does
 * not hold for its check, and why ({@link #getWhy()}: the words a verdict's detail uses, e.g.
 * {@code plug-attributes: attribute "content" value "a" does not match $SLOT(content) "b"}).
 *
 * <p>In DRL: {@code Mismatch(key == "plug-attributes", check == $c)}. Immutable,
 * identity-equal.
 */
public final class Mismatch {
  private final Alternative alternative;
  private final String key;
  private final Failure failure;

  Mismatch(Alternative alternative, String key, Failure failure) {
    this.alternative = alternative;
    this.key = key;
    this.failure = failure;
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

  /** Why the key does not match, for people. */
  public String getWhy() {
    return failure.describe();
  }

  @Override
  public String toString() {
    return key + " does not match in " + alternative + ": " + getWhy();
  }
}
