package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.examples.scenario.ScenarioJson;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.Decision;
import io.snapif.manager.EntryDecision;
import io.snapif.manager.Reason;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.spi.DecisionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How a {@link ChangeReport} is shown: what a dry run would do, or what was done. */
final class ChangeOutput {
  private ChangeOutput() {}

  /**
   * One line per changed state entry ({@code would connect vlc:camera :camera (camera, manual)}),
   * then warnings; {@code nothing would change} when nothing would.
   */
  static String dryRunText(ChangeReport report, String systemSnap) {
    List<String> lines = new ArrayList<>();
    report.added().forEach((id, c) -> lines.add(
        (c.undesired() ? "remember " : "connect ") + ends(id, systemSnap) + flags(c)));
    report.changed().forEach((id, c) -> lines.add(
        (c.undesired() ? "disconnect " : "update ") + ends(id, systemSnap) + flags(c)));
    report.removed().forEach((id, c) -> lines.add(
        (c.undesired() ? "forget " : "disconnect ") + ends(id, systemSnap) + flags(c)));
    StringBuilder out = new StringBuilder();
    if (lines.isEmpty()) {
      out.append("nothing would change\n");
    }
    lines.forEach(l -> out.append("would ").append(l).append('\n'));
    report.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
    return out.toString();
  }

  /**
   * The report as JSON: {@code committed}, {@code added}/{@code changed}/{@code removed} state
   * entries (as in scenario output), {@code decisions} (the checks), {@code entries} (the fates
   * of the state entries a disconnect, refresh or removal touched) and {@code warnings}.
   */
  static ObjectNode json(ChangeReport report) {
    ObjectNode root = Json.object();
    root.put("operation", report.operation().describe());
    root.put("committed", report.committed());
    entries(root.putObject("added"), report.added());
    entries(root.putObject("changed"), report.changed());
    entries(root.putObject("removed"), report.removed());
    ArrayNode decisions = root.putArray("decisions");
    for (Decision d : report.decisions()) {
      decisions.add(decision(d));
    }
    ArrayNode fates = root.putArray("entries");
    report.entryDecisions().forEach(e -> fates.add(entry(e)));
    ArrayNode warnings = root.putArray("warnings");
    report.warnings().forEach(warnings::add);
    return root;
  }

  /** A decision as JSON: kind, subject, allowed, message and reasons. */
  static ObjectNode decision(Decision d) {
    ObjectNode n = Json.object();
    n.put("kind", d.kind().word());
    n.put("subject", d.subject());
    n.put("allowed", d.allowed());
    n.put("message", d.message());
    ArrayNode reasons = n.putArray("reasons");
    d.reasons().forEach(r -> reasons.add(reason(r)));
    return n;
  }

  /**
   * An entry's fate as JSON, with the fields of the decision log's {@code entry} lines: subject,
   * event, fate, verdict (rule, layer, message), details, and overridden (the built-in fate a
   * site rule overrode).
   */
  private static ObjectNode entry(EntryDecision e) {
    DecisionRecord.EntryFate fate = e.fate();
    ObjectNode n = Json.object();
    n.put("subject", e.id().toString());
    n.put("event", fate.eventWord());
    n.put("fate", fate.fateWord());
    Reason reason = e.reason();
    n.putObject("verdict")
        .put("rule", reason.rule())
        .put("layer", reason.layer().word())
        .put("message", e.message());
    n.putArray("details").add(reason(reason));
    ArrayNode overridden = n.putArray("overridden");
    e.overridden().ifPresent(o -> overridden.add(
        Json.object().put("fate", fate.overriddenWord().orElseThrow()).setAll(reason(o))));
    return n;
  }

  private static ObjectNode reason(Reason r) {
    return Json.object().put("rule", r.rule()).put("layer", r.layer().word())
        .put("detail", r.detail());
  }

  private static void entries(ObjectNode into, Map<ConnectionId, Connection> entries) {
    entries.forEach((id, c) -> into.set(id.toString(), ScenarioJson.connection(c)));
  }

  /** {@code plug slot} as snap prints ends: the system snap's as {@code :name}. */
  static String ends(ConnectionId id, String systemSnap) {
    return end(id.plug().snap(), id.plug().name(), systemSnap) + " "
        + end(id.slot().snap(), id.slot().name(), systemSnap);
  }

  private static String end(String snap, String name, String systemSnap) {
    return (ConnectionsTable.isSystemName(snap, systemSnap) ? "" : snap) + ":" + name;
  }

  private static String flags(Connection c) {
    StringBuilder b = new StringBuilder(" (").append(c.iface());
    b.append(c.auto() ? ", auto" : ", manual");
    if (c.byGadget()) {
      b.append(", by-gadget");
    }
    if (c.undesired()) {
      b.append(", undesired");
    }
    return b.append(')').toString();
  }
}
