package io.snapif.policy.fact;

import io.snapif.model.ConnectionId;
import io.snapif.model.PlugRef;
import io.snapif.model.SlotRef;

/**
 * Derived by {@code auto-connection.drl}: a pair whose auto-connection is allowed, hence a
 * candidate slot of its plug (snapd's {@code AutoConnectCandidateSlots}).
 *
 * <p>Immutable; equal when of the same pair fact, so that several allowing verdicts of one pair
 * (two custom allows) justify one candidate.
 */
public final class Candidate {
  private final PairCheck pair;
  private final Verdict verdict;

  private Candidate(PairCheck pair, Verdict verdict) {
    this.pair = pair;
    this.verdict = verdict;
  }

  /**
   * The candidate an allowing auto-connection verdict that counts makes.
   *
   * @throws IllegalArgumentException if the verdict is not an allowed auto-connection of a pair
   */
  public static Candidate of(Verdict verdict) {
    if (!(verdict.getCheck() instanceof PairCheck pair)
        || pair.getKind() != io.snapif.declaration.CheckKind.AUTO_CONNECTION
        || !verdict.isAllowed()) {
      throw new IllegalArgumentException("not an allowed auto-connection: " + verdict);
    }
    return new Candidate(pair, verdict);
  }

  public PairCheck getPair() {
    return pair;
  }

  /** The verdict that allowed it. */
  public Verdict getVerdict() {
    return verdict;
  }

  public ConnectionId getId() {
    return pair.getId();
  }

  public PlugRef getPlugRef() {
    return pair.getPlugRef();
  }

  public SlotRef getSlotRef() {
    return pair.getSlotRef();
  }

  /** Whether the allowing verdict lets the plug connect to any number of slots. */
  public boolean isSlotsPerPlugAny() {
    return verdict.isSlotsPerPlugAny();
  }

  /** Whether connecting it is the business of the snap being auto-connected. */
  public boolean isOwnPair() {
    return pair.isOwnPlug() || pair.isOwnSlot();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate c && c.pair == pair;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(pair);
  }

  @Override
  public String toString() {
    return "candidate " + pair.getId();
  }
}
