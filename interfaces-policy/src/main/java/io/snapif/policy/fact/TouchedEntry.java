package io.snapif.policy.fact;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.spi.EntryEvent;

/**
 * A connection state entry that a lifecycle event touches: disconnected by the user, left
 * without a plug or slot by a refresh, or belonging to a snap being removed. The rules of {@code
 * lifecycle.drl} give each one an {@link EntryFate}.
 *
 * <p>Immutable, identity-equal.
 */
public final class TouchedEntry {
  private final EntryEvent event;
  private final EntryEvent.Touched touched;

  private TouchedEntry(EntryEvent event, EntryEvent.Touched touched) {
    this.event = event;
    this.touched = touched;
  }

  public static TouchedEntry of(EntryEvent event, EntryEvent.Touched touched) {
    return new TouchedEntry(event, touched);
  }

  /** {@code DISCONNECT}, {@code REFRESH} or {@code REMOVE}. */
  public EntryEvent.Kind getEvent() {
    return event.kind();
  }

  /** The snap the event is about (refreshed, removed, or named first by the disconnect). */
  public String getSnap() {
    return event.snap();
  }

  /** A disconnect with {@code --forget}. */
  public boolean isForget() {
    return event.forget();
  }

  public Connection getEntry() {
    return touched.entry();
  }

  public ConnectionId getId() {
    return touched.entry().id();
  }

  public String getIface() {
    return touched.entry().iface();
  }

  /** Made by auto-connect (or by the gadget); false for a manual connection. */
  public boolean isAuto() {
    return touched.entry().auto();
  }

  public boolean isByGadget() {
    return touched.entry().byGadget();
  }

  /** Remembered as disconnected by the user. */
  public boolean isUndesired() {
    return touched.entry().undesired();
  }

  public boolean isPlugPresent() {
    return touched.plugPresent();
  }

  public boolean isSlotPresent() {
    return touched.slotPresent();
  }

  /** Whether the connection is in effect when the event happens. */
  public boolean isInEffect() {
    return touched.inEffect();
  }

  @Override
  public String toString() {
    return event.kind().name().toLowerCase() + " of state entry " + getId();
  }
}
