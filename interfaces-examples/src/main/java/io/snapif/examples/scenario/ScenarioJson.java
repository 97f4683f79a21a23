package io.snapif.examples.scenario;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.model.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes a {@link ScenarioResult} as the scenario format's output: <code>{"name", "steps": [{"op",
 * "ok", "error": {"kind", "message"}, "connections": {id: {"interface", "auto", "by-gadget",
 * "undesired"}}}]}</code>, where {@code error} appears only for a failed step and each flag only
 * when true. The text is UTF-8 and indented exactly as Jackson's default pretty printer does
 * (two spaces per level, {@code " : "} after names, arrays on one line). Stateless and
 * thread-safe.
 */
public final class ScenarioJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(result, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the result as indented JSON text in UTF-8 (no trailing newline) to {@code out}, the
   * same text as {@link #write(ScenarioResult)}, without building it in memory first.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public static void write(ScenarioResult result, OutputStream out) {
    try (StepStream steps = open(out, result.name())) {
      result.steps().forEach(steps::step);
    }
  }

  /**
   * Starts writing a result in UTF-8 to {@code out} step by step, as the steps complete: a large
   * system's result holds the whole state after every step, gigabytes as text, which need not
   * all be in memory at once. Closing the stream ends the JSON text (no trailing newline) and
   * flushes {@code out}, which stays open.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public static StepStream open(OutputStream out, String name) {
    return new StepStream(out, name);
  }

  /**
   * A result being written; not thread-safe.
   *
   * <p>The state after a step mostly repeats the one before, so each entry's text is made once
   * per {@link Connection} (the manager keeps an entry's instance until the entry changes) and
   * copied from then on.
   */
  public static final class StepStream implements AutoCloseable {
    private static final byte[] STEP_FIRST = ascii(" {\n    \"op\" : ");
    private static final byte[] STEP_NEXT = ascii(", {\n    \"op\" : ");
    private static final byte[] OK_TRUE = ascii(",\n    \"ok\" : true");
    private static final byte[] OK_FALSE = ascii(",\n    \"ok\" : false");
    private static final byte[] ERROR_KIND = ascii(",\n    \"error\" : {\n      \"kind\" : ");
    private static final byte[] ERROR_MESSAGE = ascii(",\n      \"message\" : ");
    private static final byte[] ERROR_END = ascii("\n    }");
    private static final byte[] CONNECTIONS = ascii(",\n    \"connections\" : {");
    private static final byte[] ENTRY_FIRST = ascii("\n      ");
    private static final byte[] ENTRY_NEXT = ascii(",\n      ");
    private static final byte[] CONNECTIONS_END = ascii("\n    }\n  }");
    private static final byte[] CONNECTIONS_NONE = ascii(" }\n  }");
    private static final byte[] END = ascii(" ]\n}");

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 18];
    private int used;
    private boolean anyStep;
    /** Each entry's text as last written, for the system snap {@link #renderedFor}. */
    private Map<Connection, byte[]> rendered = new IdentityHashMap<>();
    private String renderedFor = "";

    private StepStream(OutputStream out, String name) {
      this.out = out;
      put(ascii("{\n  \"name\" : "));
      put(quoted(name));
      put(ascii(",\n  \"steps\" : ["));
    }

    /**
     * Writes the next step.
     *
     * @throws UncheckedIOException if the output fails
     */
    public void step(StepResult step) {
      put(anyStep ? STEP_NEXT : STEP_FIRST);
      anyStep = true;
      put(quoted(step.op()));
      put(step.ok() ? OK_TRUE : OK_FALSE);
      if (step.errorKind().isPresent()) {
        put(ERROR_KIND);
        put(quoted(step.errorKind().get().word()));
        put(ERROR_MESSAGE);
        put(quoted(step.message()));
        put(ERROR_END);
      }
      put(CONNECTIONS);
      ScenarioState state = step.state();
      if (!state.systemSnap().equals(renderedFor)) {
        rendered.clear();
        renderedFor = state.systemSnap();
      }
      int count = 0;
      for (Connection c : state.entries()) {
        byte[] text = rendered.get(c);
        if (text == null) {
          text = entry(state.id(c), c);
          rendered.put(c, text);
        }
        put(count++ == 0 ? ENTRY_FIRST : ENTRY_NEXT);
        put(text);
      }
      put(count == 0 ? CONNECTIONS_NONE : CONNECTIONS_END);
      if (rendered.size() > 2 * count + 1024) {
        // Forget the entries that are gone, so that the cache stays about one state's size.
        Map<Connection, byte[]> kept = new IdentityHashMap<>(2 * count);
        state.entries().forEach(c -> kept.put(c, rendered.get(c)));
        rendered = kept;
      }
    }

    /** Ends the JSON text and flushes it. */
    @Override
    public void close() {
      put(END);
      try {
        drain();
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** One entry: {@code "id" : {"interface" : ..., flags}} at its depth in the document. */
    private static byte[] entry(String id, Connection c) {
      StringBuilder b = new StringBuilder(96);
      quote(b, id).append(" : {\n        \"interface\" : ");
      quote(b, c.iface());
      if (c.auto()) {
        b.append(",\n        \"auto\" : true");
      }
      if (c.byGadget()) {
        b.append(",\n        \"by-gadget\" : true");
      }
      if (c.undesired()) {
        b.append(",\n        \"undesired\" : true");
      }
      return b.append("\n      }").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] quoted(String s) {
      return quote(new StringBuilder(s.length() + 2), s).toString()
          .getBytes(StandardCharsets.UTF_8);
    }

    /** Appends {@code s} as a JSON string, escaped by Jackson's own rules. */
    private static StringBuilder quote(StringBuilder b, String s) {
      b.append('"');
      JsonStringEncoder.getInstance().quoteAsString(s, b);
      return b.append('"');
    }

    private void put(byte[] b) {
      try {
        if (b.length > buf.length - used) {
          drain();
          if (b.length > buf.length) {
            out.write(b, 0, b.length);
            return;
          }
        }
        System.arraycopy(b, 0, buf, used, b.length);
        used += b.length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void drain() throws IOException {
      if (used > 0) {
        out.write(buf, 0, used);
        used = 0;
      }
    }

    private static byte[] ascii(String s) {
      return s.getBytes(StandardCharsets.US_ASCII);
    }
  }
}
