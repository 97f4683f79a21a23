package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's logging, in a process of its own (slf4j-simple takes its level once per process):
 * stderr only, WARN unless {@code --log-level} says otherwise, and a custom rule's log lines
 * never in {@code --json} output.
 */
class SnapifCliLoggingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE =
      "src/main/resources/io/snapif/examples/rules/log-camera-checks.drl";
  private static final String RULE_LINE = "INFO site.rules - camera connection checked: "
      + "vlc:camera core:camera (plug publisher videolan)";

  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private Run snapif(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        Optional.ofNullable(System.getProperty("surefire.test.class.path"))
            .orElse(System.getProperty("java.class.path")),
        SnapifCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SNAPIF_STATE", dir.resolve("state.json").toString());
    pb.redirectOutput(dir.resolve("out").toFile());
    pb.redirectError(dir.resolve("err").toFile());
    int status = pb.start().waitFor();
    return new Run(status, Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void aRuleLoggingAtInfo_showsOnStderrFromInfoOn_andJsonStdoutStaysParseable()
      throws Exception {
    Run quiet = snapif("connect", "vlc:camera", "--dry-run", "--json", "--rules", RULE);
    Run info = snapif("--log-level", "info", "connect", "vlc:camera", "--dry-run", "--json",
        "--rules", RULE);

    assertThat(quiet.status()).as(quiet.err()).isZero();
    assertThat(quiet.err()).isEmpty(); // WARN by default
    assertThat(info.status()).as(info.err()).isZero();
    assertThat(info.err()).isEqualTo(RULE_LINE + "\n");
    assertThat(JSON.readTree(info.out()).get("operation").asText())
        .isEqualTo("connect vlc:camera");
    assertThat(info.out()).isEqualTo(quiet.out());
  }

  @Test
  void debug_showsDebugLinesOnStderrOnly() throws Exception {
    Run debug = snapif("connections", "vlc", "--json", "--log-level=debug");

    assertThat(debug.status()).as(debug.err()).isZero();
    assertThat(debug.err()).contains(
        "DEBUG io.snapif.examples.cli.SystemSession - opened a throw-away copy of the state");
    assertThat(JSON.readTree(debug.out()).isContainerNode()).isTrue();
    assertThat(debug.out()).doesNotContain("DEBUG");
  }

  @Test
  void anUnknownLevel_isAUsageError() throws Exception {
    Run bad = snapif("connections", "--log-level", "loud");

    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: Invalid value for option '--log-level': \"loud\" "
        + "is not a log level; expected one of error, warn, info, debug, trace\n");
  }
}
