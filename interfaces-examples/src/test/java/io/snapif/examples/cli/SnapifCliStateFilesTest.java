package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the commands leave on disk: nothing when they fail, private files when they change. */
class SnapifCliStateFilesTest {
  @TempDir Path home;

  @Test
  void aRefusedInstall_onAFreshStatePath_leavesTheDirectoryAsItWas() throws IOException {
    Path snap = Files.createDirectories(home.resolve("sneaky"));
    Files.writeString(snap.resolve("snap.yaml"), """
        name: sneaky
        version: '1'
        slots:
          x:
            interface: docker-support
        """);
    List<String> before = tree(home);

    CliRun r = CliRun.run(home, "install", snap.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo(
        "error: installation not allowed by \"x\" slot rule of interface \"docker-support\"\n");
    assertThat(tree(home)).isEqualTo(before);
  }

  @Test
  void aCommandThatFailsToOpenTheState_leavesItAsItWas_withoutALock() throws IOException {
    Path file = CliRun.stateFile(home);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{ this is not a state");

    for (String[] command : List.of(new String[] {"connections"},
        new String[] {"connect", "vlc:camera"},
        new String[] {"disconnect", "vlc:home", "--dry-run"})) {
      CliRun r = CliRun.run(home, command);

      assertThat(r.status()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("error: cannot read state file " + file
          + ": not a valid state file (no format and checksum header)\n");
      assertThat(tree(file.getParent())).containsExactly("state.json");
    }
  }

  @Test
  void fileErrors_sayWhatIsWrong_withoutJavaClassNames() throws IOException {
    Path directory = Files.createDirectories(home.resolve("dir").resolve("state.json"));
    CliRun read = CliRun.run(home, "connections", "--state", directory.toString());
    assertThat(read.err())
        .isEqualTo("error: cannot read state file " + directory + ": is a directory\n");

    Path plain = home.resolve("plain");
    Files.writeString(plain, "");
    CliRun change = CliRun.run(
        home, "connect", "vlc:camera", "--state", plain.resolve("state.json").toString());
    assertThat(change.err())
        .isEqualTo("error: cannot create directory " + plain + ": not a directory\n");
    assertThat(tree(home)).containsExactlyInAnyOrder("dir", "dir/state.json", "plain");
  }

  @Test
  void theStateFilesAChangeWrites_areReadableByTheirOwnerOnly() throws IOException {
    assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "a file system with POSIX permissions");
    Path file = CliRun.stateFile(home);

    assertThat(CliRun.run(home, "connect", "vlc:camera").status()).isZero();
    assertThat(CliRun.run(home, "disconnect", "vlc:camera").status()).isZero();

    List<String> files = tree(file.getParent());
    assertThat(files).containsExactlyInAnyOrder("state.json", "state.json.journal");
    for (String name : files) {
      assertThat(PosixFilePermissions.toString(
          Files.getPosixFilePermissions(file.resolveSibling(name))))
          .as(name).isEqualTo("rw-------");
    }
  }

  /** Every path under {@code root}, relative to it, in order. */
  private static List<String> tree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> !p.equals(root))
          .map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
