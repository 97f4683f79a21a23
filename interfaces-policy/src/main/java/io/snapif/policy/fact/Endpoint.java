package io.snapif.policy.fact;

import io.snapif.model.PlugRef;

/**
 * Auto-connection: a plug whose candidate slots are all in the session, so the arity rules of
 * {@code auto-connection.drl} may weigh them. Every plug of the snap being auto-connected is one
 * ({@link #isOwn()}); so is a plug of another snap that may auto-connect to one of the snap's
 * slots, once all its other candidate slots have been added.
 *
 * <p>Immutable, equal by plug and ownership.
 */
public final class Endpoint {
  private final PlugRef plug;
  private final boolean own;

  private Endpoint(PlugRef plug, boolean own) {
    this.plug = plug;
    this.own = own;
  }

  public static Endpoint of(PlugRef plug, boolean own) {
    return new Endpoint(plug, own);
  }

  public PlugRef getPlugRef() {
    return plug;
  }

  /** Whether the plug belongs to the snap being auto-connected. */
  public boolean isOwn() {
    return own;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoint e && e.plug.equals(plug) && e.own == own;
  }

  @Override
  public int hashCode() {
    return plug.hashCode() * 31 + (own ? 1 : 0);
  }

  @Override
  public String toString() {
    return "endpoint " + plug + (own ? "" : " (other snap)");
  }
}
