package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change the {@link InterfaceManager} can apply, or simulate without committing. Endpoint
 * names are already parsed: an empty snap name, or {@code system}, means the system snap. Each
 * record says what it does and the {@link ErrorKind}s it can fail with; messages are snapd's.
 */
public sealed interface Operation {

  /**
   * Installs a snap that is not installed yet ({@code already-installed}), if the installation
   * policy allows it ({@code install-denied}); then auto-connects its plugs and slots as the
   * policy's plan says, never touching a pair that has a state entry. Marks the system seeded.
   */
  record Install(InstalledSnap snap) implements Operation {}

  /**
   * First boot, only while nothing but the system snap is installed and the system is not seeded
   * ({@code conflict}): installs the snaps in order; before each snap's auto-connect, the
   * installed gadget's {@code connections:} entries that involve it (by snap-id) are made,
   * flagged auto and by-gadget, under the connection (not auto-connection) rules. A denied
   * gadget connection ({@code connect-denied}) or one between different interfaces ({@code
   * mismatch}) fails the whole seed. {@code snaps} is copied (unmodifiable, no nulls).
   */
  record Seed(List<InstalledSnap> snaps) implements Operation {
    /** Copies {@code snaps}. */
    public Seed {
      snaps = ImmutableList.copyOf(snaps);
    }
  }

  /**
   * A new revision (snap.yaml and/or declaration) of an installed snap ({@code not-installed}),
   * checked by the installation policy ({@code install-denied}); its revision becomes at least
   * the current one plus one. Entries that lost their plug or slot are dropped when automatic
   * and not by the gadget, else kept dormant; then auto-connect runs as on install.
   */
  record Refresh(InstalledSnap snap) implements Operation {}

  /**
   * Removes a snap. Its connections in effect are deleted, not marked undesired, so a reinstall
   * may auto-connect them again. Its remembered entries (undesired, dormant) leave the state as
   * well; as in snapd 2.57.6, which keeps them until it restarts, a reinstall before the manager
   * is closed finds them again (an undesired one still keeps auto-connect away).
   */
  record Remove(String snap) implements Operation {}

  /**
   * Connects {@code plugSnap:plug} to a slot. {@code slotSnap} empty or absent means the system
   * snap; {@code slot} absent means the only slot of the plug's interface on that snap ({@code
   * ambiguous} when several). Fails with {@code not-found}, {@code mismatch} or ({@code
   * connect-denied}) by the connection policy, which is not asked when either snap was installed
   * with {@code --dangerous}. Connecting what is connected succeeds and changes nothing; an
   * undesired entry becomes a manual connection.
   */
  record Connect(String plugSnap, String plug, Optional<String> slotSnap, Optional<String> slot)
      implements Operation {}

  /**
   * Disconnects: with {@code otherSnap}/{@code otherName} absent, every connection of the
   * endpoint {@code snap:name} (a plug or a slot); otherwise the one connection between plug
   * {@code snap:name} and slot {@code otherSnap:otherName}. {@code forget} deletes state entries
   * outright instead of remembering auto-connections as undesired; without it a manual
   * connection is deleted and an automatic one kept as undesired, without attributes. Fails with
   * {@code not-found}, or {@code not-connected} (nothing in effect to disconnect, or with {@code
   * forget} no such entry).
   */
  record Disconnect(
      String snap, String name, Optional<String> otherSnap, Optional<String> otherName,
      boolean forget) implements Operation {}

  /**
   * Takes connection state entries from elsewhere (snapd's {@code state.json}, see {@link
   * InterfaceManager#importConnections}); each replaces the entry of the same id. {@code
   * entries} is copied (unmodifiable, in the given order, no nulls).
   */
  record ImportConnections(Map<ConnectionId, Connection> entries) implements Operation {
    /** Copies {@code entries}. */
    public ImportConnections {
      entries = ImmutableMap.copyOf(entries);
    }
  }

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
