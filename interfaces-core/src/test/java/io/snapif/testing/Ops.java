package io.snapif.testing;

import com.google.common.collect.ImmutableList;
import io.snapif.manager.Operation;
import io.snapif.model.InstalledSnap;
import java.util.Optional;

/** Operations written as on the snap command line: {@code vlc:camera}, {@code :camera}, {@code webcam}. */
public final class Ops {
  private Ops() {}

  public static Operation install(InstalledSnap snap) {
    return new Operation.Install(snap);
  }

  public static Operation refresh(InstalledSnap snap) {
    return new Operation.Refresh(snap);
  }

  public static Operation remove(String snap) {
    return new Operation.Remove(snap);
  }

  public static Operation seed(InstalledSnap... snaps) {
    return new Operation.Seed(ImmutableList.copyOf(snaps));
  }

  /** {@code snap connect PLUG}: the system snap's slot of the plug's interface. */
  public static Operation connect(String plug) {
    String[] p = plug.split(":", 2);
    return new Operation.Connect(p[0], p[1], Optional.empty(), Optional.empty());
  }

  /** {@code snap connect PLUG SLOT}, SLOT being {@code snap:slot}, {@code :slot} or {@code snap}. */
  public static Operation connect(String plug, String slot) {
    String[] p = plug.split(":", 2);
    if (!slot.contains(":")) {
      return new Operation.Connect(p[0], p[1], Optional.of(slot), Optional.empty());
    }
    String[] s = slot.split(":", 2);
    return new Operation.Connect(p[0], p[1], Optional.of(s[0]), Optional.of(s[1]));
  }

  /** {@code snap disconnect SNAP:PLUG-OR-SLOT}. */
  public static Operation disconnect(String end) {
    String[] p = end.split(":", 2);
    return new Operation.Disconnect(p[0], p[1], Optional.empty(), Optional.empty(), false);
  }

  public static Operation disconnect(String plug, String slot) {
    return disconnect(plug, slot, false);
  }

  public static Operation forget(String plug, String slot) {
    return disconnect(plug, slot, true);
  }

  public static Operation forget(String end) {
    String[] p = end.split(":", 2);
    return new Operation.Disconnect(p[0], p[1], Optional.empty(), Optional.empty(), true);
  }

  private static Operation disconnect(String plug, String slot, boolean forget) {
    String[] p = plug.split(":", 2);
    String[] s = slot.split(":", 2);
    return new Operation.Disconnect(p[0], p[1], Optional.of(s[0]), Optional.of(s[1]), forget);
  }
}
