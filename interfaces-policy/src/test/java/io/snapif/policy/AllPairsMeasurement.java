package io.snapif.policy;

import io.snapif.declaration.DeclarationParser;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.AutoConnectRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: measures start-up and the all-pairs auto-connect decisions of a benchmark system.
 * Run with the test classpath: {@code java ... io.snapif.policy.AllPairsMeasurement
 * bench/synthetic-1000.json [reps] [slots] [parallel]}.
 */
final class AllPairsMeasurement {
  private AllPairsMeasurement() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    DroolsPolicyEvaluator evaluator = DroolsPolicyEvaluator.builder()
        .baseDeclaration(DeclarationParser.builtinBaseDeclaration()).build();
    long t1 = System.nanoTime();
    System.out.printf("evaluator built in %.0f ms (JVM uptime %d ms)%n", (t1 - t0) / 1e6,
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    BenchSystem system = new BenchSystem(Path.of(args[0]));
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> options = List.of(args).subList(Math.min(2, args.length), args.length);
    boolean withSlots = options.contains("slots");
    boolean parallel = options.contains("parallel");
    List<AutoConnectRequest> requests = new ArrayList<>();
    long pairs = 0;
    for (InstalledSnap s : system.snaps) {
      if (s.name().equals("core")) {
        continue;
      }
      AutoConnectRequest r = system.request(s, withSlots);
      requests.add(r);
      pairs += r.plugCandidates().values().stream().mapToLong(List::size).sum();
      pairs += r.slotCandidates().values().stream().mapToLong(List::size).sum();
    }
    System.out.println("requests " + requests.size() + ", candidate pairs " + pairs);
    java.lang.management.ThreadMXBean mx =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int rep = 0; rep < reps; rep++) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long connections = (parallel ? requests.parallelStream() : requests.stream())
          .map(evaluator::planAutoConnect)
          .mapToLong(plan -> plan.connections().size())
          .sum();
      System.out.printf("rep %d: %.0f ms (thread cpu %.0f ms), %d connections%n", rep,
          (System.nanoTime() - start) / 1e6, (mx.getCurrentThreadCpuTime() - cpu0) / 1e6,
          connections);
    }
  }
}
