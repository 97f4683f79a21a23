package io.snapif.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.InterfaceInfo;
import io.snapif.catalog.sanitizers.Sanitizers;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.model.Snap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

class SnapYamlPropertiesTest {
  private static final InterfaceCatalog CATALOG = InterfaceCatalog.builtin();
  private static final List<String> PLAIN_INTERFACES = CATALOG.all().stream()
      .map(InterfaceInfo::name)
      .filter(n -> !Sanitizers.interfaces().contains(n))
      .toList();
  private static final List<String> SEEDS = List.of(
      "snap-store", "pi", "cups", "microk8s", "mosquitto", "checkbox24");

  // ---- any text: a Snap or a SnapYamlException, never anything else

  @Property(tries = 400)
  void mutatedSnapYaml_readsOrFailsTyped(@ForAll("mutatedYaml") String text) {
    collectOutcome(readOrTypedFailure(text));
  }

  @Property(tries = 300)
  void randomText_readsOrFailsTyped(@ForAll("yamlishText") String text) {
    collectOutcome(readOrTypedFailure(text));
  }

  // Both outcomes must actually occur, or the generators test nothing.
  private static void collectOutcome(String outcome) {
    Statistics.collect(outcome);
    Statistics.coverage(coverage -> {
      coverage.check("read").count(n -> n > 0);
      coverage.check("refused").count(n -> n > 0);
    });
  }

  private static String readOrTypedFailure(String text) {
    String outcome;
    try {
      Snap snap = SnapYaml.read(text, "fuzz", CATALOG);
      assertThat(snap.name()).isNotEmpty();
      outcome = "read";
    } catch (SnapYamlException e) {
      assertThat(e.source()).isEqualTo("fuzz");
      assertThat(e.problem()).isNotBlank();
      outcome = "refused";
    }
    return outcome;
  }

  @Provide
  Arbitrary<String> mutatedYaml() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS).map(SnapYamlPropertiesTest::seedText);
    Arbitrary<List<Tuple2<Integer, String>>> edits = Combinators.combine(
        Arbitraries.integers().between(0, 100_000),
        Arbitraries.oneOf(
            Arbitraries.strings().withChars(":-[]{}#&*!|>'\"%@`,?~ \n\tyYnN0x.$").ofMaxLength(4),
            Arbitraries.of("", "\n  ", ": ", "- ", "&a ", "*a", "<<: ", "!!int ", "'", "{", "\t")))
        .as(Tuple::of).list().ofMinSize(1).ofMaxSize(6);
    return Combinators.combine(seed, edits, Arbitraries.integers().between(0, 20))
        .as(SnapYamlPropertiesTest::mutate);
  }

  // Each edit replaces up to `cut` characters at a position with its text.
  private static String mutate(String seed, List<Tuple2<Integer, String>> edits, int cut) {
    StringBuilder s = new StringBuilder(seed);
    for (Tuple2<Integer, String> edit : edits) {
      int at = s.isEmpty() ? 0 : edit.get1() % s.length();
      s.replace(at, Math.min(s.length(), at + cut), edit.get2());
    }
    return s.toString();
  }

  @Provide
  Arbitrary<String> yamlishText() {
    return Arbitraries.strings()
        .withChars("name:version'1 abcplugsltxy-[]{},&*!|>#\n\t\"\\0.%@`~?<")
        .ofMaxLength(200)
        .map(s -> "name: fz\nversion: '1'\n" + s);
  }

  private static String seedText(String name) {
    try (InputStream in = SnapYamlPropertiesTest.class.getResourceAsStream(
        "/snaps/" + name + "/snap.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- generated valid snaps read back to what they were generated from

  /** A generated endpoint: name, interface, and how snap.yaml spells it. */
  record Endpoint(String name, String iface, int spelling) {}

  @Property(tries = 300)
  void generatedSnap_readsBackToItsPlugsAndSlots(
      @ForAll("endpoints") List<Endpoint> plugs, @ForAll("endpoints") List<Endpoint> slots,
      @ForAll("snapNames") String snapName) {
    Map<String, Endpoint> plugsByName = byName(plugs);
    Map<String, Endpoint> slotsByName = byName(slots);
    slotsByName.keySet().removeAll(plugsByName.keySet()); // snapd forbids shared names

    Snap snap = SnapYaml.read(write(snapName, plugsByName, slotsByName), "gen", CATALOG);

    assertThat(snap.name()).isEqualTo(snapName);
    assertThat(snap.badInterfaces()).isEmpty();
    assertThat(snap.plugs().values().stream()
        .collect(Collectors.toMap(Plug::name, Plug::iface)))
        .isEqualTo(ifaces(plugsByName));
    assertThat(snap.slots().values().stream()
        .collect(Collectors.toMap(Slot::name, Slot::iface)))
        .isEqualTo(ifaces(slotsByName));
    assertThat(snap.plugs().values()).allMatch(p -> p.attributes().isEmpty());
    // every plug ends up bound to the only app, whichever way it was declared
    assertThat(snap.apps().get("app").plugs()).isEqualTo(snap.plugs().keySet());
  }

  @Provide
  Arbitrary<String> snapNames() {
    return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
        .ofMinLength(1).ofMaxLength(12).map(s -> "s" + s);
  }

  @Provide
  Arbitrary<List<Endpoint>> endpoints() {
    Arbitrary<String> bases = Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMaxLength(8);
    Arbitrary<Endpoint> endpoint = Combinators.combine(bases, Arbitraries.integers().between(0, 9),
            Arbitraries.of(PLAIN_INTERFACES), Arbitraries.integers().between(0, 4))
        .as((base, dash, iface, spelling) -> new Endpoint(
            nameOnlySpelling(spelling) ? iface : name(base, dash), iface, spelling));
    return endpoint.list().ofMaxSize(8);
  }

  // A valid plug/slot name: a letter, then the base with at most one dash inside.
  private static String name(String base, int dash) {
    String n = "e" + base;
    return dash == 0 || dash >= n.length() ? n : n.substring(0, dash) + "-" + n.substring(dash);
  }

  private static Map<String, Endpoint> byName(List<Endpoint> list) {
    Map<String, Endpoint> out = new LinkedHashMap<>();
    list.forEach(e -> out.putIfAbsent(e.name(), e));
    return out;
  }

  private static Map<String, String> ifaces(Map<String, Endpoint> endpoints) {
    Map<String, String> out = new LinkedHashMap<>();
    endpoints.values().forEach(e -> out.put(e.name(), e.iface()));
    return out;
  }

  // Spellings 0 (null) and 4 (listed by the app only) take the interface from the name.
  private static boolean nameOnlySpelling(int spelling) {
    return spelling == 0 || spelling == 4;
  }

  private static String write(String name, Map<String, Endpoint> plugs,
      Map<String, Endpoint> slots) {
    StringBuilder y = new StringBuilder("name: " + name + "\nversion: '1.0'\n");
    List<String> appPlugs = new ArrayList<>();
    List<String> appSlots = new ArrayList<>();
    section(y, "plugs", plugs, appPlugs);
    section(y, "slots", slots, appSlots);
    y.append("apps:\n  app:\n    command: bin/app\n");
    if (!appPlugs.isEmpty()) {
      y.append("    plugs: [").append(String.join(", ", appPlugs)).append("]\n");
    }
    if (!appSlots.isEmpty()) {
      y.append("    slots:\n");
      appSlots.forEach(s -> y.append("      - ").append(s).append('\n'));
    }
    return y.toString();
  }

  private static void section(StringBuilder y, String key, Map<String, Endpoint> endpoints,
      List<String> appLevel) {
    List<Endpoint> top = endpoints.values().stream().filter(e -> e.spelling() != 4).toList();
    endpoints.values().stream().filter(e -> e.spelling() == 4)
        .forEach(e -> appLevel.add(e.name()));
    if (top.isEmpty()) {
      return;
    }
    y.append(key).append(":\n");
    for (Endpoint e : top) {
      y.append("  ").append(e.name()).append(switch (e.spelling()) {
        case 0 -> ":\n";
        case 1 -> ": " + e.iface() + "\n";
        case 2 -> ":\n    interface: " + e.iface() + "\n";
        default -> ": {interface: '" + e.iface() + "'}\n";
      });
    }
  }
}
