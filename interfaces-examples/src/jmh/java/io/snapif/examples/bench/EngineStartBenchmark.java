package io.snapif.examples.bench;

import io.snapif.manager.Decision;
import io.snapif.model.InstalledSnap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine start with the built-in policy, cold: each fork builds the evaluator (base declaration,
 * compiled rule model, KieBase) once and makes its first decision. The built-in KieBase is kept
 * per JVM, so only the first call in a fork is a start; hence one shot per fork.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class EngineStartBenchmark {
  @Benchmark
  public Decision builtinEngineFirstDecision() {
    InstalledSnap snap = BenchSystems.snaps(BenchSystems.synthetic1000(), 1).get(0);
    return BenchSystems.builtinPolicy().checkInstallation(snap,
        BenchSystems.synthetic1000().device());
  }
}
