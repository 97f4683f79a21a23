package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import java.util.Optional;

/**
 * A change the {@link InterfaceManager} can apply, or simulate without committing. Endpoint
 * names are already parsed: an empty snap name means the system snap.
 */
public sealed interface Operation {

  /** Installs a snap that is not installed yet. */
  record Install(InstalledSnap snap) implements Operation {}

  /** First boot: installs the snaps in order, the gadget's connections applying only here. */
  record Seed(ImmutableList<InstalledSnap> snaps) implements Operation {}

  /** A new revision (snap.yaml and/or declaration) of an installed snap. */
  record Refresh(InstalledSnap snap) implements Operation {}

  /** Removes a snap and its connections. */
  record Remove(String snap) implements Operation {}

  /**
   * Connects {@code plugSnap:plug} to a slot. {@code slotSnap} empty or absent means the system
   * snap; {@code slot} absent means the only slot of the plug's interface on that snap.
   */
  record Connect(String plugSnap, String plug, Optional<String> slotSnap, Optional<String> slot)
      implements Operation {}

  /**
   * Disconnects: with {@code otherSnap}/{@code otherName} absent, every connection of the
   * endpoint {@code snap:name} (a plug or a slot); otherwise the one connection between plug
   * {@code snap:name} and slot {@code otherSnap:otherName}. {@code forget} deletes state entries
   * outright instead of remembering auto-connections as undesired.
   */
  record Disconnect(
      String snap, String name, Optional<String> otherSnap, Optional<String> otherName,
      boolean forget) implements Operation {}

  /**
   * Takes connection state entries from elsewhere (snapd's {@code state.json}, see {@link
   * InterfaceManager#importConnections}); each replaces the entry of the same id.
   */
  record ImportConnections(ImmutableMap<ConnectionId, Connection> entries) implements Operation {}

  /** A short text for logs and reports: {@code install vlc}, {@code connect vlc:camera :camera}. */
  default String describe() {
    if (this instanceof Install i) {
      return "install " + i.snap().name();
    } else if (this instanceof Seed s) {
      return "seed " + String.join(" ", s.snaps().stream().map(InstalledSnap::name).toList());
    } else if (this instanceof Refresh r) {
      return "refresh " + r.snap().name();
    } else if (this instanceof Remove r) {
      return "remove " + r.snap();
    } else if (this instanceof Connect c) {
      String slot = c.slotSnap().orElse("") + c.slot().map(s -> ":" + s).orElse("");
      return "connect " + c.plugSnap() + ":" + c.plug() + (slot.isEmpty() ? "" : " " + slot);
    } else if (this instanceof ImportConnections i) {
      return "import " + i.entries().size() + " connections";
    } else {
      Disconnect d = (Disconnect) this;
      String other = d.otherName().map(n -> " " + d.otherSnap().orElse("") + ":" + n).orElse("");
      return "disconnect " + d.snap() + ":" + d.name() + other + (d.forget() ? " --forget" : "");
    }
  }
}
