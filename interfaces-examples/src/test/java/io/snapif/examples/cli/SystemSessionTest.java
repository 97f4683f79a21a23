package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.examples.scenario.ManagerOpener;
import io.snapif.examples.scenario.Managers;
import io.snapif.model.ConnectionId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemSessionTest {
  @TempDir Path dir;

  /** Which durability each open asked for, "demo" or "command" first. */
  private final List<String> asked = new ArrayList<>();

  private ManagerOpener recording(String who) {
    ManagerOpener real = Managers.fileBacked(List.of());
    return (file, device, durability) -> {
      asked.add(who + " " + durability);
      return real.open(file, device, durability);
    };
  }

  private SystemSession open(Path file, SystemSession.Access access) {
    return SystemSession.open(file, new StateOptions(), access, true, recording("command"),
        recording("demo"));
  }

  @Test
  void withoutAStateFile_readingAndDryRunsWorkOnScratchState() {
    Path file = dir.resolve("state.json");
    for (SystemSession.Access access :
        List.of(SystemSession.Access.READ, SystemSession.Access.DRY_RUN)) {
      asked.clear();
      try (SystemSession session = open(file, access)) {
        assertThat(session.manager().connections())
            .containsKey(ConnectionId.parse("vlc:home core:home"));
      }
      // the demo's manager opens once (the demo has no restart), then the command's
      assertThat(asked).as(access.toString())
          .containsExactly("demo PROCESS_CRASH", "command PROCESS_CRASH");
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void aUsersStateFile_isDurable_whetherMadeFromTheDemoOrRead() {
    Path file = dir.resolve("state.json");
    try (SystemSession session = open(file, SystemSession.Access.CHANGE)) {
      assertThat(session.manager().connections()).isNotEmpty();
    }
    assertThat(asked).containsExactly("demo MACHINE_CRASH", "command MACHINE_CRASH");
    assertThat(file).exists();

    asked.clear();
    try (SystemSession session = open(file, SystemSession.Access.READ)) {
      assertThat(session.manager().connections()).isNotEmpty();
    }
    assertThat(asked).containsExactly("command MACHINE_CRASH");
  }
}
