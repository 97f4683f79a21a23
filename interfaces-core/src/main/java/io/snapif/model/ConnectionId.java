package io.snapif.model;

import org.immutables.value.Value;

/**
 * Identifies a connection by its two ends; its text form {@code plugsnap:plug slotsnap:slot} is
 * the key of the connection state, as in snapd.
 */
@Value.Immutable
public abstract class ConnectionId implements Comparable<ConnectionId> {
  @Value.Parameter
  public abstract PlugRef plug();

  @Value.Parameter
  public abstract SlotRef slot();

  public static ConnectionId of(PlugRef plug, SlotRef slot) {
    return ImmutableConnectionId.of(plug, slot);
  }

  /**
   * Parses {@code plugsnap:plug slotsnap:slot}.
   *
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static ConnectionId parse(String text) {
    String[] parts = text.trim().split(" ");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "invalid connection id \"" + text + "\", expected \"snap:plug snap:slot\"");
    }
    return of(PlugRef.parse(parts[0]), SlotRef.parse(parts[1]));
  }

  @Override
  public int compareTo(ConnectionId o) {
    int c = plug().compareTo(o.plug());
    return c != 0 ? c : slot().compareTo(o.slot());
  }

  @Override
  public String toString() {
    return plug() + " " + slot();
  }
}
