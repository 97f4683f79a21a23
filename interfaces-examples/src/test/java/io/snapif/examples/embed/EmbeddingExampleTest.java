package io.snapif.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.examples.scenario.Managers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExampleTest {
  @TempDir Path dir;

  @Test
  void listenerHearsEveryCommittedChange_andTheStateSurvivesReopening() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    EmbeddingExample example = new EmbeddingExample(
        Managers.policy(List.of()), new PrintStream(printed, true, StandardCharsets.UTF_8));

    List<String> events = example.run(dir.resolve("state.json"));

    assertThat(events).containsExactlyInAnyOrder(
        "connected vlc:audio-playback core:audio-playback (auto)",
        "connected vlc:desktop core:desktop (auto)",
        "connected vlc:home core:home (auto)",
        "connected vlc:network core:network (auto)",
        "connected jellyfin:network core:network (auto)",
        "connected jellyfin:network-bind core:network-bind (auto)",
        "connected vlc:camera core:camera (manual)",
        "disconnected vlc:home core:home",
        "remembered vlc:home core:home (UNDESIRED)");
    assertThat(events.indexOf("connected vlc:camera core:camera (manual)"))
        .isLessThan(events.indexOf("disconnected vlc:home core:home"));
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("installed vlc: 4 automatic connections")
        .contains("installed jellyfin: 2 automatic connections")
        .contains("remembered: vlc:home core:home: disconnected by the user")
        .contains("after reopening, 6 connections:")
        .doesNotContain("  vlc:home core:home\n");
    assertThat(dir.resolve("state.json")).exists();
  }
}
