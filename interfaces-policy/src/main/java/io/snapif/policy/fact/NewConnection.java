package io.snapif.policy.fact;

import io.snapif.model.ConnectionId;

/**
 * Derived by {@code auto-connection.drl}: auto-connect creates this connection.
 *
 * <p>Immutable, identity-equal.
 */
public final class NewConnection {
  private final PlannedConnection planned;
  private final String rule;

  private NewConnection(PlannedConnection planned, String rule) {
    this.planned = planned;
    this.rule = rule;
  }

  public static NewConnection of(String rule, PlannedConnection planned) {
    return new NewConnection(planned, rule);
  }

  public PlannedConnection getPlanned() {
    return planned;
  }

  public ConnectionId getId() {
    return planned.getId();
  }

  public String getRule() {
    return rule;
  }

  @Override
  public String toString() {
    return "new connection " + getId();
  }
}
