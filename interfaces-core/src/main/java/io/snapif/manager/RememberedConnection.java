package io.snapif.manager;

import io.snapif.model.Connection;
import org.immutables.value.Value;

/**
 * A connection state entry that is kept but not in effect, and why: the user disconnected an
 * automatic connection (so no install or refresh makes it again until it is forgotten), or a
 * refresh took away its plug or slot (it comes back into effect when they return).
 */
@Value.Immutable
public abstract class RememberedConnection {
  /** Why an entry is remembered rather than in effect. */
  public enum Why {
    /** An automatic connection the user disconnected. */
    UNDESIRED,
    /** The plug no longer exists (a refresh dropped it). */
    PLUG_MISSING,
    /** The slot no longer exists (a refresh dropped it). */
    SLOT_MISSING,
    /** Plug and slot exist but no longer share an interface. */
    INTERFACE_CHANGED
  }

  @Value.Parameter
  public abstract Connection connection();

  @Value.Parameter
  public abstract Why why();

  public static RememberedConnection of(Connection connection, Why why) {
    return ImmutableRememberedConnection.of(connection, why);
  }

  /** A sentence for people, e.g. {@code vlc:camera core:camera: disconnected by the user}. */
  @Override
  public String toString() {
    String because = switch (why()) {
      case UNDESIRED -> "disconnected by the user; not made again automatically until forgotten";
      case PLUG_MISSING -> "plug " + connection().id().plug() + " no longer exists";
      case SLOT_MISSING -> "slot " + connection().id().slot() + " no longer exists";
      case INTERFACE_CHANGED -> "plug and slot no longer have the same interface";
    };
    return connection().id() + ": " + because;
  }
}
