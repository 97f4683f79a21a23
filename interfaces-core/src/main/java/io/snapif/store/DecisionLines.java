package io.snapif.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.manager.Reason;
import io.snapif.spi.DecisionRecord;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DecisionRecord} as one line of JSON, the format of the decision logs (documented with
 * its fields in {@code docs/custom-rules.md}, "The decision log").
 */
final class DecisionLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DecisionLines() {}

  /** The record as one line of JSON, without the line end. */
  static String json(DecisionRecord r) {
    ObjectNode line = MAPPER.createObjectNode()
        .put("id", r.id())
        .put("time", r.time().toString())
        .put("operation", r.operation())
        .put("mode", r.mode().word())
        .put("kind", r.kind().word())
        .put("subject", r.subject());
    // an entry's line has its event and fate instead of a check's outcome
    r.entry().ifPresentOrElse(
        e -> line.put("event", e.eventWord()).put("fate", e.fateWord()),
        () -> line.put("outcome", r.allowed() ? "allowed" : "denied"));
    r.effect().ifPresent(e -> line.put("effect", e.word()));
    ObjectNode verdict = line.putObject("verdict");
    r.verdict().ifPresent(v -> verdict.put("rule", v.rule()).put("layer", v.layer().word()));
    verdict.put("message", r.message());
    reasons(line.putArray("details"), r.reasons(), Optional.empty());
    // an entry's overridden verdict is the built-in fate a site rule overrode: it names the fate
    reasons(line.putArray("overridden"), r.overridden(),
        r.entry().flatMap(DecisionRecord.EntryFate::overriddenWord));
    line.put("ruleSet", r.ruleSet()).put("generation", r.generation());
    try {
      return MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot fail to be written", e);
    }
  }

  private static void reasons(ArrayNode out, List<Reason> reasons, Optional<String> fate) {
    for (Reason r : reasons) {
      ObjectNode reason = out.addObject();
      fate.ifPresent(f -> reason.put("fate", f));
      reason.put("rule", r.rule()).put("layer", r.layer().word()).put("detail", r.detail());
    }
  }
}
