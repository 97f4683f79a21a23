package io.snapif.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.model.Attributes;
import io.snapif.model.Snap;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * snap.yaml texts with what snapd 2.57.6 read from each (recorded offline with the oracle's
 * {@code snap-info}: {@code InfoFromSnapYaml} then {@code Validate}): 185 real snaps from the
 * worked scenarios and ~150 edge cases (YAML 1.1 typing, every definition error, bindings,
 * validation messages, each sanitizer). Plugs, slots (interface and attributes), dropped ones
 * with reasons, and errors with their text must agree.
 */
class SnapdConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CYCLE = "applications are part of a before/after cycle: ";

  @TestFactory
  Stream<DynamicTest> readsEachTextAsSnapdDid() throws IOException {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("snapd-snap-info.json")) {
      cases = JSON.readTree(in).path("cases");
    }
    assertThat(cases.size()).isGreaterThan(300);
    return Stream.iterate(0, i -> i < cases.size(), i -> i + 1).map(cases::get)
        .map(c -> DynamicTest.dynamicTest(c.path("id").asText(),
            () -> check(c.path("yaml").asText(), c.path("snapd"))));
  }

  private static void check(String yaml, JsonNode snapd) {
    if (snapd.has("error")) {
      String expected = snapd.path("error").asText();
      assertThatExceptionOfType(SnapYamlException.class)
          .isThrownBy(() -> SnapYaml.read(yaml, "case", InterfaceCatalog.builtin()))
          .satisfies(e -> assertThat(sameProblem(e.problem(), expected))
              .as("%s vs snapd's %s", e.problem(), expected).isTrue());
      return;
    }
    Snap snap = SnapYaml.read(yaml, "case", InterfaceCatalog.builtin());
    assertThat(snap.name()).isEqualTo(snapd.path("name").asText());
    assertThat(snap.type().yamlName()).isEqualTo(snapd.path("type").asText());
    Map<String, Object> plugs = new TreeMap<>();
    snap.plugs().forEach((n, p) -> plugs.put(n, List.of(p.iface(), numeric(p.attributes()))));
    Map<String, Object> slots = new TreeMap<>();
    snap.slots().forEach((n, s) -> slots.put(n, List.of(s.iface(), numeric(s.attributes()))));
    assertThat(plugs).isEqualTo(endpoints(snapd.path("plugs")));
    assertThat(slots).isEqualTo(endpoints(snapd.path("slots")));
    assertThat(snap.badInterfaces()).isEqualTo(snapd.has("dropped")
        ? JSON.convertValue(snapd.path("dropped"), Map.class) : Map.of());
  }

  // snapd wraps decoding errors ("cannot parse snap.yaml: yaml: unmarshal errors: line N: ...")
  // and lists a cycle in Go map order; the problem itself must be the same.
  private static boolean sameProblem(String mine, String snapd) {
    if (mine.startsWith(CYCLE) && snapd.startsWith(CYCLE)) {
      return sortedNames(mine).equals(sortedNames(snapd));
    }
    return snapd.contains(mine);
  }

  private static List<String> sortedNames(String cycle) {
    return Arrays.stream(cycle.substring(CYCLE.length()).split(", ")).sorted().toList();
  }

  private static Map<String, Object> endpoints(JsonNode node) {
    Map<String, Object> out = new TreeMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), List.of(
        e.getValue().path("interface").asText(),
        numeric(JSON.convertValue(e.getValue().path("attrs"), Object.class)))));
    return out;
  }

  // JSON keeps no int/float distinction (Go writes 1.0 as 1), so numbers compare as doubles
  // here; YamlTreeTest and SnapYamlTest pin the Long/Double typing.
  private static Object numeric(Object value) {
    if (value instanceof Attributes a) {
      return numeric(a.asMap());
    } else if (value instanceof Number n) {
      return n.doubleValue();
    } else if (value instanceof List<?> l) {
      return l.stream().map(SnapdConformanceTest::numeric).toList();
    } else if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new TreeMap<>();
      m.forEach((k, v) -> out.put(k, numeric(v)));
      return out;
    }
    return value == null ? Map.of() : value;
  }
}
