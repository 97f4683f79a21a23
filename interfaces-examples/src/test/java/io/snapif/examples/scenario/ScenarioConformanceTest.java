package io.snapif.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.model.Connection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every worked scenario ({@code scenarios/*.json}, results recorded from snapd 2.57.6) and
 * requires agreement step by step: {@code ok}, {@code error.kind} and every connection state
 * entry with its interface and {@code auto}, {@code by-gadget}, {@code undesired} flags.
 *
 * <p>The one documented difference is allowed for: snapd keeps a removed snap's undesired
 * entries until it restarts, this library drops them at removal; so entries with an end on a
 * snap that is not installed after the step are left out on both sides.
 */
class ScenarioConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyWorkedScenarioAgreesWithSnapd() throws IOException {
    ScenarioRunner runner = new ScenarioRunner(Managers.fileBacked(List.of()));
    return ScenarioReaderTest.scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), () -> agree(runner, file)));
  }

  private static void agree(ScenarioRunner runner, Path file) throws IOException {
    Scenario scenario = ScenarioReader.read(file);
    String base = file.getFileName().toString().replaceFirst("\\.json$", "");
    JsonNode expected = JSON.readTree(file.resolveSibling(base + ".expected.json").toFile())
        .get("steps");
    ScenarioResult result = runner.run(scenario);

    assertThat(result.steps()).as("steps of " + base).hasSize(expected.size());
    List<String> disagreements = new ArrayList<>();
    Set<String> installed = new HashSet<>(Set.of("core"));
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      StepResult got = result.steps().get(i);
      track(installed, scenario.ops().get(i), want.path("ok").asBoolean());
      String wantKind = want.path("ok").asBoolean() ? null : want.path("error").path("kind")
          .asText(null);
      String gotKind = got.errorKind().map(k -> k.word()).orElse(null);
      Map<String, String> wantConns = entries(want.path("connections"), installed);
      Map<String, String> gotConns = entries(got.connections(), installed);
      if (want.path("ok").asBoolean() != got.ok() || !java.util.Objects.equals(wantKind, gotKind)
          || !wantConns.equals(gotConns)) {
        disagreements.add(describe(i, got, want, wantKind, wantConns, gotConns));
      }
    }
    assertThat(disagreements).as(base + ": steps that disagree with snapd").isEmpty();
  }

  /** The snaps installed after an op, as snapd's outcome of it says. */
  private static void track(Set<String> installed, ScenarioOp op, boolean ok) {
    if (!ok) {
      return;
    }
    if (op instanceof ScenarioOp.Install i) {
      installed.add(i.snap());
    } else if (op instanceof ScenarioOp.Seed s) {
      installed.addAll(s.snaps());
    } else if (op instanceof ScenarioOp.Remove r) {
      installed.remove(r.snap());
    }
  }

  private static Map<String, String> entries(JsonNode conns, Set<String> installed) {
    Map<String, String> out = new TreeMap<>();
    conns.fields().forEachRemaining(e -> {
      if (onInstalledSnaps(e.getKey(), installed)) {
        JsonNode v = e.getValue();
        out.put(e.getKey(), flags(v.path("interface").asText(), v.path("auto").asBoolean(),
            v.path("by-gadget").asBoolean(), v.path("undesired").asBoolean()));
      }
    });
    return out;
  }

  private static Map<String, String> entries(Map<String, Connection> conns, Set<String> installed) {
    Map<String, String> out = new TreeMap<>();
    conns.forEach((id, c) -> {
      if (onInstalledSnaps(id, installed)) {
        out.put(id, flags(c.iface(), c.auto(), c.byGadget(), c.undesired()));
      }
    });
    return out;
  }

  private static boolean onInstalledSnaps(String id, Set<String> installed) {
    String[] ends = id.split(" ");
    return installed.contains(ends[0].split(":")[0]) && installed.contains(ends[1].split(":")[0]);
  }

  private static String flags(String iface, boolean auto, boolean byGadget, boolean undesired) {
    return iface + (auto ? " auto" : "") + (byGadget ? " by-gadget" : "")
        + (undesired ? " undesired" : "");
  }

  private static String describe(int i, StepResult got, JsonNode want, String wantKind,
      Map<String, String> wantConns, Map<String, String> gotConns) {
    StringBuilder b = new StringBuilder("step ").append(i).append(" (").append(got.op())
        .append("): expected ok=").append(want.path("ok").asBoolean()).append(" kind=")
        .append(wantKind).append(", got ok=").append(got.ok()).append(" kind=")
        .append(got.errorKind().map(k -> k.word()).orElse(null));
    if (!got.ok()) {
      b.append(" (").append(got.message()).append(')');
    }
    Set<String> ids = new java.util.TreeSet<>(wantConns.keySet());
    ids.addAll(gotConns.keySet());
    for (String id : ids) {
      if (!java.util.Objects.equals(wantConns.get(id), gotConns.get(id))) {
        b.append("\n    ").append(id).append(": expected ").append(wantConns.get(id))
            .append(", got ").append(gotConns.get(id));
      }
    }
    return b.toString();
  }
}
