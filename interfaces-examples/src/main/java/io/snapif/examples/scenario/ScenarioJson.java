package io.snapif.examples.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.model.Connection;
import java.io.UncheckedIOException;

/**
 * Writes a {@link ScenarioResult} as the scenario format's output: <code>{"name", "steps": [{"op",
 * "ok", "error": {"kind", "message"}, "connections": {id: {"interface", "auto", "by-gadget",
 * "undesired"}}}]}</code>, where {@code error} appears only for a failed step and each flag only
 * when true. Stateless and thread-safe.
 */
public final class ScenarioJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScenarioJson() {}

  /** The result as a JSON tree. */
  public static ObjectNode toTree(ScenarioResult result) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", result.name());
    var steps = root.putArray("steps");
    for (StepResult step : result.steps()) {
      ObjectNode s = steps.addObject();
      s.put("op", step.op());
      s.put("ok", step.ok());
      step.errorKind().ifPresent(kind -> {
        ObjectNode error = s.putObject("error");
        error.put("kind", kind.word());
        error.put("message", step.message());
      });
      ObjectNode conns = s.putObject("connections");
      step.connections().forEach((id, c) -> conns.set(id, connection(c)));
    }
    return root;
  }

  /** One state entry: its interface and the flags that are set. */
  public static ObjectNode connection(Connection c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("interface", c.iface());
    if (c.auto()) {
      n.put("auto", true);
    }
    if (c.byGadget()) {
      n.put("by-gadget", true);
    }
    if (c.undesired()) {
      n.put("undesired", true);
    }
    return n;
  }

  /** The result as indented JSON text (no trailing newline). */
  public static String write(ScenarioResult result) {
    try {
      return MAPPER.writeValueAsString(toTree(result));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
