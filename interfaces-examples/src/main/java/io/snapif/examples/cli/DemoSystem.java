package io.snapif.examples.cli;

import io.snapif.examples.scenario.ManagerOpener;
import io.snapif.examples.scenario.Scenario;
import io.snapif.examples.scenario.ScenarioReader;
import io.snapif.examples.scenario.ScenarioResult;
import io.snapif.examples.scenario.ScenarioRunner;
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
   * @throws CliFailure if an op of the demo fails (the demo and the library disagree, or the
   *     model asks for another gadget than the demo's)
   */
  static void create(
      Path stateFile, Durability durability, Scenario demo, ManagerOpener opener) {
    ScenarioResult result = new ScenarioRunner(opener)
        .runOn(stateFile, durability, demo, (i, n, s) -> { });
    for (StepResult step : result.steps()) {
      if (!step.ok()) {
        throw new CliFailure("cannot prepare the demo system: " + step.op() + ": "
            + step.message());
      }
    }
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
