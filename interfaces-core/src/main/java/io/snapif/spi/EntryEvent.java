package io.snapif.spi;

import io.snapif.model.Connection;
import java.util.List;
import java.util.Objects;

/**
 * A lifecycle event that touches connection state entries, as the manager asks policy what
 * becomes of them ({@link PolicyEvaluator#planEntries}): a disconnect of the entries it names, a
 * refresh that took away a plug or slot of some entries, or the removal of a snap.
 *
 * @param kind what happened
 * @param snap the snap refreshed or removed; for a disconnect, the snap the user named first
 * @param forget a disconnect with {@code --forget}
 * @param entries the entries touched, each with what is left of its ends
 */
public record EntryEvent(Kind kind, String snap, boolean forget, List<Touched> entries) {
  /** What happened to the entries. */
  public enum Kind {
    /** The user disconnected them (an entry in effect, or with {@code forget} any entry). */
    DISCONNECT,
    /** Their snap was refreshed and a plug or slot of theirs went away. */
    REFRESH,
    /** A snap of theirs is being removed. */
    REMOVE
  }

  /**
   * An entry the event touches.
   *
   * @param entry the state entry as it is before the event
   * @param plugPresent whether its plug exists after the event
   * @param slotPresent whether its slot exists after the event
   * @param inEffect whether the connection is in effect when the event happens: not undesired,
   *     both ends exist and they share an interface
   */
  public record Touched(Connection entry, boolean plugPresent, boolean slotPresent,
      boolean inEffect) {
    public Touched {
      Objects.requireNonNull(entry, "entry");
    }
  }

  public EntryEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(snap, "snap");
    entries = List.copyOf(entries);
  }
}
