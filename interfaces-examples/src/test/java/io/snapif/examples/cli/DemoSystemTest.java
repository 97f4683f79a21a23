package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.examples.scenario.Scenario;
import io.snapif.examples.scenario.ScenarioOp;
import io.snapif.examples.scenario.SnapDocuments;
import io.snapif.examples.scenario.SnapSpec;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import org.junit.jupiter.api.Test;

class DemoSystemTest {

  @Test
  void everyDemoSnapReadsCleanly() {
    Scenario demo = DemoSystem.scenario(true);
    for (SnapSpec spec : demo.snaps().values()) {
      Snap snap = SnapDocuments.readSnapYaml(spec.yaml(), spec.name());
      assertThat(snap.name()).isEqualTo(spec.name());
      assertThat(snap.badInterfaces()).as(spec.name()).isEmpty();
      spec.declaration().ifPresent(d -> SnapDocuments.readDeclaration(d, spec.name()));
      spec.gadgetYaml().ifPresent(g -> assertThat(SnapDocuments.readGadgetConnections(g, "g"))
          .isNotEmpty());
    }
  }

  @Test
  void vlcHasExactlyTheFivePlugsOfTheDocumentation() {
    Snap vlc = SnapDocuments.readSnapYaml(DemoSystem.scenario(true).snaps().get("vlc").yaml(),
        "vlc");

    assertThat(vlc.plugs().keySet()).containsExactlyInAnyOrder(
        "audio-playback", "audio-record", "camera", "desktop", "home");
    assertThat(vlc.slots()).isEmpty();
  }

  @Test
  void seedsTheGadgetFirstThenEverySnap() {
    Scenario demo = DemoSystem.scenario(false);

    assertThat(demo.classic()).isFalse();
    assertThat(demo.ops().get(0)).isInstanceOfSatisfying(ScenarioOp.Seed.class, seed -> {
      assertThat(seed.snaps()).containsExactlyInAnyOrderElementsOf(demo.snaps().keySet());
      Snap first = SnapDocuments.readSnapYaml(demo.snaps().get(seed.snaps().get(0)).yaml(), "x");
      assertThat(first.type()).isEqualTo(SnapType.GADGET);
    });
  }
}
