package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.yaml.InputLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents given to the CLI (billion laughs, huge files, aliases in declarations and
 * scenarios) are refused with a typed error naming the file, and the state stays as it was.
 */
class BoundedInputCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HELLO = """
      name: hello-world
      version: 6.4
      apps:
        hello-world:
          command: bin/echo
          plugs: [home, network, camera]
      """;

  @TempDir Path home;

  /** The classic "billion laughs" under {@code key}, indented by {@code indent}. */
  private static String billionLaughs(String key, String indent) {
    StringBuilder s = new StringBuilder(indent).append(key).append(":\n");
    s.append(indent).append("  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      s.append(indent).append("  l").append(i).append(": &l").append(i).append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
    }
    return s.toString();
  }

  @BeforeEach
  void installHello() throws IOException {
    Path dir = Files.createDirectories(home.resolve("hello/meta"));
    Files.writeString(dir.resolve("snap.yaml"), HELLO);
    CliRun install = CliRun.run(home, "install", home.resolve("hello").toString());
    assertThat(install.status()).as(install.err()).isZero();
  }

  /** Every file under the data directory with its bytes, to show nothing was written. */
  private Map<String, String> dataFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(home.resolve("data"))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(home.relativize(p).toString(),
            new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  private String connections() {
    CliRun r = CliRun.run(home, "connections", "--all");
    assertThat(r.status()).as(r.err()).isZero();
    return r.out();
  }

  private Path snapDir(String name, String snapYaml) throws IOException {
    Path meta = Files.createDirectories(home.resolve(name).resolve("meta"));
    Files.writeString(meta.resolve("snap.yaml"), snapYaml);
    return home.resolve(name);
  }

  @Test
  void installOfABillionLaughsSnapYaml_isRefusedAndChangesNothing() throws IOException {
    Path dir = snapDir("lol", "name: lol\nversion: '1'\n" + billionLaughs("laughs", ""));
    Map<String, String> before = dataFiles();
    String connections = connections();

    CliRun r = CliRun.run(home, "install", dir.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + dir.resolve("meta/snap.yaml")
        + ": too many aliases: more than " + InputLimits.MAX_COLLECTION_ALIASES
        + " aliases of maps or lists\n");
    assertThat(dataFiles()).isEqualTo(before);
    assertThat(connections()).isEqualTo(connections);
    assertThat(CliRun.run(home, "connections", "lol").status()).isEqualTo(1);
  }

  /** Refused by the file's size, before reading it; no 50 MB string is ever made. */
  @Test
  void installOfAFiftyMegabyteSnapYaml_isRefusedAndChangesNothing() throws IOException {
    Path dir = snapDir("big", "name: big\nversion: '1'\napps:\n  a:\n    plugs:\n");
    byte[] chunk = "      - home\n".repeat(8192).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(dir.resolve("meta/snap.yaml"),
        java.nio.file.StandardOpenOption.APPEND)) {
      for (long written = 0; written < 50L << 20; written += chunk.length) {
        out.write(chunk);
      }
    }
    long size = Files.size(dir.resolve("meta/snap.yaml"));
    Map<String, String> before = dataFiles();

    CliRun r = CliRun.run(home, "install", dir.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + dir.resolve("meta/snap.yaml")
        + ": document too large: " + size + " bytes, limit " + InputLimits.MAX_METADATA_BYTES
        + " bytes\n");
    assertThat(dataFiles()).isEqualTo(before);
  }

  @Test
  void installWithADeclarationUsingAliases_isRefusedAndChangesNothing() throws IOException {
    Path dir = snapDir("lol", "name: lol\nversion: '1'\nplugs: {camera: null}\n");
    Path declaration = dir.resolve("meta/snap-declaration.yaml");
    Files.writeString(declaration, "snap-name: lol\nplugs:\n  camera:\n"
        + "    allow-auto-connection: true\n" + billionLaughs("laughs", ""));
    Map<String, String> before = dataFiles();

    CliRun r = CliRun.run(home, "install", dir.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo(
        "error: " + declaration + ": YAML aliases are not supported (*l0)\n");
    assertThat(dataFiles()).isEqualTo(before);
  }

  @Test
  void validateOfADeeplyNestedGadgetYaml_reportsIt() throws IOException {
    Path gadget = home.resolve("gadget.yaml");
    Files.writeString(gadget, "volumes: " + "[".repeat(200) + "]".repeat(200) + "\n");

    CliRun r = CliRun.run(home, "validate", "--json", gadget.toString());

    assertThat(r.status()).isEqualTo(1);
    JsonNode file = JSON.readTree(r.out()).get("files").get(0);
    assertThat(file.get("ok").asBoolean()).isFalse();
    assertThat(file.get("errors").get(0).asText()).isEqualTo(gadget
        + ": too deeply nested: more than " + InputLimits.MAX_NESTING_DEPTH + " levels");
  }

  /** A scenario step installing a billion-laughs snap fails; the system stays as it was. */
  @Test
  void scenarioInstallOfABillionLaughsSnap_failsThatStepOnly() throws IOException {
    Path scenario = home.resolve("s.json");
    Map<String, Object> doc = Map.of(
        "snaps", Map.of(
            "hello", Map.of("yaml", HELLO),
            "lol", Map.of("yaml", "name: lol\nversion: '1'\n" + billionLaughs("laughs", ""))),
        "ops", List.of(Map.of("op", "install", "snap", "hello"),
            Map.of("op", "install", "snap", "lol")));
    Files.writeString(scenario, JSON.writeValueAsString(doc));

    CliRun r = CliRun.run(home, "scenario", "run", "--json", scenario.toString());

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode steps = JSON.readTree(r.out()).get("steps");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(1).get("error").toString()).contains("too many aliases: more than "
        + InputLimits.MAX_COLLECTION_ALIASES + " aliases of maps or lists");
    assertThat(steps.get(1).get("connections")).isEqualTo(steps.get(0).get("connections"));
  }

  @Test
  void scenarioFiles_areBounded() throws IOException {
    Path aliases = home.resolve("aliases.yaml");
    Files.writeString(aliases, "snaps:\n  a: &a {yaml: 'name: a'}\n  b: *a\nops: []\n");
    CliRun refused = CliRun.run(home, "scenario", "run", aliases.toString());
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).startsWith(
        "error: " + aliases + ": YAML aliases are not supported (*a)");

    Path deep = home.resolve("deep.json");
    Files.writeString(deep, "{\"ops\": []," + "\"x\": {".repeat(100) + "}".repeat(101));
    CliRun nested = CliRun.run(home, "scenario", "run", deep.toString());
    assertThat(nested.err()).startsWith("error: " + deep + ": too deeply nested: more than "
        + InputLimits.MAX_NESTING_DEPTH + " levels");

    // A sparse file: its size alone refuses it, no 64 MiB is written or read.
    Path huge = home.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(InputLimits.MAX_SCENARIO_BYTES + 1);
    }
    CliRun large = CliRun.run(home, "scenario", "run", huge.toString());
    assertThat(large.status()).isEqualTo(1);
    assertThat(large.err()).isEqualTo("error: " + huge + ": document too large: "
        + (InputLimits.MAX_SCENARIO_BYTES + 1) + " bytes, limit "
        + InputLimits.MAX_SCENARIO_BYTES + " bytes\n");
  }
}
