package io.snapif.manager;

import io.snapif.declaration.Declaration;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Slot;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The system snap snapif installs before anything else: {@code core} (type {@code os}) or
 * {@code snapd} (type {@code snapd}), with its store identity, a declaration without rules, and
 * one implicit slot per interface implicit on this kind of system, named as the interface.
 */
final class SystemSnaps {
  static final String CORE = "core";
  static final String SNAPD = "snapd";
  private static final String CORE_SNAP_ID = "99T7MUlRhtI3U0QFgl5mXXESAiSwt776";
  private static final String SNAPD_SNAP_ID = "PMrrV4ml8uWuEUDBT8dSGnKUYbevVhc4";
  private static final String PUBLISHER = "canonical";

  private SystemSnaps() {}

  static InstalledSnap create(String name, Collection<String> implicitInterfaces) {
    boolean snapd = name.equals(SNAPD);
    if (!snapd && !name.equals(CORE)) {
      throw new IllegalArgumentException(
          "the system snap is \"core\" or \"snapd\", not \"" + name + "\"");
    }
    Map<String, Slot> slots = new LinkedHashMap<>();
    for (String iface : new TreeSet<>(implicitInterfaces)) {
      slots.put(iface, Slot.builder().snap(name).name(iface).iface(iface).build());
    }
    Snap snap = Snap.builder()
        .name(name)
        .type(snapd ? SnapType.SNAPD : SnapType.OS)
        .revision(1)
        .snapId(snapd ? SNAPD_SNAP_ID : CORE_SNAP_ID)
        .publisherId(PUBLISHER)
        .putAllSlots(slots)
        .build();
    return InstalledSnap.builder().snap(snap).declaration(Declaration.empty()).build();
  }
}
