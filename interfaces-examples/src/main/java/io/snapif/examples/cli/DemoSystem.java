package io.snapif.examples.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.examples.scenario.ManagerOpener;
import io.snapif.examples.scenario.Scenario;
import io.snapif.examples.scenario.ScenarioReader;
import io.snapif.examples.scenario.ScenarioResult;
import io.snapif.examples.scenario.ScenarioOp;
import io.snapif.examples.scenario.ScenarioRunner;
import io.snapif.examples.scenario.SnapSpec;
import io.snapif.examples.scenario.StepResult;
import io.snapif.store.FileStateStore.Durability;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The system the CLI starts from when there is no state file yet: a desktop with the system snap,
 * a gadget with connections, content providers (gnome-42-2204, gtk-common-themes) and the apps of
 * the interface-management documentation (chromium, vlc, zoom-client). It is written as a scenario
 * ({@code demo.yaml} beside this class) and prepared by running it.
 */
final class DemoSystem {
  static final String RESOURCE = "demo/demo.yaml";

  /** The demo's gadget snap, renamed when the model asks for another gadget. */
  private static final String GADGET = "pc";

  private DemoSystem() {}

  /** The demo scenario; {@code classic} chooses a classic system or a core device. */
  static Scenario scenario(boolean classic) {
    Scenario demo = ScenarioReader.parse(resource(), RESOURCE, "demo");
    return Scenario.builder().from(demo).classic(classic).build();
  }

  /**
   * Writes the state of {@code demo} (the demo {@link #scenario}, maybe with another model) to
   * {@code stateFile}, whose saves survive what {@code durability} says.
   *
   * @throws CliFailure if an op of the demo fails (the demo and the library disagree)
   */
  static void create(
      Path stateFile, Durability durability, Scenario demo, ManagerOpener opener) {
    ScenarioResult result = new ScenarioRunner(opener)
        .runOn(stateFile, durability, fitted(demo), (i, n, s) -> { });
    for (StepResult step : result.steps()) {
      if (!step.ok()) {
        throw new CliFailure("cannot prepare the demo system: " + step.op() + ": "
            + step.message());
      }
    }
  }

  /**
   * {@code demo} made to fit its device: the gadget snap carries the name the model asks for
   * (the demo's {@code pc} otherwise), and on a core device the demo does not take {@code home}
   * away from zoom-client, because {@code home} does not auto-connect there in the first place.
   */
  static Scenario fitted(Scenario demo) {
    String gadget = demo.gadget().orElse(GADGET);
    var ops = ImmutableList.<ScenarioOp>builder();
    for (ScenarioOp op : demo.ops()) {
      if (op instanceof ScenarioOp.Seed seed) {
        ops.add(new ScenarioOp.Seed(seed.snaps().stream()
            .map(name -> name.equals(GADGET) ? gadget : name)
            .collect(ImmutableList.toImmutableList())));
      } else if (demo.classic() || !(op instanceof ScenarioOp.Disconnect d
          && d.name().equals("home"))) {
        ops.add(op);
      }
    }
    var snaps = ImmutableMap.<String, SnapSpec>builder();
    demo.snaps().forEach((name, spec) -> snaps.put(name.equals(GADGET) ? gadget : name,
        name.equals(GADGET) ? renamed(spec, gadget) : spec));
    return Scenario.builder().from(demo).ops(ops.build()).snaps(snaps.build()).build();
  }

  private static SnapSpec renamed(SnapSpec gadget, String name) {
    if (name.equals(gadget.name())) {
      return gadget;
    }
    // The demo's own snap.yaml, whose name line is known: rewrite that one line.
    String yaml = gadget.yaml().replaceFirst("(?m)^name: " + GADGET + "$", "name: " + name);
    if (yaml.equals(gadget.yaml())) {
      throw new IllegalStateException("the demo gadget's snap.yaml has no line \"name: "
          + GADGET + "\"");
    }
    return SnapSpec.builder().from(gadget).name(name).yaml(yaml).build();
  }

  private static String resource() {
    try (InputStream in = DemoSystem.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CliFailure("the demo system is missing from this build (" + RESOURCE + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
