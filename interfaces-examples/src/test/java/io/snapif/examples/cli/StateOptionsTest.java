package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateOptionsTest {

  @Test
  void stateFileComesFromOptionThenEnvironmentThenDataDirectory() {
    StateOptions o = new StateOptions();
    Map<String, String> all = Map.of("SNAPIF_STATE", "/s/state.json",
        "XDG_DATA_HOME", "/xdg", "HOME", "/home/u");

    assertThat(o.stateFile(Map.of("HOME", "/home/u")))
        .isEqualTo(Path.of("/home/u/.local/share/snapif/state.json"));
    assertThat(o.stateFile(Map.of("XDG_DATA_HOME", "/xdg", "HOME", "/home/u")))
        .isEqualTo(Path.of("/xdg/snapif/state.json"));
    assertThat(o.stateFile(all)).isEqualTo(Path.of("/s/state.json"));
    o.state = Path.of("mine.json");
    assertThat(o.stateFile(all)).isEqualTo(Path.of("mine.json"));
  }

  @Test
  void classicUnlessCore_andNotBoth() {
    StateOptions o = new StateOptions();
    assertThat(o.classicSystem()).isTrue();
    o.core = true;
    assertThat(o.classicSystem()).isFalse();
    o.classic = true;
    assertThatThrownBy(o::classicSystem).isInstanceOf(CliFailure.class)
        .hasMessage("cannot use --classic and --core together");
  }
}
