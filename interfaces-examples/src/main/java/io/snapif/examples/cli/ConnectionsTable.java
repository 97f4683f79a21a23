package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.manager.ConnectionRow;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Attributes;
import io.snapif.model.Connection;
import io.snapif.model.PlugRef;
import io.snapif.model.SlotRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
   * @throws io.snapif.manager.OperationException if {@code wanted} names no installed snap
   */
  static ConnectionsTable of(InterfaceManager manager, Optional<String> wanted, boolean all) {
    String system = manager.systemSnapName();
    Optional<String> snap = wanted.map(w -> isSystemName(w, system) ? system : w);
    boolean showUnconnected = all || snap.isPresent();
    boolean systemNamed = snap.map(system::equals).orElse(false);
    List<Row> rows = new ArrayList<>();
    for (ConnectionRow r : manager.connectionRows(snap)) {
      if (r.connection().isPresent()) {
        Connection c = r.connection().get();
        rows.add(new Row(c.iface(), label(c), r.plug(), r.slot(), !c.auto(), c.byGadget()));
      } else if (showUnconnected
          // the system snap's many unconnected slots are noise unless it is the one asked about
          && !(r.plug().isEmpty() && r.slot().get().snap().equals(system) && !systemNamed)) {
        rows.add(new Row(r.iface(), "", r.plug(), r.slot(), false, false));
      }
    }
    ConnectionsTable table = new ConnectionsTable(system, rows);
    rows.sort(Comparator.comparing(Row::iface)
        .thenComparing(table::plugText)
        .thenComparing(table::slotText));
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

  /** A state entry's flags: those of {@code auto,by-gadget,undesired} it has, or {@code manual}. */
  static String flags(Connection c) {
    List<String> flags = new ArrayList<>();
    if (c.auto()) {
      flags.add("auto");
    }
    if (c.byGadget()) {
      flags.add("by-gadget");
    }
    if (c.undesired()) {
      flags.add("undesired");
    }
    return flags.isEmpty() ? "manual" : String.join(",", flags);
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
  private static String label(Connection c) {
    if (!c.iface().equals("content")) {
      return "";
    }
    String value = content(c.plugDynamic(), c.plugStatic())
        .or(() -> content(c.slotDynamic(), c.slotStatic()))
        .orElse("");
    return value.isEmpty() ? "" : "[" + value + "]";
  }

  /** The {@code content} attribute, the dynamic value overriding the static one as snapd merges. */
  private static Optional<String> content(Attributes dynamic, Attributes stat) {
    Optional<Object> value = dynamic.get("content").or(() -> stat.get("content"));
    return value.filter(String.class::isInstance).map(String.class::cast);
  }
}
