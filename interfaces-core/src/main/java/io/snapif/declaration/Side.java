package io.snapif.declaration;

/** Which end of a connection a rule or constraint speaks of. */
public enum Side {
  PLUG,
  SLOT;

  /** {@code plug} or {@code slot}. */
  public String word() {
    return this == PLUG ? "plug" : "slot";
  }
}
