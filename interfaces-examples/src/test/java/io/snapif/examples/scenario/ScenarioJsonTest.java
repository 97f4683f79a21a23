package io.snapif.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSortedMap;
import io.snapif.manager.ErrorKind;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.PlugRef;
import io.snapif.model.SlotRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ScenarioJsonTest {
  private static final ObjectMapper INDENTED =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static Connection entry(String id, boolean auto, boolean gadget, boolean undesired) {
    ConnectionId cid = ConnectionId.parse(id);
    return Connection.builder().id(cid).iface(cid.plug().name()).auto(auto).byGadget(gadget)
        .undesired(undesired).build();
  }

  private static ScenarioState state(String systemSnap, Collection<Connection> entries) {
    TreeMap<ConnectionId, Connection> byId = new TreeMap<>();
    entries.forEach(c -> byId.put(c.id(), c));
    return ScenarioState.of(ImmutableSortedMap.copyOfSorted(byId), systemSnap);
  }

  /**
   * The document as Jackson writes it in one go from a tree, in UTF-8 as the CLI prints it: what
   * the scenario format's output was first made with.
   */
  private static byte[] jacksonDocument(ScenarioResult result) throws Exception {
    ObjectNode root = INDENTED.createObjectNode().put("name", result.name());
    ArrayNode steps = root.putArray("steps");
    for (StepResult step : result.steps()) {
      ObjectNode s = steps.addObject().put("op", step.op()).put("ok", step.ok());
      step.errorKind().ifPresent(k ->
          s.putObject("error").put("kind", k.word()).put("message", step.message()));
      ObjectNode conns = s.putObject("connections");
      step.connections().forEach((id, c) -> conns.set(id, ScenarioJson.connection(c)));
    }
    return INDENTED.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] written(ScenarioResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScenarioJson.write(result, out);
    return out.toByteArray();
  }

  @Test
  void write_isTheIndentedJsonOfTheFormat_writtenStepByStep() throws Exception {
    ScenarioResult result = ScenarioResult.builder().name("s")
        .addSteps(StepResult.builder().op("install vlc").ok(true)
            .state(state("core", List.of(entry("vlc:home core:home", true, false, false),
                entry("vlc:x gadget:x", true, true, true))))
            .build())
        .addSteps(StepResult.builder().op("connect vlc:nosuch").ok(false)
            .errorKind(ErrorKind.NOT_FOUND).message("snap \"vlc\" has no plug \"nosuch\"")
            .state(state("core", List.of(entry("vlc:camera core:camera", false, false, false))))
            .build())
        .addSteps(StepResult.builder().op("remove vlc").ok(true).build())
        .build();

    // the same document built as a tree and written by Jackson in one go
    ObjectNode root = INDENTED.createObjectNode().put("name", "s");
    var steps = root.putArray("steps");
    ObjectNode first = steps.addObject().put("op", "install vlc").put("ok", true);
    ObjectNode c1 = first.putObject("connections");
    c1.putObject("vlc:home core:home").put("interface", "home").put("auto", true);
    c1.putObject("vlc:x gadget:x").put("interface", "x").put("auto", true)
        .put("by-gadget", true).put("undesired", true);
    ObjectNode second = steps.addObject().put("op", "connect vlc:nosuch").put("ok", false);
    second.putObject("error").put("kind", "not-found")
        .put("message", "snap \"vlc\" has no plug \"nosuch\"");
    second.putObject("connections").putObject("vlc:camera core:camera")
        .put("interface", "camera");
    steps.addObject().put("op", "remove vlc").put("ok", true).putObject("connections");

    assertThat(ScenarioJson.write(result)).isEqualTo(INDENTED.writeValueAsString(root));
  }

  @Test
  void write_withoutSteps_isAnEmptyArray() throws Exception {
    ScenarioResult result = ScenarioResult.builder().name("none").build();

    assertThat(written(result)).isEqualTo(jacksonDocument(result));
    assertThat(ScenarioJson.write(result)).contains("\"steps\" : [ ]");
  }

  // Entries are written from a cache of their text that forgets the entries gone when it has
  // grown to twice the state; the text must not depend on what it held before.
  @Test
  void write_manyStatesOfChangingEntries_isJacksonsDocument() throws Exception {
    var result = ScenarioResult.builder().name("churn");
    List<Connection> kept = new ArrayList<>();
    for (int step = 0; step < 6; step++) {
      int s = step;
      List<Connection> fresh = IntStream.range(0, 700)
          .mapToObj(i -> entry("app" + s + "-" + i + ":p core:p", i % 2 == 0, false, i % 3 == 0))
          .toList();
      List<Connection> entries = new ArrayList<>(kept);
      entries.addAll(fresh);
      if (step % 2 == 0) {
        kept.addAll(fresh.subList(0, 50));
      }
      result.addSteps(StepResult.builder().op("step " + step).ok(true)
          .state(state(step == 4 ? "snapd" : "core", entries)).build());
    }
    ScenarioResult r = result.build();

    assertThat(written(r)).isEqualTo(jacksonDocument(r));
  }

  @Property(tries = 300)
  void write_isJacksonsIndentedDocument_forAnyResult(@ForAll("results") ScenarioResult result)
      throws Exception {
    byte[] bytes = written(result);

    assertThat(bytes).isEqualTo(jacksonDocument(result));
    assertThat(ScenarioJson.write(result)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void stateEntries_areTheKeyedMapsValues_underTheirIds(@ForAll("states") ScenarioState state) {
    List<Connection> entries = List.copyOf(state.entries());

    assertThat(entries).containsExactlyElementsOf(state.asMap().values());
    assertThat(entries.stream().map(state::id).toList())
        .containsExactlyElementsOf(state.asMap().keySet());
  }

  @Test
  void state_onASnapdSystem_spellsItCore_andTheLaterOfTwoEntriesWithOneIdCounts() {
    Connection ofCoreSnap = entry("core:p snapd:s", false, false, false);
    Connection ofSystem = entry("snapd:p snapd:s", true, false, false);
    Connection other = entry("vlc:home snapd:home", true, false, false);

    ScenarioState state = state("snapd", List.of(ofCoreSnap, other, ofSystem));

    assertThat(state.asMap()).containsExactly(
        Map.entry("core:p core:s", ofSystem), Map.entry("vlc:home core:home", other));
    assertThat(state.entries()).containsExactly(ofSystem, other);
  }

  @Test
  void runWithoutKeepingStates_givesEachStateToTheListenerOnly() {
    Scenario scenario = ScenarioReader.parse("""
        classic: true
        snaps:
          vlc:
            yaml: |
              name: vlc
              version: 1.0
              apps:
                vlc:
                  command: vlc
                  plugs: [home, camera]
        ops:
          - {op: install, snap: vlc}
          - {op: connect, plug: "vlc:camera"}
        """, "test.yaml", "test");
    ScenarioRunner runner = new ScenarioRunner(Managers.fileBacked(List.of()));
    List<Map<String, Connection>> heard = new ArrayList<>();

    ScenarioResult light = runner.run(scenario, (i, n, step) -> heard.add(step.connections()),
        false);
    ScenarioResult whole = runner.run(scenario);

    assertThat(heard).containsExactlyElementsOf(
        whole.steps().stream().map(StepResult::connections).toList());
    assertThat(heard.get(1)).containsKeys("vlc:home core:home", "vlc:camera core:camera");
    assertThat(light.steps()).allSatisfy(step -> assertThat(step.connections()).isEmpty());
    assertThat(light.steps()).extracting(StepResult::op)
        .containsExactlyElementsOf(whole.steps().stream().map(StepResult::op).toList());
  }

  // ---- generators: names and texts with everything JSON must escape, entries shared by steps

  private static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(8),
        Arbitraries.strings().withChars("a\"\\/\n\r\t\b\f\u0000\u001f\u007féß€\u2028😀")
            .ofMaxLength(8));
  }

  /** Snap and plug names: like text, without the id's separators. */
  private static Arbitrary<String> name() {
    return Arbitraries.oneOf(Arbitraries.of("core", "snapd", "vlc"),
        text().filter(s -> !s.isEmpty() && !s.contains(":") && !s.contains(" ")));
  }

  private static Arbitrary<Connection> connections() {
    Arbitrary<ConnectionId> ids = Combinators.combine(name(), name(), name(), name())
        .as((ps, p, ss, s) -> ConnectionId.of(PlugRef.of(ps, p), SlotRef.of(ss, s)));
    return Combinators.combine(ids, text(), Arbitraries.integers().between(0, 7))
        .as((id, iface, flags) -> Connection.builder().id(id).iface(iface)
            .auto((flags & 1) != 0).byGadget((flags & 2) != 0).undesired((flags & 4) != 0)
            .build());
  }

  private static Arbitrary<ScenarioState> statesOf(List<Connection> pool) {
    return Combinators.combine(Arbitraries.of("core", "snapd"), Arbitraries.subsetOf(pool))
        .as(ScenarioJsonTest::state);
  }

  @Provide
  Arbitrary<ScenarioState> states() {
    return connections().list().ofMaxSize(10).flatMap(ScenarioJsonTest::statesOf);
  }

  @Provide
  Arbitrary<ScenarioResult> results() {
    // the steps pick their entries from one pool, so that they share instances as in a run
    return connections().list().ofMaxSize(8).flatMap(pool -> {
      Arbitrary<StepResult> step = Combinators.combine(text(), text(),
          Arbitraries.of(ErrorKind.class).optional(0.6), statesOf(pool))
          .as((op, message, kind, state) -> kind
              .map(k -> StepResult.builder().op(op).ok(false).errorKind(k).message(message))
              .orElseGet(() -> StepResult.builder().op(op).ok(true))
              .state(state).build());
      return Combinators.combine(text(), step.list().ofMaxSize(4)).as((name, steps) ->
          ScenarioResult.builder().name(name).steps(steps).build());
    });
  }
}
