package io.snapif.examples.cli;

import io.snapif.examples.scenario.ScenarioResult;
import io.snapif.examples.scenario.StepResult;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures {@code scenario run --timing} prints: start-up (JVM start to a ready policy
 * engine), the whole run, and per kind of op (the op's first word) count, median, 99th
 * percentile and maximum of the steps' own times.
 */
final class RunTiming {
  private final Instant jvmStart;
  private final Instant ready;

  private RunTiming(Instant jvmStart, Instant ready) {
    this.jvmStart = jvmStart;
    this.ready = ready;
  }

  /**
   * Marks the engine ready now. Start-up counts from the JVM's own record of its start, which is
   * to the millisecond; the process's start instant is the fallback, as Linux gives it only to
   * the second (it adds the boot time, kept in whole seconds), and {@code cliStart} the last.
   */
  static RunTiming engineReady(Instant cliStart) {
    Instant jvm;
    try {
      jvm = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    } catch (RuntimeException | LinkageError e) {
      // java.management missing from a trimmed runtime
      jvm = ProcessHandle.current().info().startInstant().orElse(cliStart);
    }
    return new RunTiming(jvm, Instant.now());
  }

  /** The report: one line for start-up and total, one per kind of op. */
  String report(ScenarioResult result) {
    Instant end = Instant.now();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "timing: start-up %.3f s (JVM start to ready engine), run %.3f s, total %.3f s%n",
        seconds(Duration.between(jvmStart, ready)), seconds(result.elapsed()),
        seconds(Duration.between(jvmStart, end))));
    Map<String, List<Long>> byKind = new TreeMap<>();
    for (StepResult step : result.steps()) {
      String kind = step.op().split(" ", 2)[0];
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(step.elapsed().toNanos());
    }
    byKind.forEach((kind, nanos) -> {
      nanos.sort(null);
      out.append(String.format(Locale.ROOT,
          "timing: %-10s %6d ops, median %.3f ms, p99 %.3f ms, max %.3f ms%n", kind,
          nanos.size(), millis(percentile(nanos, 50)), millis(percentile(nanos, 99)),
          millis(nanos.get(nanos.size() - 1))));
    });
    return out.toString();
  }

  /** The nearest-rank percentile of sorted {@code values}. */
  static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
