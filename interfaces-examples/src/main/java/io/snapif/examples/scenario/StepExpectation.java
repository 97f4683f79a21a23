package io.snapif.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.snapif.manager.Decision;
import io.snapif.manager.ErrorKind;
import io.snapif.manager.Reason;
import io.snapif.model.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule test expects of one step: the {@code expect} map of an op in a rule test file
 * (see docs/custom-rules.md, "Testing rules"). Every key is optional and only what is given is
 * compared. Immutable.
 *
 * @param ok {@code ok}: whether the op succeeds
 * @param error {@code error}: the failed op's error kind
 * @param message {@code message}: text the failed op's message contains
 * @param connections {@code connections}: entries that must be in the state after the op, each
 *     with the flags ({@code interface}, {@code auto}, {@code by-gadget}, {@code undesired}) it
 *     gives
 * @param absent {@code absent}: connection ids that must not be in the state after the op
 * @param warnings {@code warnings}: texts that some warning of the op contains, each
 * @param allowedBy {@code allowed-by}: rules each of which allowed some decision of the op
 * @param deniedBy {@code denied-by}: rules each of which denied some decision of the op
 */
public record StepExpectation(
    Optional<Boolean> ok, Optional<ErrorKind> error, Optional<String> message,
    ImmutableMap<String, ImmutableMap<String, JsonNode>> connections, ImmutableList<String> absent,
    ImmutableList<String> warnings, ImmutableList<String> allowedBy,
    ImmutableList<String> deniedBy) {

  static final ImmutableSet<String> KEYS = ImmutableSet.of("ok", "error", "message",
      "connections", "absent", "warnings", "allowed-by", "denied-by");
  private static final ImmutableSet<String> FLAGS =
      ImmutableSet.of("interface", "auto", "by-gadget", "undesired");
  /**
   * Reads the {@code expect} map at {@code path} of {@code source}.
   *
   * @throws ScenarioException for an unknown key, a value of the wrong type or an unknown error
   *     kind
   */
  static StepExpectation read(JsonNode node, String source, String path) {
    if (!node.isObject()) {
      throw new ScenarioException(source, path, "expected a map");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new ScenarioException(source, path + "." + key, "unknown key; expected one of "
            + String.join(", ", KEYS));
      }
    }
    Optional<Boolean> ok = ScenarioReader.bool(node, "ok", source, path);
    Optional<ErrorKind> error = ScenarioReader.string(node, "error", source, path).map(word ->
        Arrays.stream(ErrorKind.values()).filter(k -> k.word().equals(word)).findFirst()
            .orElseThrow(() -> new ScenarioException(source, path + ".error",
                "unknown error kind \"" + word + "\"; expected one of " + String.join(", ",
                    Arrays.stream(ErrorKind.values()).map(ErrorKind::word).toList()))));
    if ((error.isPresent() || node.has("message")) && ok.orElse(false)) {
      throw new ScenarioException(source, path, "ok: true contradicts error and message");
    }
    ImmutableMap.Builder<String, ImmutableMap<String, JsonNode>> connections =
        ImmutableMap.builder();
    JsonNode c = node.get("connections");
    if (c != null) {
      if (!c.isObject()) {
        throw new ScenarioException(source, path + ".connections",
            "expected a map of connection ids");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String at = path + ".connections." + e.getKey();
        JsonNode flags = e.getValue();
        if (flags.isNull()) {
          connections.put(e.getKey(), ImmutableMap.of());
          continue;
        }
        if (!flags.isObject()) {
          throw new ScenarioException(source, at, "expected a map of flags");
        }
        ImmutableMap.Builder<String, JsonNode> wanted = ImmutableMap.builder();
        for (Iterator<Map.Entry<String, JsonNode>> f = flags.fields(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> flag = f.next();
          if (!FLAGS.contains(flag.getKey())) {
            throw new ScenarioException(source, at + "." + flag.getKey(),
                "unknown key; expected one of " + String.join(", ", FLAGS));
          }
          boolean isInterface = flag.getKey().equals("interface");
          if (isInterface ? !flag.getValue().isTextual() : !flag.getValue().isBoolean()) {
            throw new ScenarioException(source, at + "." + flag.getKey(),
                isInterface ? "expected a string" : "expected true or false");
          }
          wanted.put(flag.getKey(), flag.getValue());
        }
        connections.put(e.getKey(), wanted.build());
      }
    }
    return new StepExpectation(ok, error, ScenarioReader.string(node, "message", source, path),
        connections.build(), texts(node, "absent", source, path),
        texts(node, "warnings", source, path), texts(node, "allowed-by", source, path),
        texts(node, "denied-by", source, path));
  }

  /** A string or a list of strings. */
  private static ImmutableList<String> texts(
      JsonNode node, String key, String source, String path) {
    JsonNode v = node.get(key);
    if (v == null) {
      return ImmutableList.of();
    }
    if (v.isTextual()) {
      return ImmutableList.of(v.textValue());
    }
    if (!v.isArray()) {
      throw new ScenarioException(source, path + "." + key, "expected a string or a list");
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw new ScenarioException(source, path + "." + key + "[" + i + "]",
            "expected a string");
      }
      out.add(v.get(i).textValue());
    }
    return out.build();
  }

  /** What of this expectation {@code step} does not meet, one sentence each; empty: passed. */
  public List<String> failures(StepResult step) {
    List<String> out = new ArrayList<>();
    String got = step.ok() ? "it succeeded"
        : "it failed with " + step.errorKind().get().word() + ": " + step.message();
    boolean wantOk = ok.orElse(error.isEmpty() && message.isEmpty());
    if ((ok.isPresent() || error.isPresent() || message.isPresent()) && step.ok() != wantOk) {
      out.add("expected " + (wantOk ? "success" : "failure") + ", but " + got);
    } else if (!step.ok()) {
      error.filter(k -> k != step.errorKind().get()).ifPresent(k ->
          out.add("expected error " + k.word() + ", but " + got));
      message.filter(m -> !step.message().contains(m)).ifPresent(m ->
          out.add("expected the message to contain \"" + m + "\", but " + got));
    }
    Map<String, Connection> state = step.connections();
    connections.forEach((id, flags) -> {
      Connection c = state.get(id);
      if (c == null) {
        out.add("expected connection " + id + ", but it is not in the state");
        return;
      }
      flags.forEach((flag, value) -> {
        String actual = switch (flag) {
          case "interface" -> c.iface();
          case "auto" -> String.valueOf(c.auto());
          case "by-gadget" -> String.valueOf(c.byGadget());
          default -> String.valueOf(c.undesired());
        };
        if (!actual.equals(value.asText())) {
          out.add("expected connection " + id + " with " + flag + " " + value.asText()
              + ", but it has " + actual);
        }
      });
    });
    absent.stream().filter(state::containsKey).forEach(id ->
        out.add("expected no connection " + id + ", but it is in the state"));
    for (String w : warnings) {
      if (step.warnings().stream().noneMatch(s -> s.contains(w))) {
        out.add("expected a warning containing \"" + w + "\", but the warnings are "
            + (step.warnings().isEmpty() ? "none" : step.warnings()));
      }
    }
    allowedBy.forEach(rule -> decidedBy(step, rule, true, out));
    deniedBy.forEach(rule -> decidedBy(step, rule, false, out));
    return out;
  }

  private static void decidedBy(StepResult step, String rule, boolean allowed, List<String> out) {
    boolean found = step.decisions().stream().anyMatch(d -> d.allowed() == allowed
        && d.reasons().stream().anyMatch(r -> counts(r) && r.rule().equals(rule)));
    if (!found) {
      List<String> deciding = new ArrayList<>();
      for (Decision d : step.decisions()) {
        d.reasons().stream().filter(StepExpectation::counts).findFirst().ifPresent(r ->
            deciding.add(d.subject() + " " + (d.allowed() ? "allowed" : "denied") + " by \""
                + r.rule() + "\""));
      }
      out.add("expected a decision " + (allowed ? "allowed" : "denied") + " by rule \"" + rule
          + "\", but " + (deciding.isEmpty() ? "the op took no decision"
              : "the decisions were: " + String.join("; ", deciding.stream().distinct()
                  .limit(5).toList()) + (deciding.size() > 5 ? "; ..." : "")));
    }
  }

  /** A reason that counts for its decision (not a verdict another one overrode). */
  private static boolean counts(Reason r) {
    return !r.overridden();
  }
}
