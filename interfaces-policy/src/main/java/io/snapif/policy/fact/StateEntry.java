package io.snapif.policy.fact;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;

/**
 * Auto-connection: a connection already in state among the candidate pairs, established or
 * remembered (undesired after a disconnect). Such a pair is never auto-created again.
 *
 * <p>Immutable, identity-equal.
 */
public final class StateEntry {
  private final Connection connection;

  private StateEntry(Connection connection) {
    this.connection = connection;
  }

  public static StateEntry of(Connection connection) {
    return new StateEntry(connection);
  }

  public Connection getConnection() {
    return connection;
  }

  public ConnectionId getId() {
    return connection.id();
  }

  /** Whether the user disconnected it (remembered so it is not made again). */
  public boolean isUndesired() {
    return connection.undesired();
  }

  public boolean isAuto() {
    return connection.auto();
  }

  public boolean isByGadget() {
    return connection.byGadget();
  }

  @Override
  public String toString() {
    return "state entry " + connection.id() + (connection.undesired() ? " (undesired)" : "");
  }
}
