package io.snapif.policy.fact;

import io.snapif.model.ConnectionId;

/**
 * Derived by {@code auto-connection.drl}: a planned pair is not created because the state already
 * has it (established, or remembered as undesired).
 *
 * <p>Immutable, identity-equal.
 */
public final class AlreadyInState {
  private final PlannedConnection planned;
  private final StateEntry entry;
  private final String rule;

  private AlreadyInState(PlannedConnection planned, StateEntry entry, String rule) {
    this.planned = planned;
    this.entry = entry;
    this.rule = rule;
  }

  public static AlreadyInState of(String rule, PlannedConnection planned, StateEntry entry) {
    return new AlreadyInState(planned, entry, rule);
  }

  public PlannedConnection getPlanned() {
    return planned;
  }

  public StateEntry getEntry() {
    return entry;
  }

  public ConnectionId getId() {
    return planned.getId();
  }

  public String getRule() {
    return rule;
  }

  @Override
  public String toString() {
    return "already in state: " + entry;
  }
}
