package io.snapif.model;

import org.immutables.value.Value;

/** Names a slot: {@code snap:slot}. */
@Value.Immutable
public abstract class SlotRef implements Comparable<SlotRef> {
  @Value.Parameter
  public abstract String snap();

  @Value.Parameter
  public abstract String name();

  public static SlotRef of(String snap, String name) {
    return ImmutableSlotRef.of(snap, name);
  }

  /**
   * Parses {@code snap:name}.
   *
   * @throws IllegalArgumentException if there is no colon or a part is empty
   */
  public static SlotRef parse(String text) {
    String[] parts = EndpointRefs.split(text, "slot");
    return of(parts[0], parts[1]);
  }

  @Override
  public int compareTo(SlotRef o) {
    int c = snap().compareTo(o.snap());
    return c != 0 ? c : name().compareTo(o.name());
  }

  // Spelled once: connection ids and messages spell the same endpoint over and over. A race
  // only spells it twice.
  private transient String text;

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = snap() + ":" + name();
      text = t;
    }
    return t;
  }
}
