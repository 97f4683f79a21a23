package io.snapif.examples.scenario;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import org.immutables.value.Value;

/** The outcome of a scenario run: one {@link StepResult} per op, in order. */
@Value.Immutable
public abstract class ScenarioResult {
  public abstract String name();

  public abstract ImmutableList<StepResult> steps();

  /** Wall-clock time of the whole run, opening and closing managers included. */
  @Value.Default
  public Duration elapsed() {
    return Duration.ZERO;
  }

  /** How many steps failed. */
  public final long failures() {
    return steps().stream().filter(s -> !s.ok()).count();
  }

  public static ImmutableScenarioResult.Builder builder() {
    return ImmutableScenarioResult.builder();
  }
}
