package io.snapif.examples.bench;

import io.snapif.examples.scenario.Scenario;
import io.snapif.manager.InterfaceManager;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Policy level: the auto-connect decision of every plug of the N=1000 system with all its snaps
 * installed, at once (snapd: 346,484 candidate pairs, 2.1 s), with the built-in rules alone and
 * with a custom rule file added (what a site's rules cost).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Single shots of half a second: enough warm-ups that the JIT and the heap have settled, and
// enough shots that one slow shot (a full collection) does not make the figure.
@Warmup(iterations = 5)
@Measurement(iterations = 8)
@Fork(1)
@State(Scope.Benchmark)
public class AutoConnectAllBenchmark {
  /** {@code builtin}, or {@code custom}: the built-in rules plus a sample custom rule file. */
  @Param({"builtin", "custom"})
  public String rules;

  private DroolsPolicyEvaluator policy;
  private List<AutoConnectRequest> requests;

  @Setup
  public void setUp() throws Exception {
    Scenario scenario = BenchSystems.synthetic1000();
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder()
        .baseDeclaration(io.snapif.declaration.DeclarationParser.builtinBaseDeclaration());
    if (rules.equals("custom")) {
      builder.addRules("bench-custom.drl", customRules());
    }
    policy = builder.build();
    InterfaceManager system = BenchSystems.system(scenario,
        BenchSystems.snaps(scenario, scenario.snaps().size()), BenchSystems.builtinPolicy());
    requests = BenchSystems.allPlugRequests(system);
    long pairs = requests.stream().mapToLong(r -> r.plugCandidates().values().stream()
        .mapToLong(List::size).sum()).sum();
    System.out.println("auto-connect requests: " + requests.size() + ", candidate pairs: " + pairs);
    system.close();
  }

  /** A sample rule file shipped with the examples (on the classpath). */
  private static String customRules() throws Exception {
    String name = "io/snapif/examples/rules/no-camera-without-store.drl";
    try (var in = AutoConnectAllBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no sample rule file " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Benchmark
  public void allPlugs(Blackhole out) {
    for (AutoConnectRequest r : requests) {
      AutoConnectPlan plan = policy.planAutoConnect(r);
      out.consume(plan);
    }
  }
}
