package io.snapif.examples.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.manager.Decision;
import io.snapif.manager.ErrorKind;
import io.snapif.model.Connection;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of one op of a scenario: whether it succeeded, why not, and the whole connection
 * state after it.
 */
@Value.Immutable
public abstract class StepResult {
  /** The op as text ({@code connect vlc:camera :camera}); free text, not compared. */
  public abstract String op();

  public abstract boolean ok();

  /** Why the op failed; present exactly when {@link #ok()} is false. */
  public abstract Optional<ErrorKind> errorKind();

  /** The failure's message for people; empty when the op succeeded. */
  @Value.Default
  public String message() {
    return "";
  }

  /** The connection state after the op. */
  @Value.Default
  public ScenarioState state() {
    return ScenarioState.empty();
  }

  /**
   * Every entry of the connection state after the op, keyed by connection id with the system
   * snap spelled {@code core}, in the manager's order: {@link ScenarioState#asMap()}.
   */
  public final ImmutableMap<String, Connection> connections() {
    return state().asMap();
  }

  /** The warnings the op gave (a succeeded op's {@code ChangeReport.warnings()}). */
  public abstract ImmutableList<String> warnings();

  /**
   * The policy decisions the op took: a succeeded op's {@code ChangeReport.decisions()}, or the
   * decision that refused a failed one.
   */
  public abstract ImmutableList<Decision> decisions();

  /** How long the op took (zero when not measured). */
  @Value.Default
  public Duration elapsed() {
    return Duration.ZERO;
  }

  public static ImmutableStepResult.Builder builder() {
    return ImmutableStepResult.builder();
  }

  @Value.Check
  protected void check() {
    if (ok() == errorKind().isPresent()) {
      throw new IllegalStateException("a step has an error kind exactly when it failed");
    }
  }
}
