package io.snapif.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.declaration.DeclarationException;
import io.snapif.declaration.DeclarationParser;
import io.snapif.model.Snap;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents fail fast with the readers' typed errors; real ones are untouched. */
class InputLimitsTest {
  private static final InterfaceCatalog CATALOG = InterfaceCatalog.builtin();
  private static final String SNAP_HEAD = "name: lol\nversion: '1'\n";

  @TempDir Path dir;

  /** The classic "billion laughs": 9 levels of 9 aliases each, 9^9 strings once expanded. */
  private static String billionLaughs(String key) {
    StringBuilder s = new StringBuilder(key).append(":\n");
    s.append("  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      s.append("  l").append(i).append(": &l").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (i - 1))))
          .append("]\n");
    }
    return s.toString();
  }

  /** Few aliases (2 per level, 48 in all) that still expand to 2^24 lists. */
  private static String doublingAliases(String key) {
    StringBuilder s = new StringBuilder(key).append(":\n  d0: &d0 [lol]\n");
    for (int i = 1; i <= 24; i++) {
      s.append("  d").append(i).append(": &d").append(i)
          .append(" [*d").append(i - 1).append(", *d").append(i - 1).append("]\n");
    }
    return s.toString();
  }

  /** A value of {@code depth} lists inside each other, in flow style. */
  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static SnapYamlException snapYamlFailure(String text) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(SnapYamlException.class,
        () -> SnapYaml.read(text, "lol/meta/snap.yaml", CATALOG));
  }

  @Test
  void billionLaughsSnapYaml_isRefusedAsTooManyAliases() {
    SnapYamlException e = snapYamlFailure(SNAP_HEAD + billionLaughs("laughs"));
    assertThat(e).isNotNull();
    assertThat(e.source()).isEqualTo("lol/meta/snap.yaml");
    assertThat(e.problem()).isEqualTo("too many aliases: more than "
        + InputLimits.MAX_COLLECTION_ALIASES + " aliases of maps or lists");
  }

  @Test
  void fewAliasesExpandingToMillionsOfNodes_areRefusedByTheNodeBudget() {
    SnapYamlException e = snapYamlFailure(SNAP_HEAD + doublingAliases("laughs"));
    assertThat(e).isNotNull();
    assertThat(e.problem()).isEqualTo("too many aliases: the document expands to more than "
        + InputLimits.MAX_EXPANDED_NODES + " nodes (excessive aliasing)");
    assertThat(e.line()).isPresent();
  }

  @Test
  void billionLaughsGadgetYaml_isRefusedAsTooManyAliases() {
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> GadgetYaml.readConnections(billionLaughs("defaults"), "gadget.yaml"))
        .satisfies(e -> assertThat(e.source()).isEqualTo("gadget.yaml"))
        .satisfies(e -> assertThat(e.problem()).startsWith("too many aliases: "));
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> GadgetYaml.readConnections(doublingAliases("volumes"), "gadget.yaml"))
        .satisfies(e -> assertThat(e.problem()).startsWith("too many aliases: "));
  }

  /** Jackson, which reads declarations, does not expand aliases: any alias is refused. */
  @Test
  void billionLaughsDeclaration_isRefusedAtTheFirstAlias() {
    String text = "type: snap-declaration\nplugs:\n  home:\n    allow-connection: true\n"
        + billionLaughs("laughs");
    assertThatExceptionOfType(DeclarationException.class)
        .isThrownBy(() -> DeclarationParser.parseYaml(text, "lol.declaration"))
        .satisfies(e -> assertThat(e.source()).isEqualTo("lol.declaration"))
        .satisfies(e -> assertThat(e.line()).hasValue(7))
        .satisfies(e -> assertThat(e.detail()).isEqualTo("YAML aliases are not supported (*l0)"));
  }

  @Test
  void deepNesting_isRefusedInEveryReader() {
    String tooDeep = "too deeply nested: more than " + InputLimits.MAX_NESTING_DEPTH + " levels";
    SnapYamlException snap = snapYamlFailure(SNAP_HEAD + "x: " + nested(100) + "\n");
    assertThat(snap).isNotNull();
    assertThat(snap.problem()).isEqualTo(tooDeep);
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> GadgetYaml.readConnections("x: " + nested(100_000), "gadget.yaml"))
        .satisfies(e -> assertThat(e.problem()).isEqualTo(tooDeep));
    assertThatExceptionOfType(DeclarationException.class)
        .isThrownBy(() -> DeclarationParser.parseYaml("x: " + nested(100_000), "d.yaml"))
        .satisfies(e -> assertThat(e.detail()).isEqualTo(tooDeep));
  }

  @Test
  void nestingWithinTheLimit_reads() {
    int depth = InputLimits.MAX_NESTING_DEPTH - 2; // the root map and plugs' map count too
    Snap snap = SnapYaml.read(SNAP_HEAD + "x: " + nested(depth) + "\n", "s", CATALOG);
    assertThat(snap.name()).isEqualTo("lol");
  }

  @Test
  void tooLargeText_isRefusedBeforeParsing_withItsUtf8Size() {
    int limit = (int) InputLimits.MAX_METADATA_BYTES;
    // 'é' is 2 bytes in UTF-8: the limit is on bytes, not characters. The rest is not YAML at
    // all, so only the size check can explain the error.
    String text = "é".repeat(limit / 2) + ": [unclosed";
    long bytes = text.getBytes(StandardCharsets.UTF_8).length;
    SnapYamlException e = snapYamlFailure(text);
    assertThat(e).isNotNull();
    assertThat(e.problem())
        .isEqualTo("document too large: " + bytes + " bytes, limit " + limit + " bytes");
    assertThatExceptionOfType(GadgetYamlException.class)
        .isThrownBy(() -> GadgetYaml.readConnections(text, "gadget.yaml"))
        .satisfies(g -> assertThat(g.problem()).startsWith("document too large: "));
    assertThatExceptionOfType(DeclarationException.class)
        .isThrownBy(() -> DeclarationParser.parseYaml(text, "d.yaml"))
        .satisfies(d -> assertThat(d.detail()).startsWith("document too large: "));
  }

  @Test
  void textOfExactlyTheLimit_reads() {
    int limit = (int) InputLimits.MAX_METADATA_BYTES;
    String line = "# " + "x".repeat(61) + "\n"; // 64 bytes; one long line parses slowly
    String body = SNAP_HEAD + line.repeat((limit - SNAP_HEAD.length()) / line.length());
    String text = body + "#" + "x".repeat(limit - body.length() - 2) + "\n";
    assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(limit);
    assertThat(SnapYaml.read(text, "s", CATALOG).name()).isEqualTo("lol");
  }

  /**
   * A 50 MB snap.yaml on disk is refused by its size before it is read: the refusal allocates a
   * small fraction of the file's size.
   */
  @Test
  void fiftyMegabyteFile_isRefusedWithoutReadingIt() throws IOException {
    Path file = dir.resolve("snap.yaml");
    byte[] line = "      - a-plug-name-of-some-length\n".getBytes(StandardCharsets.UTF_8);
    byte[] chunk = new byte[line.length * 2048];
    for (int i = 0; i < 2048; i++) {
      System.arraycopy(line, 0, chunk, i * line.length, line.length);
    }
    long size;
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write((SNAP_HEAD + "apps:\n  a:\n    plugs:\n").getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < 50L << 20; written += chunk.length) {
        out.write(chunk);
      }
    }
    size = Files.size(file);

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    DocumentTooLargeException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        DocumentTooLargeException.class,
        () -> InputLimits.readText(file, InputLimits.MAX_METADATA_BYTES));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(e).isNotNull();
    assertThat(e.size()).isEqualTo(size);
    assertThat(e.limit()).isEqualTo(InputLimits.MAX_METADATA_BYTES);
    assertThat(e.source()).isEqualTo(file.toString());
    assertThat(e.getMessage()).isEqualTo(file + ": document too large: " + size
        + " bytes, limit " + InputLimits.MAX_METADATA_BYTES + " bytes");
    assertThat(allocated).as("bytes allocated while refusing").isLessThan(1L << 20);
  }

  @Test
  void readText_readsAFileWithinTheLimit_strictlyAsUtf8() throws IOException {
    Path file = dir.resolve("snap.yaml");
    Files.writeString(file, SNAP_HEAD + "summary: café\n");
    assertThat(InputLimits.readText(file, InputLimits.MAX_METADATA_BYTES))
        .isEqualTo(SNAP_HEAD + "summary: café\n");
    assertThatExceptionOfType(DocumentTooLargeException.class)
        .isThrownBy(() -> InputLimits.readText(file, 10))
        .satisfies(e -> assertThat(e.size()).isEqualTo(Files.size(file)));
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
    assertThatExceptionOfType(MalformedInputException.class)
        .isThrownBy(() -> InputLimits.readText(file, InputLimits.MAX_METADATA_BYTES));
  }

  @Test
  void jsonFactory_boundsNestingAndLength() {
    ObjectMapper json = JsonMapper.builder(InputLimits.jsonFactory(1000)).build();
    JsonProcessingException deep = org.assertj.core.api.Assertions.catchThrowableOfType(
        JsonProcessingException.class, () -> json.readTree(nested(100)));
    assertThat(InputLimits.problem(deep)).hasValue(
        "too deeply nested: more than " + InputLimits.MAX_NESTING_DEPTH + " levels");
    JsonProcessingException large = org.assertj.core.api.Assertions.catchThrowableOfType(
        JsonProcessingException.class,
        () -> json.readTree(new java.io.StringReader("[" + "1,".repeat(5000) + "1]")));
    assertThat(InputLimits.problem(large).orElseThrow())
        .matches("document too large: \\d+ bytes, limit 1000 bytes");
    assertThat(InputLimits.problem(new IOException("disk on fire"))).isEmpty();
  }

  @Test
  void refusingAliases_leavesJsonAndAliasFreeYamlAlone() throws IOException {
    ObjectMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper(
        InputLimits.yamlFactory(InputLimits.MAX_METADATA_BYTES));
    try (JsonParser p = InputLimits.refusingAliases(yaml.createParser("a: &x [1]\nb: 2\n"))) {
      assertThat(yaml.readTree(p).toString()).isEqualTo("{\"a\":[1],\"b\":2}");
    }
    try (JsonParser p = InputLimits.refusingAliases(yaml.createParser("a: &x [1]\nb: *x\n"))) {
      assertThatExceptionOfType(JsonProcessingException.class)
          .isThrownBy(() -> yaml.readTree(p))
          .withMessageStartingWith("YAML aliases are not supported (*x)");
    }
  }
}
