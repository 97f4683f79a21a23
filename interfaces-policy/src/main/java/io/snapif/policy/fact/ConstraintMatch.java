package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import java.util.Optional;

/**
 * Whether the value of one rule key ({@code deny-connection}, {@code allow-auto-connection}, ...)
 * matched a {@link Check}: which alternative matched, or why the first one that was tried
 * failed, e.g. {@code slot-publisher-id: "dev-b" does not match $PLUG_PUBLISHER_ID "dev-a"}.
 *
 * <p>Immutable.
 */
public final class ConstraintMatch {
  private final boolean matched;
  private final int alternative;
  private final Optional<ConstraintSet> constraints;
  private final Failure failure;

  private ConstraintMatch(boolean matched, int alternative, Optional<ConstraintSet> constraints,
      Failure failure) {
    this.matched = matched;
    this.alternative = alternative;
    this.constraints = constraints;
    this.failure = failure;
  }

  static ConstraintMatch matched(int alternative, ConstraintSet constraints) {
    return new ConstraintMatch(true, alternative, Optional.of(constraints), () -> "");
  }

  static ConstraintMatch failed(Failure failure) {
    return new ConstraintMatch(false, 0, Optional.empty(), failure);
  }

  /** Whether an alternative matched. */
  public boolean isMatched() {
    return matched;
  }

  /** The 1-based position of the alternative that matched; 0 when none did. */
  public int getAlternative() {
    return alternative;
  }

  /** The alternative that matched. */
  public Optional<ConstraintSet> constraints() {
    return constraints;
  }

  /** Why the first alternative tried did not match; empty when one matched. */
  public String getFailure() {
    return failure.describe();
  }

  /**
   * For a matched {@code allow-auto-connection}: whether it lets a plug connect to any number of
   * slots. snapd normalizes every other {@code slots-per-plug} value to 1.
   */
  public boolean isSlotsPerPlugAny() {
    return constraints.map(c -> c.effectiveSlotsPerPlug(CheckKind.AUTO_CONNECTION).isAny())
        .orElse(false);
  }

  @Override
  public String toString() {
    return matched ? "matched alternative " + alternative : "no match: " + getFailure();
  }
}
