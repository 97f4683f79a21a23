package io.snapif.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.manager.ErrorKind;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.spi.StateStore;
import io.snapif.store.FileStateStore.Durability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
  private static final ScenarioRunner RUNNER =
      new ScenarioRunner(Managers.fileBacked(DroolsPolicyEvaluator.builtin()));

  @Test
  void snapYamlReadAhead_failsTheStepThatInstallsTheSnap_withItsSource() {
    Scenario s = ScenarioReader.parse("""
        {"snaps": {"good": {"yaml": "name: good\\nversion: '1'\\nplugs:\\n  home: null\\n"},
                   "bad": {"yaml": "name: bad\\nplugs: [\\n"},
                   "other": {"yaml": "name: someone-else\\nversion: '1'\\n"}},
         "ops": [{"op": "install", "snap": "good"},
                 {"op": "install", "snap": "bad"},
                 {"op": "install", "snap": "other"},
                 {"op": "install", "snap": "bad"}]}""", "t.json", "t");

    List<StepResult> steps = RUNNER.run(s).steps();

    assertThat(steps).extracting(StepResult::ok).containsExactly(true, false, false, false);
    assertThat(steps.get(0).connections()).containsKey("good:home core:home");
    assertThat(steps.get(1).errorKind()).contains(ErrorKind.INVALID_SNAP);
    assertThat(steps.get(1).message()).contains("snaps.bad.yaml");
    assertThat(steps.get(2).errorKind()).contains(ErrorKind.INVALID_SNAP);
    assertThat(steps.get(2).message()).contains("names snap \"someone-else\", not \"other\"");
    // the same snap again fails the same way; the failures changed nothing
    assertThat(steps.get(3).errorKind()).contains(ErrorKind.INVALID_SNAP);
    assertThat(steps.get(3).connections()).isEqualTo(steps.get(0).connections());
  }

  @Test
  void refreshWithItsOwnSnapYaml_isReadThen_notAhead() {
    Scenario s = ScenarioReader.parse("""
        {"snaps": {"app": {"yaml": "name: app\\nversion: '1'\\nplugs:\\n  home: null\\n"}},
         "ops": [{"op": "install", "snap": "app"},
                 {"op": "refresh", "snap": "app",
                  "yaml": "name: app\\nversion: '1'\\nplugs:\\n  network: null\\n"}]}""",
        "t.json", "t");

    List<StepResult> steps = RUNNER.run(s).steps();

    assertThat(steps).extracting(StepResult::ok).containsExactly(true, true);
    assertThat(steps.get(0).connections()).containsOnlyKeys("app:home core:home");
    assertThat(steps.get(1).connections()).containsKey("app:network core:network");
  }

  @Test
  void temporaryStateIsScratch_butAGivenStateFileIsDurable(@TempDir Path dir) {
    List<Durability> asked = new ArrayList<>();
    ManagerOpener real = Managers.fileBacked(DroolsPolicyEvaluator.builtin());
    ScenarioRunner runner = new ScenarioRunner(new ManagerOpener() {
      @Override
      public InterfaceManager open(StateStore store, Device device) {
        return real.open(store, device);
      }

      @Override
      public InterfaceManager open(Path file, Device device, Durability durability) {
        asked.add(durability);
        return real.open(file, device, durability);
      }
    });
    Scenario s = ScenarioReader.parse("""
        {"snaps": {"app": {"yaml": "name: app\\nversion: '1'\\nplugs:\\n  home: null\\n"}},
         "ops": [{"op": "install", "snap": "app"}, {"op": "restart"}]}""", "t.json", "t");

    List<StepResult> scratch = runner.run(s).steps();
    // the first open and the restart's
    assertThat(asked).containsExactly(Durability.PROCESS_CRASH, Durability.PROCESS_CRASH);

    asked.clear();
    Path stateFile = dir.resolve("state.json");
    List<StepResult> durable = runner.runOn(stateFile, s, (i, n, step) -> { }).steps();
    assertThat(asked).containsExactly(Durability.MACHINE_CRASH, Durability.MACHINE_CRASH);
    assertThat(stateFile).exists();

    assertThat(scratch).extracting(StepResult::ok).containsExactly(true, true);
    assertThat(scratch).extracting(StepResult::connections)
        .isEqualTo(durable.stream().map(StepResult::connections).toList());
  }
}
