package io.snapif.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every declaration of the worked scenarios (snaps' {@code declaration} and refresh ops'
 * {@code declaration}) parses, unless snapd's expected step for the op that first uses it reports
 * {@code invalid-snap}, in which case it must be rejected.
 */
class ScenarioDeclarationsTest {
  private static final Path SCENARIOS = Path.of("../interfaces-examples/src/test/resources/scenarios");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One declaration of a scenario and whether snapd accepted the op that used it. */
  private record Case(String name, Map<String, Object> declaration, boolean invalid) {}

  @TestFactory
  Stream<DynamicTest> everyScenarioDeclarationParsesUnlessSnapdRejectedIt() throws IOException {
    List<Case> cases = cases();
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  @Test
  void findsTheScenarioDeclarations() throws IOException {
    // guards against the directory moving and this test silently checking nothing
    assertThat(cases()).hasSizeGreaterThan(50);
  }

  private static void check(Case c) {
    if (c.invalid()) {
      assertThatThrownBy(() -> DeclarationParser.parseRules(c.declaration(), c.name()))
          .isInstanceOf(DeclarationException.class);
    } else {
      Declaration d = DeclarationParser.parseRules(c.declaration(), c.name());
      int written = size(c.declaration().get("plugs")) + size(c.declaration().get("slots"));
      assertThat(d.plugRules().size() + d.slotRules().size()).isEqualTo(written);
    }
  }

  private static int size(Object stanza) {
    return stanza instanceof Map<?, ?> m ? m.size() : 0;
  }

  @SuppressWarnings("unchecked")
  private static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(SCENARIOS)) {
      files =
          list.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      JsonNode scenario = JSON.readTree(file.toFile());
      JsonNode steps =
          JSON.readTree(SCENARIOS.resolve(name.replace(".json", ".expected.json")).toFile())
              .path("steps");
      JsonNode ops = scenario.path("ops");
      scenario
          .path("snaps")
          .fields()
          .forEachRemaining(
              snap -> {
                JsonNode decl = snap.getValue().get("declaration");
                if (decl != null) {
                  boolean invalid =
                      firstUse(ops, snap.getKey()).map(i -> isInvalidSnap(steps, i)).orElse(false);
                  cases.add(
                      new Case(
                          name + " snap " + snap.getKey(),
                          JSON.convertValue(decl, Map.class),
                          invalid));
                }
              });
      for (int i = 0; i < ops.size(); i++) {
        JsonNode decl = ops.get(i).get("declaration");
        if (decl != null) {
          cases.add(
              new Case(name + " op " + i, JSON.convertValue(decl, Map.class), isInvalidSnap(steps, i)));
        }
      }
    }
    return cases;
  }

  /** The index of the first install or seed op that brings {@code snap}. */
  private static Optional<Integer> firstUse(JsonNode ops, String snap) {
    for (int i = 0; i < ops.size(); i++) {
      JsonNode op = ops.get(i);
      String kind = op.path("op").asText();
      if (kind.equals("install") && op.path("snap").asText().equals(snap)) {
        return Optional.of(i);
      }
      if (kind.equals("seed")) {
        for (JsonNode s : op.path("snaps")) {
          if (s.asText().equals(snap)) {
            return Optional.of(i);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isInvalidSnap(JsonNode steps, int index) {
    return steps.path(index).path("error").path("kind").asText().equals("invalid-snap");
  }
}
