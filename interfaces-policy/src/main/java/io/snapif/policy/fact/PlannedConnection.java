package io.snapif.policy.fact;

import io.snapif.model.ConnectionId;

/**
 * Derived by {@code auto-connection.drl}: the arity rules pick this candidate for its plug. It
 * becomes a {@link NewConnection} unless the pair is already in state ({@link AlreadyInState}),
 * and only when the pair concerns the snap being auto-connected ({@link #isOwnPair()}).
 *
 * <p>Immutable, identity-equal.
 */
public final class PlannedConnection {
  private final Candidate candidate;
  private final String rule;

  private PlannedConnection(Candidate candidate, String rule) {
    this.candidate = candidate;
    this.rule = rule;
  }

  public static PlannedConnection of(String rule, Candidate candidate) {
    return new PlannedConnection(candidate, rule);
  }

  public Candidate getCandidate() {
    return candidate;
  }

  public ConnectionId getId() {
    return candidate.getId();
  }

  /** Whether the plug or the slot belongs to the snap being auto-connected. */
  public boolean isOwnPair() {
    return candidate.isOwnPair();
  }

  /** The arity rule that picked it. */
  public String getRule() {
    return rule;
  }

  @Override
  public String toString() {
    return "planned " + getId() + " [" + rule + "]";
  }
}
