package io.snapif.policy.fact;

import io.snapif.model.ConnectionId;
import io.snapif.model.PlugRef;
import io.snapif.model.SlotRef;

/**
 * Derived by {@code auto-connection.drl}: a pair whose auto-connection is allowed, hence a
 * candidate slot of its plug (snapd's {@code AutoConnectCandidateSlots}).
 *
 * <p>Immutable; equal when of the same pair fact, so that several allowing rulings of one pair
 * (two custom allows) justify one candidate.
 */
public final class Candidate {
  private final PairCheck pair;
  private final Ruling ruling;

  private Candidate(PairCheck pair, Ruling ruling) {
    this.pair = pair;
    this.ruling = ruling;
  }

  /**
   * The candidate an allowing auto-connection ruling makes.
   *
   * @throws IllegalArgumentException if the ruling is not about an auto-connection pair
   */
  public static Candidate of(Ruling ruling) {
    if (!(ruling.getCheck() instanceof PairCheck pair)
        || pair.getKind() != io.snapif.declaration.CheckKind.AUTO_CONNECTION) {
      throw new IllegalArgumentException("not an auto-connection ruling: " + ruling);
    }
    return new Candidate(pair, ruling);
  }

  public PairCheck getPair() {
    return pair;
  }

  /** The ruling that allowed it. */
  public Ruling getRuling() {
    return ruling;
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
    return ruling.getVerdict().isSlotsPerPlugAny();
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
