package io.snapif.model;

import org.immutables.value.Value;

/**
 * Names a plug: {@code snap:plug}. The snap may be empty in user input ({@code :plug}) only
 * before it is resolved; a {@code PlugRef} always names a snap.
 */
@Value.Immutable
public abstract class PlugRef implements Comparable<PlugRef> {
  @Value.Parameter
  public abstract String snap();

  @Value.Parameter
  public abstract String name();

  public static PlugRef of(String snap, String name) {
    return ImmutablePlugRef.of(snap, name);
  }

  /**
   * Parses {@code snap:name}.
   *
   * @throws IllegalArgumentException if there is no colon or a part is empty
   */
  public static PlugRef parse(String text) {
    String[] parts = EndpointRefs.split(text, "plug");
    return of(parts[0], parts[1]);
  }

  @Override
  public int compareTo(PlugRef o) {
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
