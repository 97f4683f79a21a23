package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Attributes;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of {@code snap connections [SNAP] [--all]}, computed as snap does.
 *
 * <p>Rows are the established connections (remembered ones, undesired or dormant, are not
 * shown) plus, when a snap is named or {@code --all} is given, one row per plug or slot without a
 * connection. Naming a snap keeps connections with an end on it; the system snap's unconnected
 * slots are shown only when the system snap itself is named. Rows sort by interface, then plug,
 * then slot text.
 */
final class ConnectionsTable {
  /** One row: the interface (with its {@code [content]} label), the two ends and the notes. */
  record Row(String iface, String label, Optional<PlugRef> plug, Optional<SlotRef> slot,
      boolean manual, boolean gadget) {}

  private final String systemSnap;
  private final List<Row> rows;

  private ConnectionsTable(String systemSnap, List<Row> rows) {
    this.systemSnap = systemSnap;
    this.rows = rows;
  }

  /**
   * The table for {@code wanted} (empty: every snap).
   *
   * @throws CliFailure if {@code wanted} names no installed snap
   */
  static ConnectionsTable of(InterfaceManager manager, Optional<String> wanted, boolean all) {
    String system = manager.systemSnapName();
    Optional<String> snap = wanted.map(w -> isSystemName(w, system) ? system : w);
    if (snap.isPresent() && manager.snap(snap.get()).isEmpty()) {
      throw new CliFailure("snap \"" + wanted.get() + "\" is not installed");
    }
    boolean showUnconnected = all || snap.isPresent();
    StateView state = new StateView(manager);

    List<Row> rows = new ArrayList<>();
    Set<PlugRef> connectedPlugs = new HashSet<>();
    Set<SlotRef> connectedSlots = new HashSet<>();
    for (Map.Entry<ConnectionId, Connection> e : state.established().entrySet()) {
      ConnectionId id = e.getKey();
      Connection c = e.getValue();
      connectedPlugs.add(id.plug());
      connectedSlots.add(id.slot());
      if (snap.isPresent() && !id.plug().snap().equals(snap.get())
          && !id.slot().snap().equals(snap.get())) {
        continue;
      }
      rows.add(new Row(c.iface(), label(c, state.plug(id.plug()).get(),
          state.slot(id.slot()).get()), Optional.of(id.plug()), Optional.of(id.slot()),
          !c.auto(), c.byGadget()));
    }
    if (showUnconnected) {
      for (Plug p : state.plugs()) {
        if (!connectedPlugs.contains(p.ref()) && snap.map(p.snap()::equals).orElse(true)) {
          rows.add(new Row(p.iface(), "", Optional.of(p.ref()), Optional.empty(), false, false));
        }
      }
      boolean systemNamed = snap.map(system::equals).orElse(false);
      for (Slot s : state.slots()) {
        if (s.snap().equals(system) && !systemNamed) {
          continue; // the system snap's many unconnected slots are noise unless asked for
        }
        if (!connectedSlots.contains(s.ref()) && snap.map(s.snap()::equals).orElse(true)) {
          rows.add(new Row(s.iface(), "", Optional.empty(), Optional.of(s.ref()), false, false));
        }
      }
    }
    ConnectionsTable table = new ConnectionsTable(system, rows);
    rows.sort(Comparator.comparing(Row::iface)
        .thenComparing(r -> table.plugText(r))
        .thenComparing(r -> table.slotText(r)));
    return table;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table as snap prints it; nothing at all when there are no rows. */
  String text() {
    if (rows.isEmpty()) {
      return "";
    }
    TabWriter w = TabWriter.snapTable();
    w.row("Interface", "Plug", "Slot", "Notes");
    for (Row r : rows) {
      w.row(r.iface() + r.label(), plugText(r), slotText(r), notes(r));
    }
    return w.format();
  }

  /**
   * The rows as JSON: {@code {"connections": [{"interface", "plug", "slot", "manual", "gadget",
   * "content"?}]}}, ends as {@code snap:name} (null when unconnected).
   */
  ObjectNode json() {
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("connections");
    for (Row r : rows) {
      ObjectNode n = list.addObject();
      n.put("interface", r.iface());
      if (!r.label().isEmpty()) {
        n.put("content", r.label().substring(1, r.label().length() - 1));
      }
      n.put("plug", r.plug().map(PlugRef::toString).orElse(null));
      n.put("slot", r.slot().map(SlotRef::toString).orElse(null));
      n.put("manual", r.manual());
      n.put("gadget", r.gadget());
    }
    return root;
  }

  private String plugText(Row r) {
    return r.plug().map(p -> endpoint(p.snap(), p.name())).orElse("-");
  }

  private String slotText(Row r) {
    return r.slot().map(s -> endpoint(s.snap(), s.name())).orElse("-");
  }

  private String endpoint(String snap, String name) {
    return (isSystemName(snap, systemSnap) ? "" : snap) + ":" + name;
  }

  private static String notes(Row r) {
    if (r.manual() && r.gadget()) {
      return "manual,gadget";
    }
    return r.manual() ? "manual" : r.gadget() ? "gadget" : "-";
  }

  /** snap treats {@code core}, {@code snapd} and {@code system} as the system snap's names. */
  static boolean isSystemName(String snap, String systemSnap) {
    return snap.equals(systemSnap) || snap.equals("core") || snap.equals("snapd")
        || snap.equals("system");
  }

  /**
   * The {@code [label]} snap appends to a content connection's interface: the plug's {@code
   * content} attribute, else the slot's.
   */
  private static String label(Connection c, Plug plug, Slot slot) {
    if (!c.iface().equals("content")) {
      return "";
    }
    String value = content(c.plugDynamic(), c.plugStatic(), plug.attributes())
        .or(() -> content(c.slotDynamic(), c.slotStatic(), slot.attributes()))
        .orElse("");
    return value.isEmpty() ? "" : "[" + value + "]";
  }

  private static Optional<String> content(Attributes dynamic, Attributes stat, Attributes decl) {
    return dynamic.getString("content").filter(s -> !s.isEmpty())
        .or(() -> stat.getString("content").filter(s -> !s.isEmpty()))
        .or(() -> decl.getString("content").filter(s -> !s.isEmpty()));
  }
}
