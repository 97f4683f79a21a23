package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.manager.DecisionLayer;
import io.snapif.policy.fact.ConstraintMatcher.Key;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One alternative of the deciding rule's {@code deny-<kind>} or {@code allow-<kind>} key for a
 * {@link Check}: the constraints that must all hold for the key to match. Derived by
 * {@code declaration-keys.drl}, one per alternative of the check's {@link DecidingRule}; the rules
 * of that file then match each constraint key the check looks at, and insert a {@link KeyMatch}
 * or a {@link Mismatch}. An alternative matches when it has no mismatch; the first that matches
 * decides the key.
 *
 * <p>In DRL: {@code Alternative(deny == false, check == $c)}. Immutable, identity-equal.
 */
public final class Alternative {
  private static final Map<String, Key> KEYS = Arrays.stream(Key.values())
      .collect(Collectors.toUnmodifiableMap(Key::word, Function.identity()));

  private final DecidingRule deciding;
  private final boolean deny;
  private final int index;
  private final ConstraintSet constraints;

  Alternative(DecidingRule deciding, boolean deny, int index, ConstraintSet constraints) {
    this.deciding = deciding;
    this.deny = deny;
    this.index = index;
    this.constraints = constraints;
  }

  public Check getCheck() {
    return deciding.getCheck();
  }

  public CheckKind getKind() {
    return deciding.getKind();
  }

  /** The check's deciding rule, whose key this alternative belongs to. */
  public DecidingRule getDecidingRule() {
    return deciding;
  }

  /** The layer of the deciding rule. */
  public DecisionLayer getLayer() {
    return deciding.getLayer();
  }

  /** Whether it belongs to the {@code deny-<kind>} key (else to {@code allow-<kind>}). */
  public boolean isDeny() {
    return deny;
  }

  /** The rule key it belongs to, e.g. {@code deny-auto-connection}. */
  public String getKey() {
    return deny ? getKind().denyKey() : getKind().allowKey();
  }

  /** Its 1-based position among the key's alternatives. */
  public int getIndex() {
    return index;
  }

  /** Its constraints. */
  public ConstraintSet getConstraints() {
    return constraints;
  }

  /**
   * Whether it constrains {@code key} ({@code plug-names}, {@code slot-attributes},
   * {@code on-classic}, ...) and the check looks at that key: a rule of one side ignores some of
   * the other side's keys, as snapd does, and a snap without snap-declaration is checked on
   * {@code slot-snap-type} and {@code on-classic} only.
   */
  public boolean constrains(String key) {
    Key k = KEYS.get(key);
    return k != null && ConstraintMatcher.constrains(constraints, k)
        && ConstraintMatcher.keys(getCheck(), deciding.ruleSide()).contains(k);
  }

  /**
   * Matches constraint {@code key} against the check: a {@link KeyMatch} or a {@link Mismatch}
   * that says why not.
   *
   * @throws IllegalArgumentException if the alternative does not constrain {@code key}
   */
  public Object outcome(String key) {
    if (!constrains(key)) {
      throw new IllegalArgumentException(this + " does not constrain " + key);
    }
    Failure failure = ConstraintMatcher.key(getCheck(), constraints, KEYS.get(key));
    return failure == null ? new KeyMatch(this, key) : new Mismatch(this, key, failure);
  }

  @Override
  public String toString() {
    return getKey() + " alternative " + index + " of " + deciding;
  }
}
