package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.SnapifException;
import io.snapif.examples.scenario.InvalidSnapException;
import io.snapif.manager.ErrorKind;
import io.snapif.manager.OperationException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * A failure as the CLI prints it on stderr: {@code error: MESSAGE}, or with {@code --json} the
 * document {@code {"error": {"kind": KIND, "message": MESSAGE}}}. The kind is one of the scenario
 * format's ({@code not-found}, {@code connect-denied}, ..., {@code conflict} for any other
 * refusal), or {@code usage} for a command line that cannot be parsed.
 *
 * @param suggestions the names the user may have meant ({@code did you mean ...?}), best first
 * @param usageHint for a usage error, how to get help ({@code Run 'snapif --help' for usage.})
 */
record ErrorOutput(
    String kind, String message, List<String> suggestions, Optional<String> usageHint) {
  /** The kind of a command line that cannot be parsed (exit status 2). */
  static final String USAGE = "usage";

  /** How {@code e}, thrown by a command, is reported. */
  static ErrorOutput of(Exception e) {
    if (e instanceof CliFailure f) {
      return new ErrorOutput(f.kind().word(), f.getMessage(), f.suggestions(), Optional.empty());
    }
    String kind;
    if (e instanceof OperationException o) {
      kind = o.kind().word();
    } else if (e instanceof InvalidSnapException) {
      kind = ErrorKind.INVALID_SNAP.word();
    } else {
      kind = ErrorKind.CONFLICT.word();
    }
    String message = e instanceof SnapifException ? e.getMessage() : "internal error: " + e;
    return new ErrorOutput(kind, message, List.of(), Optional.empty());
  }

  /** A usage error. */
  static ErrorOutput usage(String message, List<String> suggestions, String usageHint) {
    return new ErrorOutput(USAGE, message, suggestions, Optional.of(usageHint));
  }

  /** Prints this failure on {@code err}, as JSON when {@code json}. */
  void print(PrintWriter err, boolean json) {
    err.print(json ? json() : text());
    err.flush();
  }

  String text() {
    StringBuilder out = new StringBuilder("error: ").append(message).append('\n');
    if (!suggestions.isEmpty()) {
      out.append(Suggestions.text(suggestions)).append('\n');
    }
    usageHint.ifPresent(h -> out.append(h).append('\n'));
    return out.toString();
  }

  String json() {
    ObjectNode root = Json.object();
    ObjectNode error = root.putObject("error");
    error.put("kind", kind);
    error.put("message", message);
    if (!suggestions.isEmpty()) {
      ArrayNode list = error.putArray("suggestions");
      suggestions.forEach(list::add);
    }
    return Json.write(root);
  }
}
