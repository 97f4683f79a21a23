package io.snapif.examples.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.model.Connection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

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
    StringWriter out = new StringWriter();
    write(result, out);
    return out.toString();
  }

  /**
   * Writes the result as indented JSON text (no trailing newline) to {@code out}, the same text
   * as {@link #write(ScenarioResult)}, without building it in memory first.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public static void write(ScenarioResult result, Writer out) {
    try (StepStream steps = open(out, result.name())) {
      result.steps().forEach(steps::step);
    }
  }

  /**
   * Starts writing a result to {@code out} step by step, as the steps complete: a large system's
   * result holds the whole state after every step, gigabytes as text, which need not all be in
   * memory at once. Closing the stream ends the JSON text (no trailing newline); {@code out}
   * stays open.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public static StepStream open(Writer out, String name) {
    try {
      JsonGenerator g = MAPPER.writer().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("name", name);
      g.writeArrayFieldStart("steps");
      return new StepStream(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A result being written; not thread-safe. */
  public static final class StepStream implements AutoCloseable {
    private final JsonGenerator g;

    private StepStream(JsonGenerator g) {
      this.g = g;
    }

    /**
     * Writes the next step.
     *
     * @throws UncheckedIOException if the output fails
     */
    public void step(StepResult step) {
      try {
        g.writeStartObject();
        g.writeStringField("op", step.op());
        g.writeBooleanField("ok", step.ok());
        if (step.errorKind().isPresent()) {
          g.writeObjectFieldStart("error");
          g.writeStringField("kind", step.errorKind().get().word());
          g.writeStringField("message", step.message());
          g.writeEndObject();
        }
        g.writeObjectFieldStart("connections");
        for (Map.Entry<String, Connection> e : step.connections().entrySet()) {
          Connection c = e.getValue();
          g.writeObjectFieldStart(e.getKey());
          g.writeStringField("interface", c.iface());
          if (c.auto()) {
            g.writeBooleanField("auto", true);
          }
          if (c.byGadget()) {
            g.writeBooleanField("by-gadget", true);
          }
          if (c.undesired()) {
            g.writeBooleanField("undesired", true);
          }
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Ends the JSON text and flushes it. */
    @Override
    public void close() {
      try {
        g.writeEndArray();
        g.writeEndObject();
        g.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
