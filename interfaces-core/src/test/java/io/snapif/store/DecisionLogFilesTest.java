package io.snapif.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.SnapifException;
import io.snapif.declaration.CheckKind;
import io.snapif.manager.DecisionLayer;
import io.snapif.manager.Reason;
import io.snapif.spi.DecisionRecord;
import io.snapif.spi.DecisionRecord.Effect;
import io.snapif.spi.DecisionRecord.Mode;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/** The decision log's JSON lines, in a file and through SLF4J. */
class DecisionLogFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DecisionRecord record(String id, Mode mode, Optional<Effect> effect) {
    return new DecisionRecord(id, Instant.parse("2026-12-06T20:31:14.250Z"), "connect vlc:camera",
        mode, CheckKind.AUTO_CONNECTION, "vlc:camera core:camera", true, effect,
        "auto-connection allowed by custom rule \"site: camera\"",
        List.of(Reason.of("site: camera", DecisionLayer.CUSTOM_RULE, "trusted publisher")),
        List.of(Reason.of("auto-connection: denied by slot rule", DecisionLayer.BASE_SLOT_RULE,
            "auto-connection denied by slot rule of interface \"camera\": deny matches")),
        "sha256:abc", 7);
  }

  @Test
  void aLine_holdsEveryField() throws Exception {
    JsonNode line = JSON.readTree(DecisionLines.json(
        record("op/0", Mode.COMMITTED, Optional.of(Effect.CONNECTED))));

    assertThat(line.get("id").asText()).isEqualTo("op/0");
    assertThat(line.get("time").asText()).isEqualTo("2026-12-06T20:31:14.250Z");
    assertThat(line.get("operation").asText()).isEqualTo("connect vlc:camera");
    assertThat(line.get("mode").asText()).isEqualTo("committed");
    assertThat(line.get("kind").asText()).isEqualTo("auto-connection");
    assertThat(line.get("subject").asText()).isEqualTo("vlc:camera core:camera");
    assertThat(line.get("outcome").asText()).isEqualTo("allowed");
    assertThat(line.get("effect").asText()).isEqualTo("connected");
    assertThat(line.get("verdict").toString()).isEqualTo("{\"rule\":\"site: camera\","
        + "\"layer\":\"custom-rule\",\"message\":\"auto-connection allowed by custom rule "
        + "\\\"site: camera\\\"\"}");
    assertThat(line.get("details").toString()).isEqualTo("[{\"rule\":\"site: camera\","
        + "\"layer\":\"custom-rule\",\"detail\":\"trusted publisher\"}]");
    assertThat(line.get("overridden").get(0).get("layer").asText()).isEqualTo("base-slot-rule");
    assertThat(line.get("overridden").get(0).get("detail").asText())
        .startsWith("auto-connection denied by slot rule");
    assertThat(line.get("ruleSet").asText()).isEqualTo("sha256:abc");
    assertThat(line.get("generation").asLong()).isEqualTo(7);
    // no effect outside auto-connect; the other modes' words
    JsonNode explain = JSON.readTree(DecisionLines.json(
        record("op/1", Mode.EXPLAIN, Optional.empty())));
    assertThat(explain.has("effect")).isFalse();
    assertThat(explain.get("mode").asText()).isEqualTo("explain");
    assertThat(Mode.REFUSED.word()).isEqualTo("refused");
    assertThat(Effect.NOT_CONNECTED.word()).isEqualTo("not-connected");
  }

  @Test
  void theFile_isAppendedTo_acrossOpens_oneLinePerRecord(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("decisions.jsonl");
    try (JsonLinesDecisionLog log = JsonLinesDecisionLog.open(file)) {
      log.record(List.of(record("a/0", Mode.COMMITTED, Optional.empty()),
          record("a/1", Mode.COMMITTED, Optional.empty())));
    }
    try (JsonLinesDecisionLog log = JsonLinesDecisionLog.open(file)) {
      log.record(List.of(record("b/0", Mode.SIMULATED, Optional.empty())));
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.stream().map(l -> {
      try {
        return JSON.readTree(l).get("id").asText();
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    })).containsExactly("a/0", "a/1", "b/0");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aFileThatCannotBeOpened_isAClearError(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("no-such-dir").resolve("decisions.jsonl");
    assertThatThrownBy(() -> JsonLinesDecisionLog.open(missing))
        .isInstanceOf(SnapifException.class)
        .hasMessage("cannot open decision log " + missing + ": no such file");
    assertThatThrownBy(() -> JsonLinesDecisionLog.open(dir))
        .isInstanceOf(SnapifException.class)
        .hasMessageStartingWith("cannot open decision log " + dir + ": ");
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void slf4j_logsEachLineAtInfo_toItsLogger() throws Exception {
    List<String> logged = new ArrayList<>();
    LegacyAbstractLogger capture = new LegacyAbstractLogger() {
      @Override
      protected String getFullyQualifiedCallerName() {
        return null;
      }

      @Override
      protected void handleNormalizedLoggingCall(Level level, Marker marker, String msg,
          Object[] arguments, Throwable throwable) {
        logged.add(level + " " + msg);
      }

      @Override
      public boolean isTraceEnabled() {
        return true;
      }

      @Override
      public boolean isDebugEnabled() {
        return true;
      }

      @Override
      public boolean isInfoEnabled() {
        return true;
      }

      @Override
      public boolean isWarnEnabled() {
        return true;
      }

      @Override
      public boolean isErrorEnabled() {
        return true;
      }
    };

    new Slf4jDecisionLog(capture).record(List.of(record("c/0", Mode.REFUSED, Optional.empty())));

    assertThat(logged).hasSize(1);
    assertThat(logged.get(0)).startsWith("INFO {");
    assertThat(JSON.readTree(logged.get(0).substring(5)).get("mode").asText())
        .isEqualTo("refused");
    assertThat(Slf4jDecisionLog.LOGGER).isEqualTo("io.snapif.decisions");
  }

  @Test
  void anEntryLine_hasTheEventAndTheFate_insteadOfAnOutcome() throws Exception {
    DecisionRecord entry = new DecisionRecord("op/2", Instant.parse("2026-12-06T20:31:14.250Z"),
        "disconnect vlc:home", Mode.COMMITTED, DecisionRecord.Kind.ENTRY, "vlc:home core:home",
        true, Optional.empty(), Optional.of(new DecisionRecord.EntryFate(
            EntryEvent.Kind.DISCONNECT, EntryPlan.Fate.UNDESIRED)),
        "state entry remembered as undesired on disconnect by rule \"lifecycle: x\"",
        List.of(Reason.of("lifecycle: x", DecisionLayer.LIFECYCLE,
            "automatic connection, in effect")), List.of(), "builtin", 3);

    JsonNode line = JSON.readTree(DecisionLines.json(entry));

    assertThat(line.get("kind").asText()).isEqualTo("entry");
    assertThat(line.get("event").asText()).isEqualTo("disconnect");
    assertThat(line.get("fate").asText()).isEqualTo("undesired");
    assertThat(line.has("outcome")).isFalse();
    assertThat(line.has("effect")).isFalse();
    assertThat(line.get("verdict").get("rule").asText()).isEqualTo("lifecycle: x");
    assertThat(line.get("verdict").get("layer").asText()).isEqualTo("lifecycle");
    assertThat(line.get("details").get(0).get("detail").asText())
        .isEqualTo("automatic connection, in effect");
    assertThat(line.get("generation").asLong()).isEqualTo(3);
    // a check's line is as it was: an outcome, no event or fate
    JsonNode check = JSON.readTree(DecisionLines.json(
        record("op/0", Mode.COMMITTED, Optional.empty())));
    assertThat(check.get("outcome").asText()).isEqualTo("allowed");
    assertThat(check.has("event") || check.has("fate")).isFalse();
    // the kind and the fate go together
    assertThatThrownBy(() -> new DecisionRecord("op/3", entry.time(), "x", Mode.COMMITTED,
        DecisionRecord.Kind.ENTRY, "s", true, Optional.empty(), Optional.empty(), "m",
        List.of(), List.of(), "builtin", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static DecisionRecord entry(Optional<EntryPlan.Fate> overriddenFate,
      List<Reason> overridden) {
    return new DecisionRecord("op/0", Instant.parse("2026-12-06T20:31:14.250Z"),
        "disconnect vlc:network", Mode.COMMITTED, DecisionRecord.Kind.ENTRY,
        "vlc:network core:network", true, Optional.empty(), Optional.of(
            new DecisionRecord.EntryFate(EntryEvent.Kind.DISCONNECT, EntryPlan.Fate.DELETE,
                overriddenFate)),
        "state entry deleted on disconnect by custom rule \"site: forget\"",
        List.of(Reason.of("site: forget", DecisionLayer.CUSTOM_RULE, "comes back")), overridden,
        "sha256:abc", 4);
  }

  @Test
  void anEntryLine_namesTheBuiltinFateASiteRuleOverrode_onlyWhenThereIsOne() {
    String start = "{\"id\":\"op/0\",\"time\":\"2026-12-06T20:31:14.250Z\","
        + "\"operation\":\"disconnect vlc:network\",\"mode\":\"committed\",\"kind\":\"entry\","
        + "\"subject\":\"vlc:network core:network\",\"event\":\"disconnect\","
        + "\"fate\":\"deleted\",\"verdict\":{\"rule\":\"site: forget\",\"layer\":\"custom-rule\","
        + "\"message\":\"state entry deleted on disconnect by custom rule \\\"site: forget\\\"\"},"
        + "\"details\":[{\"rule\":\"site: forget\",\"layer\":\"custom-rule\","
        + "\"detail\":\"comes back\"}],";
    String end = ",\"ruleSet\":\"sha256:abc\",\"generation\":4}";

    String overriding = DecisionLines.json(entry(Optional.of(EntryPlan.Fate.UNDESIRED),
        List.of(Reason.of("lifecycle: remembered", DecisionLayer.LIFECYCLE,
            "state entry remembered as undesired on disconnect by rule \"lifecycle: remembered\""
                + ": automatic connection, in effect"))));
    String plain = DecisionLines.json(entry(Optional.empty(), List.of()));

    assertThat(overriding).isEqualTo(start + "\"overridden\":[{\"fate\":\"undesired\","
        + "\"rule\":\"lifecycle: remembered\",\"layer\":\"lifecycle\",\"detail\":\"state entry"
        + " remembered as undesired on disconnect by rule \\\"lifecycle: remembered\\\": automatic"
        + " connection, in effect\"}]" + end);
    // without one the line is as it always was
    assertThat(plain).isEqualTo(start + "\"overridden\":[]" + end);
    // the overridden fate and its verdict go together
    assertThatThrownBy(() -> entry(Optional.of(EntryPlan.Fate.UNDESIRED), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> entry(Optional.empty(), List.of(Reason.of("lifecycle: remembered",
        DecisionLayer.LIFECYCLE, "x")))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNewFile_isCreatedWithTheFirstRecord_notWhenOpened(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("decisions.jsonl");
    try (JsonLinesDecisionLog log = JsonLinesDecisionLog.open(file)) {
      log.record(List.of());
    }
    assertThat(file).doesNotExist();

    try (JsonLinesDecisionLog log = JsonLinesDecisionLog.open(file)) {
      assertThat(file).doesNotExist();
      log.record(List.of(record("a/0", Mode.COMMITTED, Optional.empty())));
      assertThat(file).exists();
      log.record(List.of(record("b/0", Mode.COMMITTED, Optional.empty())));
    }

    assertThat(Files.readAllLines(file)).hasSize(2);
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aLogWhoseDirectoryGoesAway_failsToWriteWithAClearError(@TempDir Path dir)
      throws Exception {
    Path sub = Files.createDirectory(dir.resolve("logs"));
    Path file = sub.resolve("decisions.jsonl");
    try (JsonLinesDecisionLog log = JsonLinesDecisionLog.open(file)) {
      Files.delete(sub);
      assertThatThrownBy(() -> log.record(List.of(record("a/0", Mode.COMMITTED,
          Optional.empty()))))
          .isInstanceOf(SnapifException.class)
          .hasMessage("cannot open decision log " + file + ": no such file");
    }
    assertThat(sub).doesNotExist();
  }
}
