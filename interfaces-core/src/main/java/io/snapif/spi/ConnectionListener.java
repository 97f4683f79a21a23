package io.snapif.spi;

import io.snapif.manager.RememberedConnection;
import io.snapif.model.Connection;

/**
 * Told about connection state changes after they are committed, never for a simulation or a
 * failed operation. Events of one operation arrive together, in commit order, on the thread
 * that applied the operation, while the manager still holds its operation lock: a listener
 * should be quick, may query the manager, and must not apply or simulate operations (that
 * throws {@link IllegalStateException}). An exception thrown by a listener is logged and
 * ignored; the change stays committed.
 *
 * <p>Every method has an empty default, so implement only what you need.
 */
public interface ConnectionListener {
  /** {@code connection} is now in effect (newly made, or a dormant one whose ends came back). */
  default void connected(Connection connection) {}

  /** {@code connection} is no longer in effect (disconnected, or one of its snaps removed). */
  default void disconnected(Connection connection) {}

  /** An entry became remembered: disconnected by the user (undesired) or dormant. */
  default void remembered(RememberedConnection remembered) {}

  /** A remembered entry was deleted from state (forgotten, or its snap removed). */
  default void forgotten(Connection connection) {}
}
