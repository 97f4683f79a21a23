package io.snapif.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One operation of a scenario, as the scenario format writes it. Endpoint references are parsed
 * already: an empty snap name means the system snap ({@code :camera}, {@code system:camera}).
 */
public sealed interface ScenarioOp {

  /** The text of the op for people and for the {@code op} field of the output. */
  String describe();

  /** {@code install}: the snap named {@code snap} of the scenario's {@code snaps}. */
  record Install(String snap) implements ScenarioOp {
    @Override
    public String describe() {
      return "install " + snap;
    }
  }

  /** {@code seed}: first boot installing the listed snaps in order. */
  record Seed(ImmutableList<String> snaps) implements ScenarioOp {
    @Override
    public String describe() {
      return "seed " + String.join(" ", snaps);
    }
  }

  /**
   * {@code connect}: {@code slotSnap} absent with {@code slot} absent is the system snap's slot of
   * the plug's interface; {@code slotSnap} present without {@code slot} is that snap's only slot
   * of the interface.
   */
  record Connect(String plugSnap, String plug, Optional<String> slotSnap, Optional<String> slot)
      implements ScenarioOp {
    @Override
    public String describe() {
      String target = slot.map(s -> " " + slotSnap.orElse("") + ":" + s)
          .orElse(slotSnap.map(s -> " " + s).orElse(""));
      return "connect " + plugSnap + ":" + plug + target;
    }
  }

  /**
   * {@code disconnect}: with {@code otherName} absent, every connection of the plug or slot
   * {@code snap:name}; otherwise the one between plug {@code snap:name} and slot {@code
   * otherSnap:otherName}.
   */
  record Disconnect(
      String snap, String name, Optional<String> otherSnap, Optional<String> otherName,
      boolean forget) implements ScenarioOp {
    @Override
    public String describe() {
      String other = otherName.map(n -> " " + otherSnap.orElse("") + ":" + n).orElse("");
      return "disconnect " + snap + ":" + name + other + (forget ? " --forget" : "");
    }
  }

  /**
   * {@code refresh}: a new revision; {@code yaml} and {@code declaration} (the snap-declaration's
   * headers, read-only) replace the current ones when present.
   */
  record Refresh(String snap, Optional<String> yaml, Optional<JsonNode> declaration)
      implements ScenarioOp {
    @Override
    public String describe() {
      return "refresh " + snap;
    }
  }

  /** {@code remove}: the snap and all its revisions. */
  record Remove(String snap) implements ScenarioOp {
    @Override
    public String describe() {
      return "remove " + snap;
    }
  }

  /** {@code restart}: close the manager and open a new one on the same state store. */
  record Restart() implements ScenarioOp {
    @Override
    public String describe() {
      return "restart";
    }
  }

  /**
   * An op the runner cannot run (an unknown {@code op}, a malformed reference). It is run as a
   * failed step, never skipped, so that step numbers keep matching the expected results.
   */
  record Unsupported(String text, String problem) implements ScenarioOp {
    @Override
    public String describe() {
      return text;
    }
  }
}
