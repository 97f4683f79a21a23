package io.snapif.model;

import java.util.Locale;

/** The type of a snap, as written in snap.yaml's {@code type:} key. */
public enum SnapType {
  APP,
  GADGET,
  KERNEL,
  BASE,
  OS,
  SNAPD;

  /** The spelling in snap.yaml ({@code app}, {@code gadget}, ...). */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The name policy constraints ({@code plug-snap-type}, {@code slot-snap-type}) use: {@code os}
   * and {@code snapd} both count as {@code core}.
   */
  public String policyName() {
    return this == OS || this == SNAPD ? "core" : yamlName();
  }

  /** Parses a snap.yaml type; an empty string is {@code app}. */
  public static SnapType fromYaml(String value) {
    if (value == null || value.isEmpty()) {
      return APP;
    }
    for (SnapType t : values()) {
      if (t.yamlName().equals(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown snap type \"" + value + "\"");
  }
}
