package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.examples.scenario.EndpointText;
import io.snapif.examples.scenario.ScenarioJson;
import io.snapif.manager.Decision;
import io.snapif.manager.Explanation;
import io.snapif.manager.OperationException;
import io.snapif.manager.Reason;
import io.snapif.manager.RememberedConnection;
import io.snapif.model.Connection;
import io.snapif.spi.AutoConnectPlan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code snapif explain SNAP:PLUG-OR-SLOT}: the state entries of a plug or slot, what policy
 * says about connecting it manually to each candidate, and what auto-connect would do, with the
 * rules that decided, and the rule set that decided it (first line; {@code rule-set} in JSON).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explain a plug or slot: its connections and remembered entries, whether "
        + "a manual connect to each slot (or plug) of its interface is allowed, and what "
        + "auto-connect would connect, with the rules that decided."})
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;
  @Spec CommandSpec spec;
  @Mixin RulesOption rules;

  @Parameters(index = "0", paramLabel = "<snap>:<plug-or-slot>")
  String endpoint;

  @Override
  public Integer call() {
    String[] ref = EndpointText.strict(endpoint).orElseThrow(
        () -> new ParameterException(spec.commandLine(), EndpointText.invalidStrict(endpoint)));
    try (SystemSession session = SystemSession.open(
        root.state(), rules.files, SystemSession.Access.READ, root.env())) {
      Explanation e;
      try {
        e = session.manager().explain(ref[0], ref[1]);
      } catch (OperationException refused) {
        throw Suggestions.forSnaps(refused, session.manager(), List.of(ref[0]));
      }
      RuleSetOutput ruleSet = session.ruleSet();
      if (root.json()) {
        ObjectNode json = json(e);
        json.set("rule-set", ruleSet.json());
        root.out().print(Json.write(json));
      } else {
        root.out().print(ruleSet.text() + text(e));
      }
    }
    return SnapifCli.OK;
  }

  private static String text(Explanation e) {
    StringBuilder out = new StringBuilder();
    out.append(e.snap()).append(':').append(e.name()).append(": ").append(side(e))
        .append(" of interface ").append(e.iface()).append('\n');
    out.append("state:\n");
    if (e.entries().isEmpty()) {
      out.append("  no connections\n");
    }
    for (Connection c : e.entries()) {
      Optional<RememberedConnection> remembered = e.remembered().stream()
          .filter(r -> r.connection().id().equals(c.id())).findFirst();
      out.append("  ").append(c.id()).append(": ")
          .append(remembered.map(RememberedConnection::toString)
              .map(s -> s.substring(s.indexOf(": ") + 2))
              .orElse("connected " + (c.byGadget() ? "by the gadget"
                  : c.auto() ? "automatically" : "manually")))
          .append('\n');
    }
    out.append("manual connect:\n");
    if (e.connectDecisions().isEmpty()) {
      out.append("  no installed snap has a matching ").append(e.side().word().equals("plug")
          ? "slot" : "plug").append('\n');
    }
    e.connectDecisions().forEach(d -> decision(out, d));
    e.autoConnect().ifPresentOrElse(plan -> {
      out.append("auto-connect: ").append(word(plan.outcome()));
      if (!plan.connect().isEmpty()) {
        out.append(' ').append(plan.connect());
      }
      out.append('\n');
      plan.reasons().forEach(r -> reason(out, r, "  "));
      plan.candidates().forEach(d -> decision(out, d));
    }, () -> out.append("auto-connect: not planned\n"));
    return out.toString();
  }

  private static void decision(StringBuilder out, Decision d) {
    out.append("  ").append(d.subject()).append(": ").append(d.allowed() ? "allowed" : "denied");
    if (!d.message().isEmpty()) {
      out.append(" (").append(d.message()).append(')');
    }
    out.append('\n');
    d.reasons().forEach(r -> reason(out, r, "    "));
  }

  /** {@code INDENT- DETAIL [RULE, LAYER]}, a line of its own. */
  static void reason(StringBuilder out, Reason r, String indent) {
    out.append(indent).append("- ").append(r.detail()).append(" [").append(r.rule())
        .append(", ").append(r.layer().word()).append("]\n");
  }

  private static String side(Explanation e) {
    return e.side().word();
  }

  /** {@code connect}, {@code ambiguous}, ... as explain and policy diff name it. */
  static String word(AutoConnectPlan.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static ObjectNode json(Explanation e) {
    ObjectNode root = Json.object();
    root.put("snap", e.snap());
    root.put(side(e), e.name());
    root.put("interface", e.iface());
    ObjectNode entries = root.putObject("connections");
    e.entries().forEach(c -> entries.set(c.id().toString(), ScenarioJson.connection(c)));
    ArrayNode remembered = root.putArray("remembered");
    e.remembered().forEach(r -> remembered.add(r.toString()));
    ArrayNode connect = root.putArray("connect");
    e.connectDecisions().forEach(d -> connect.add(ChangeOutput.decision(d)));
    e.autoConnect().ifPresent(plan -> {
      ObjectNode auto = root.putObject("auto-connect");
      auto.put("outcome", word(plan.outcome()));
      ArrayNode ids = auto.putArray("connect");
      plan.connect().forEach(id -> ids.add(id.toString()));
      ArrayNode reasons = auto.putArray("reasons");
      plan.reasons().forEach(r -> reasons.add(r.toString()));
      ArrayNode candidates = auto.putArray("candidates");
      plan.candidates().forEach(d -> candidates.add(ChangeOutput.decision(d)));
    });
    return root;
  }
}
