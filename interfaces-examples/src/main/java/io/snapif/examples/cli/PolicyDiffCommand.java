package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.declaration.CheckKind;
import io.snapif.manager.ChangeReport;
import io.snapif.manager.Decision;
import io.snapif.manager.Explanation;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import io.snapif.manager.Reason;
import io.snapif.model.Connection;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.AutoConnectPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code snapif policy diff --rules A.drl --rules-new B.drl}: what changes on the current system
 * when one set of custom rules replaces another: connect and auto-connect decisions that flip,
 * auto-connect plans that change, and connections in state that the new rules would refuse.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compare two sets of custom rules on the current system (the state file, or "
        + "the demo): every manual-connect and auto-connect decision between the plugs and slots "
        + "of the installed snaps, and every auto-connect plan, with the old rules (--rules) and "
        + "the new ones (--rules-new). Either side may be empty: the built-in rules alone. "
        + "With --snap PATH: what installing or refreshing that snap would do instead.",
        "Exit status 0 when nothing differs, 1 when something does, 2 when the comparison "
            + "could not be made (a rule file that does not compile, say)."})
final class PolicyDiffCommand implements Callable<Integer> {
  static final int DIFFERENT = 1;
  static final int TROUBLE = 2;

  @ParentCommand PolicyCommand parent;

  @Option(names = "--rules", paramLabel = "FILE.drl",
      description = "A rule file of the old side (repeatable).")
  List<Path> oldRules = new ArrayList<>();

  @Option(names = "--rules-new", paramLabel = "FILE.drl",
      description = "A rule file of the new side (repeatable).")
  List<Path> newRules = new ArrayList<>();

  @Option(names = "--snap", paramLabel = "PATH",
      description = "Compare instead what installing this snap (a snap.yaml or snap directory, "
          + "as for install and refresh) would do: a refresh when it is installed. Its "
          + "decisions and the connections it would make or drop.")
  Path snap;

  @Override
  public Integer call() {
    SnapifCli root = parent.root;
    List<Difference> differences;
    try {
      Map<String, Outcome> before = outcomes(oldRules);
      Map<String, Outcome> after = outcomes(newRules);
      differences = compare(before, after);
    } catch (RuntimeException e) {
      // like diff(1): 1 means "different", so a comparison that failed is 2
      ErrorOutput.of(e).print(root.err(), root.json());
      return TROUBLE;
    }
    root.out().print(root.json() ? json(differences) : text(differences));
    return differences.isEmpty() ? SnapifCli.OK : DIFFERENT;
  }

  /**
   * One thing policy decides on the system: a pair's manual connect or auto-connect decision,
   * or an endpoint's auto-connect plan ({@code decision} null), with the state entry of the
   * pair if any.
   */
  record Outcome(String kind, String subject, Decision decision, String plan,
      Connection entry) {
    boolean sameAs(Outcome o) {
      return decision != null ? decision.allowed() == o.decision.allowed() : plan.equals(o.plan);
    }

    String word() {
      return decision != null ? (decision.allowed() ? "allowed" : "denied") : plan;
    }
  }

  /** An outcome that differs, both sides; a side is null where the other has none. */
  record Difference(Outcome before, Outcome after) {
    Outcome either() {
      return before != null ? before : after;
    }
  }

  /** Every outcome of the system with {@code rules}, by kind and subject. */
  private Map<String, Outcome> outcomes(List<Path> rules) {
    SnapifCli root = parent.root;
    Map<String, Outcome> out = new LinkedHashMap<>();
    try (SystemSession session = SystemSession.open(
        root.state(), rules, SystemSession.Access.READ, root.env())) {
      InterfaceManager manager = session.manager();
      Map<String, Connection> state = new HashMap<>();
      manager.connections().values().forEach(c -> state.put(c.id().toString(), c));
      if (snap != null) {
        snapOutcomes(manager, state, out);
        return out;
      }
      for (InstalledSnap snap : manager.snaps()) {
        Set<String> names = new LinkedHashSet<>(snap.snap().plugs().keySet());
        names.addAll(snap.snap().slots().keySet());
        for (String name : names) {
          Explanation e = manager.explain(snap.name(), name);
          e.connectDecisions().forEach(d -> put(out, "connect", d, state));
          e.autoConnect().ifPresent(plan -> {
            plan.candidates().forEach(d -> put(out, "auto-connect", d, state));
            String subject = snap.name() + ":" + name;
            out.put("plan " + subject,
                new Outcome("auto-connect plan", subject, null, plan(plan), null));
          });
        }
      }
    }
    return out;
  }

  /** What installing or refreshing {@link #snap} would do: its decisions and changes. */
  private void snapOutcomes(InterfaceManager manager, Map<String, Connection> state,
      Map<String, Outcome> out) {
    InstalledSnap next = RefreshCommand.nextRevision(snap, manager);
    boolean installed = manager.snap(next.name()).isPresent();
    Operation op = installed ? new Operation.Refresh(next) : new Operation.Install(next);
    String subject = next.name();
    String kind = installed ? "refresh" : "install";
    try {
      ChangeReport report = manager.simulate(op);
      out.put(kind, new Outcome(kind, subject, null, "succeeds", null));
      report.decisions().forEach(d -> put(out, word(d.kind()), d, state));
      report.added().forEach((id, c) -> out.put("connection " + id,
          new Outcome("connection", id.toString(), null,
              "made (" + ConnectionsTable.flags(c) + ")", c)));
      report.removed().forEach((id, c) -> out.put("connection " + id,
          new Outcome("connection", id.toString(), null, "dropped", c)));
    } catch (OperationException e) {
      out.put(kind, new Outcome(kind, subject, null, "refused: " + e.getMessage(), null));
      e.decision().ifPresent(d -> put(out, word(d.kind()), d, state));
    }
  }

  private static String word(CheckKind kind) {
    return switch (kind) {
      case INSTALLATION -> "installation";
      case CONNECTION -> "connect";
      case AUTO_CONNECTION -> "auto-connect";
    };
  }

  private static void put(Map<String, Outcome> out, String kind, Decision d,
      Map<String, Connection> state) {
    out.putIfAbsent(kind + " " + d.subject(),
        new Outcome(kind, d.subject(), d, null, state.get(d.subject())));
  }

  private static String plan(AutoConnectPlan.EndpointPlan plan) {
    String outcome = ExplainCommand.word(plan.outcome());
    return plan.connect().isEmpty() ? outcome
        : outcome + " " + String.join(", ", plan.connect().stream().map(Object::toString)
            .toList());
  }

  static List<Difference> compare(Map<String, Outcome> before, Map<String, Outcome> after) {
    List<Difference> out = new ArrayList<>();
    Stream.concat(before.keySet().stream(), after.keySet().stream()).distinct().forEach(key -> {
      Outcome b = before.get(key);
      Outcome a = after.get(key);
      if (b == null || a == null || !b.sameAs(a)) {
        out.add(new Difference(b, a));
      }
    });
    return out;
  }

  /** What the difference means for the state entry of the pair, if there is one. */
  private static String consequence(Difference d) {
    Outcome o = d.either();
    Connection c = o.entry();
    if (c == null || d.after() == null || o.decision() == null) {
      return "";
    }
    boolean nowDenied = !d.after().decision().allowed();
    if (o.kind().equals("connect") && !c.auto() && !c.undesired() && nowDenied) {
      return "connected manually: the new rules would refuse this connection";
    }
    if (o.kind().equals("auto-connect") && c.auto() && !c.undesired() && nowDenied) {
      return "connected automatically: the new rules would not make this connection";
    }
    return "";
  }

  private static String text(List<Difference> differences) {
    if (differences.isEmpty()) {
      return "no differences\n";
    }
    StringBuilder out = new StringBuilder();
    for (Difference d : differences) {
      Outcome o = d.either();
      out.append(o.kind()).append(' ').append(o.subject()).append(": ")
          .append(d.before() == null ? none(o) : d.before().word()).append(" -> ")
          .append(d.after() == null ? none(o) : d.after().word()).append('\n');
      String consequence = consequence(d);
      if (!consequence.isEmpty()) {
        out.append("  ").append(consequence).append('\n');
      }
      side(out, "before", d.before());
      side(out, "after", d.after());
    }
    out.append(differences.size()).append(differences.size() == 1 ? " difference\n"
        : " differences\n");
    return out.toString();
  }

  /** A side without this outcome: a connection not made, or a decision not taken. */
  private static String none(Outcome o) {
    return o.kind().equals("connection") ? "not made" : "(not asked)";
  }

  private static void side(StringBuilder out, String label, Outcome o) {
    if (o == null || o.decision() == null) {
      return;
    }
    out.append("  ").append(label).append(": ").append(o.decision().message()).append('\n');
    for (Reason r : o.decision().reasons()) {
      if (!r.overridden()) {
        ExplainCommand.reason(out, r, "    ");
      }
    }
  }

  private static String json(List<Difference> differences) {
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("differences");
    for (Difference d : differences) {
      Outcome o = d.either();
      ObjectNode item = list.addObject();
      item.put("kind", o.kind());
      item.put("subject", o.subject());
      String consequence = consequence(d);
      if (!consequence.isEmpty()) {
        item.put("state", consequence);
      }
      jsonSide(item, "before", d.before());
      jsonSide(item, "after", d.after());
    }
    return Json.write(root);
  }

  private static void jsonSide(ObjectNode item, String label, Outcome o) {
    if (o == null) {
      item.putNull(label);
    } else if (o.decision() != null) {
      item.set(label, ChangeOutput.decision(o.decision()));
    } else {
      item.put(label, o.plan());
    }
  }
}
