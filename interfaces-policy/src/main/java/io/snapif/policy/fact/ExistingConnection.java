package io.snapif.policy.fact;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.PlugRef;
import io.snapif.model.SlotRef;

/**
 * A connection in effect when the decision is asked (established, both ends present; undesired
 * and dormant entries are not), for custom rules that count: "a snap holds at most two camera
 * connections", "a slot serves at most five plugs". Only sessions of an evaluator with custom
 * rules get them, and only the connections of what the decision touches:
 * <ul>
 *   <li>installation: every connection of the snap (a refresh's snap has some);
 *   <li>connection: every connection of the plug's snap, and every connection of the slot;
 *   <li>auto-connect: the same for every candidate pair in the session.
 * </ul>
 * Each connection is in a session once. The state is the operation's so far: a seed's earlier
 * snaps and gadget connections count, the connections the same auto-connect plan is making do
 * not. The pair being decided may itself be among them (connecting again a pair in state).
 *
 * <pre>{@code
 * rule "site: at most two camera connections per snap"
 * when
 *   $c : PairCheck(iface == "camera")
 *   Number(intValue >= 2) from accumulate(
 *       ExistingConnection(iface == "camera", plugSnap == $c.plugSnap, id != $c.id), count(1))
 * then
 *   insert(Verdict.deny(drools.getRule().getName(), $c, "two camera connections already"));
 * end
 * }</pre>
 *
 * <p>Immutable; equal by connection id.
 */
public final class ExistingConnection {
  private final Connection connection;

  private ExistingConnection(Connection connection) {
    this.connection = connection;
  }

  public static ExistingConnection of(Connection connection) {
    return new ExistingConnection(connection);
  }

  /** The state entry. */
  public Connection getConnection() {
    return connection;
  }

  public ConnectionId getId() {
    return connection.id();
  }

  public String getIface() {
    return connection.iface();
  }

  public PlugRef getPlugRef() {
    return connection.id().plug();
  }

  public SlotRef getSlotRef() {
    return connection.id().slot();
  }

  public String getPlugSnap() {
    return connection.id().plug().snap();
  }

  public String getPlugName() {
    return connection.id().plug().name();
  }

  public String getSlotSnap() {
    return connection.id().slot().snap();
  }

  public String getSlotName() {
    return connection.id().slot().name();
  }

  /** Made by auto-connect (or by the gadget's {@code connections:}). */
  public boolean isAuto() {
    return connection.auto();
  }

  /** Made by the gadget's {@code connections:} at first boot. */
  public boolean isByGadget() {
    return connection.byGadget();
  }

  /** Made by a manual connect. */
  public boolean isManual() {
    return !connection.auto();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExistingConnection e && e.connection.id().equals(connection.id());
  }

  @Override
  public int hashCode() {
    return connection.id().hashCode();
  }

  @Override
  public String toString() {
    return "existing connection " + connection.id();
  }
}
