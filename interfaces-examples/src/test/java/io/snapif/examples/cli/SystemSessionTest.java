package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.examples.scenario.ManagerOpener;
import io.snapif.examples.scenario.Managers;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.spi.StateStore;
import io.snapif.spi.StateStoreException;
import io.snapif.store.FileStateStore.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemSessionTest {
  @TempDir Path dir;

  /**
   * How each manager was opened, "demo" or "command" first: on a state file with the durability
   * asked for, or on a store ("store": the command's state file is not written yet).
   */
  private final List<String> asked = new ArrayList<>();

  private ManagerOpener recording(String who) {
    ManagerOpener real = Managers.fileBacked(List.of());
    return new ManagerOpener() {
      @Override
      public InterfaceManager open(StateStore store, Device device) {
        asked.add(who + " store");
        return real.open(store, device);
      }

      @Override
      public InterfaceManager open(Path file, Device device, Durability durability) {
        asked.add(who + " " + durability);
        return real.open(file, device, durability);
      }
    };
  }

  private SystemSession open(Path file, SystemSession.Access access) {
    return open(file, access, true);
  }

  private SystemSession open(Path file, SystemSession.Access access, boolean demo) {
    return SystemSession.open(file, new StateOptions(), access, demo, recording("command"),
        recording("demo"));
  }

  private static final Operation CONNECT_CAMERA = new Operation.Connect(
      "vlc", "camera", Optional.of("core"), Optional.of("camera"));

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
  void aUsersStateFile_isWrittenByTheFirstCommit_andIsDurable() {
    Path file = dir.resolve("state.json");
    try (SystemSession session = open(file, SystemSession.Access.CHANGE)) {
      assertThat(session.manager().connections()).isNotEmpty();
      assertThat(file).doesNotExist();
      session.manager().apply(CONNECT_CAMERA);
      assertThat(file).exists();
    }
    // the demo is made on scratch state; the command's store writes the user's file
    assertThat(asked).containsExactly("demo PROCESS_CRASH", "command store");

    asked.clear();
    try (SystemSession session = open(file, SystemSession.Access.READ)) {
      assertThat(session.manager().connections())
          .containsKeys(ConnectionId.parse("vlc:camera core:camera"),
              ConnectionId.parse("vlc:home core:home"));
    }
    assertThat(asked).containsExactly("command MACHINE_CRASH");
  }

  @Test
  void aChangeThatIsRefused_leavesTheDirectoryAsItWas() throws IOException {
    Path file = dir.resolve("data").resolve("snapif").resolve("state.json");
    for (boolean demo : List.of(true, false)) {
      // opening alone writes nothing, though a fresh system is made (and saved) as it opens
      open(file, SystemSession.Access.CHANGE, demo).close();
      assertThat(listing(dir)).as("demo " + demo).isEmpty();

      try (SystemSession session = open(file, SystemSession.Access.CHANGE, demo)) {
        assertThatThrownBy(() -> session.manager().apply(new Operation.Remove("nosuch")))
            .isInstanceOf(OperationException.class);
        assertThat(listing(file.getParent())).containsExactly("state.json.lock");
      }
      assertThat(listing(dir)).as("demo " + demo).isEmpty();
    }
  }

  @Test
  void aStateFileThatFailsToOpen_isLeftAsItWas_withoutALock() throws IOException {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{ not a state");
    for (SystemSession.Access access : SystemSession.Access.values()) {
      assertThatThrownBy(() -> open(file, access))
          .isInstanceOf(StateStoreException.class)
          .hasMessage("cannot read state file " + file
              + ": not a valid state file (no format and checksum header)");
      assertThat(listing(dir)).as(access.toString()).containsExactly("state.json");
      assertThat(Files.readString(file)).isEqualTo("{ not a state");
    }
  }

  private static List<String> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
