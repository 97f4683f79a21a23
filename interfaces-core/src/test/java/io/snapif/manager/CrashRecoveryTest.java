package io.snapif.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.spi.SystemState;
import io.snapif.store.FileStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that is writing to a {@link FileStateStore} at random moments, then checks
 * that the store opens to a state some operation of the child produced: the last one it
 * acknowledged, or the one it was committing when it died.
 */
class CrashRecoveryTest {
  @TempDir Path dir;

  @Test
  void killedWriter_leavesAStateOfAnAcknowledgedOperation() throws Exception {
    Random random = new Random(20240917);
    List<SystemState> expected = CrashScript.replay(400);
    for (int round = 0; round < 5; round++) {
      Path file = dir.resolve("round-" + round).resolve("state.json");
      int killAfter = 3 + random.nextInt(60);
      int lastAck = runAndKill(file, killAfter, random.nextInt(4));

      try (FileStateStore store = FileStateStore.open(file)) {
        SystemState recovered = store.load().orElseThrow();
        // the last acknowledged operation's state, or the next one's if it was being committed
        assertThat(recovered).as("round %d: state after ACK %d", round, lastAck)
            .isIn(expected.get(lastAck), expected.get(lastAck + 1));
        // the previous generation is an earlier state (or the same, when the kill came between
        // keeping it and renaming the new file into place)
        assertThat(store.loadPrevious()).hasValueSatisfying(previous ->
            assertThat(expected.subList(0, lastAck + 2)).contains(previous));
      }
    }
  }

  /** Starts the writer, kills it after {@code acks} acknowledgements and a little more work. */
  private static int runAndKill(Path file, int acks, int extraMillis) throws Exception {
    Files.createDirectories(file.getParent());
    // the child's output goes to a file: what it wrote before being killed stays readable
    Path log = file.resolveSibling("acks.txt");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", testClassPath(),
        CrashScript.class.getName(), file.toString());
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.redirectOutput(log.toFile());
    Process child = pb.start();
    try {
      while (lastAck(log) + 1 < acks) {
        assertThat(child.isAlive()).as("the writer is running").isTrue();
        Thread.sleep(2);
      }
      // let it get into its next operations: the kill lands at an arbitrary point of a save
      if (extraMillis > 0) {
        Thread.sleep(extraMillis);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    int last = lastAck(log);
    assertThat(last).as("the writer acknowledged operations").isGreaterThanOrEqualTo(0);
    return last;
  }

  private static int lastAck(Path log) throws IOException {
    int last = -1;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith("ACK ")) {
        last = Integer.parseInt(line.substring(4));
      }
    }
    return last;
  }

  /** Surefire may run tests from a manifest-only jar; it then names the real path here. */
  private static String testClassPath() {
    return Optional.ofNullable(System.getProperty("surefire.test.class.path"))
        .orElse(System.getProperty("java.class.path"));
  }
}
