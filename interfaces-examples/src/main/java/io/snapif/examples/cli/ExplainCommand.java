package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.snapif.examples.scenario.EndpointText;
import io.snapif.examples.scenario.Managers;
import io.snapif.manager.Decision;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Reason;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.PolicyEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code snapif explain SNAP:PLUG-OR-SLOT}: what policy says about every candidate of a plug or
 * slot, for a manual connect and for auto-connect, with the reasons, and what the state holds.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explain the decisions about a plug or slot: for every slot (or plug) it "
        + "could connect to, whether a manual connect is allowed and whether auto-connect would "
        + "connect it, with the rules that decided, and what the connection state remembers."})
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;
  @Spec CommandSpec spec;
  @Mixin StateOptions state;
  @Mixin RulesOption rules;

  @Parameters(index = "0", paramLabel = "<snap>:<plug-or-slot>")
  String endpoint;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  /** One candidate pair and what was decided and remembered about it. */
  private record Candidate(ConnectCandidate pair, Decision connect, Optional<Connection> state) {}

  @Override
  public Integer call() {
    String[] ref = EndpointText.strict(endpoint).orElseThrow(
        () -> new ParameterException(spec.commandLine(), EndpointText.invalidStrict(endpoint)));
    try (SystemSession session = SystemSession.open(
        state, rules.files, SystemSession.Access.READ, root.env())) {
      InterfaceManager manager = session.manager();
      String snapName = ref[0].isEmpty() ? manager.systemSnapName() : ref[0];
      InstalledSnap snap = manager.snap(snapName)
          .orElseThrow(() -> new CliFailure("snap \"" + snapName + "\" is not installed"));
      Plug plug = snap.snap().plugs().get(ref[1]);
      Slot slot = snap.snap().slots().get(ref[1]);
      if (plug == null && slot == null) {
        throw new CliFailure("snap \"" + snapName + "\" has no plug or slot named \""
            + ref[1] + "\"");
      }
      PolicyEvaluator policy = Managers.policy(rules.files);
      List<ConnectCandidate> pairs = plug != null
          ? pairsForPlug(manager, snap, plug) : pairsForSlot(manager, snap, slot);
      List<Candidate> candidates = new ArrayList<>();
      for (ConnectCandidate pair : pairs) {
        candidates.add(new Candidate(pair, policy.checkConnection(pair),
            Optional.ofNullable(manager.connections().get(pair.id()))));
      }
      var request = AutoConnectRequest.builder().snap(snap);
      if (plug != null) {
        request.putPlugCandidates(plug.name(), ImmutableList.copyOf(pairs));
      } else {
        request.putSlotCandidates(slot.name(), ImmutableList.copyOf(pairs));
      }
      candidates.forEach(c -> c.state().ifPresent(s -> request.putExisting(c.pair().id(), s)));
      AutoConnectPlan plan = policy.planAutoConnect(request.build());
      String title = ref[1] + (plug != null ? " (plug" : " (slot") + ", interface "
          + (plug != null ? plug.iface() : slot.iface()) + ")";
      root.out().print(json
          ? Json.write(json(snapName + ":" + ref[1], plug != null, candidates, plan))
          : text(snapName + ":" + title, candidates, plan, manager.systemSnapName()));
    }
    return SnapifCli.OK;
  }

  private static List<ConnectCandidate> pairsForPlug(
      InterfaceManager manager, InstalledSnap snap, Plug plug) {
    List<ConnectCandidate> out = new ArrayList<>();
    for (InstalledSnap other : manager.snaps()) {
      for (Slot s : other.snap().slots().values()) {
        if (s.iface().equals(plug.iface())) {
          out.add(ConnectCandidate.builder().plug(plug).plugSnap(snap).slot(s).slotSnap(other)
              .device(manager.device()).build());
        }
      }
    }
    return out;
  }

  private static List<ConnectCandidate> pairsForSlot(
      InterfaceManager manager, InstalledSnap snap, Slot slot) {
    List<ConnectCandidate> out = new ArrayList<>();
    for (InstalledSnap other : manager.snaps()) {
      for (Plug p : other.snap().plugs().values()) {
        if (p.iface().equals(slot.iface())) {
          out.add(ConnectCandidate.builder().plug(p).plugSnap(other).slot(slot).slotSnap(snap)
              .device(manager.device()).build());
        }
      }
    }
    return out;
  }

  private static String text(
      String title, List<Candidate> candidates, AutoConnectPlan plan, String system) {
    StringBuilder out = new StringBuilder(title).append('\n');
    if (candidates.isEmpty()) {
      out.append("  no installed snap has a matching ")
          .append(title.contains("(plug") ? "slot" : "plug").append('\n');
    }
    for (Candidate c : candidates) {
      out.append("  ").append(ChangeOutput.ends(c.pair().id(), system)).append(": ")
          .append(c.state().map(ExplainCommand::stateWord).orElse("not connected"))
          .append('\n');
      decision(out, "connect", c.connect());
      autoDecision(plan, c.pair().id()).ifPresent(d -> decision(out, "auto-connect", d));
    }
    for (AutoConnectPlan.EndpointPlan e : plan.endpoints()) {
      out.append("  auto-connect outcome: ").append(e.outcome().name().toLowerCase(Locale.ROOT)
          .replace('_', '-'));
      if (!e.connect().isEmpty()) {
        out.append(" (");
        List<String> ids = new ArrayList<>();
        e.connect().forEach(id -> ids.add(ChangeOutput.ends(id, system)));
        out.append(String.join(", ", ids)).append(')');
      }
      out.append('\n');
      e.reasons().forEach(r -> reason(out, r));
    }
    return out.toString();
  }

  private static Optional<Decision> autoDecision(AutoConnectPlan plan, ConnectionId id) {
    String subject = id.toString();
    return plan.endpoints().stream().flatMap(e -> e.candidates().stream())
        .filter(d -> d.subject().equals(subject)).findFirst();
  }

  private static void decision(StringBuilder out, String what, Decision d) {
    out.append("    ").append(what).append(": ").append(d.allowed() ? "allowed" : "denied");
    if (!d.message().isEmpty()) {
      out.append(" (").append(d.message()).append(')');
    }
    out.append('\n');
    d.reasons().forEach(r -> reason(out, r));
  }

  private static void reason(StringBuilder out, Reason r) {
    out.append("      - ").append(r.detail()).append(" [").append(r.rule()).append(", ")
        .append(r.layer().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("]\n");
  }

  private static String stateWord(Connection c) {
    if (c.undesired()) {
      return "disconnected by the user (remembered as undesired)";
    }
    return "connected" + (c.byGadget() ? " by the gadget" : c.auto() ? " automatically"
        : " manually");
  }

  private static ObjectNode json(
      String endpoint, boolean isPlug, List<Candidate> candidates, AutoConnectPlan plan) {
    ObjectNode root = Json.object();
    root.put("endpoint", endpoint);
    root.put("kind", isPlug ? "plug" : "slot");
    ArrayNode list = root.putArray("candidates");
    for (Candidate c : candidates) {
      ObjectNode n = list.addObject();
      n.put("id", c.pair().id().toString());
      c.state().ifPresentOrElse(
          s -> n.set("state", io.snapif.examples.scenario.ScenarioJson.connection(s)),
          () -> n.putNull("state"));
      n.set("connect", ChangeOutput.decision(c.connect()));
      autoDecision(plan, c.pair().id())
          .ifPresent(d -> n.set("auto-connect", ChangeOutput.decision(d)));
    }
    ArrayNode outcomes = root.putArray("auto-connect");
    for (AutoConnectPlan.EndpointPlan e : plan.endpoints()) {
      ObjectNode n = outcomes.addObject();
      n.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      ArrayNode ids = n.putArray("connect");
      e.connect().forEach(id -> ids.add(id.toString()));
      ArrayNode reasons = n.putArray("reasons");
      e.reasons().forEach(r -> reasons.add(r.toString()));
    }
    return root;
  }
}
