package io.snapif.examples.bench;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.DeclarationParser;
import io.snapif.examples.scenario.Scenario;
import io.snapif.examples.scenario.ScenarioReader;
import io.snapif.examples.scenario.SnapDocuments;
import io.snapif.examples.scenario.SnapSpec;
import io.snapif.manager.Decision;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Snap;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.store.InMemoryStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The systems the benchmarks run on, made from {@code bench/synthetic-1000.json}: its snaps, and
 * for larger systems copies of them under prefixed names ({@code r1-app-0000}, ...).
 */
final class BenchSystems {
  private BenchSystems() {}

  /** The benchmark scenario, found from the module or the repository root. */
  static Scenario synthetic1000() {
    for (Path dir : List.of(Path.of("bench"), Path.of("../bench"))) {
      Path file = dir.resolve("synthetic-1000.json");
      if (Files.exists(file)) {
        return ScenarioReader.read(file);
      }
    }
    throw new IllegalStateException("bench/synthetic-1000.json not found from "
        + Path.of("").toAbsolutePath());
  }

  /** The built-in policy engine. */
  static DroolsPolicyEvaluator builtinPolicy() {
    return DroolsPolicyEvaluator.builder()
        .baseDeclaration(DeclarationParser.builtinBaseDeclaration())
        .build();
  }

  /** {@code count} app snaps: the scenario's, then copies of them under prefixed names. */
  static List<InstalledSnap> snaps(Scenario scenario, int count) {
    List<SnapSpec> specs = new ArrayList<>(scenario.snaps().values());
    List<InstalledSnap> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SnapSpec spec = specs.get(i % specs.size());
      int copy = i / specs.size();
      out.add(snap(spec, copy == 0 ? "" : "r" + copy + "-"));
    }
    return out;
  }

  /** The snap of {@code spec} renamed with {@code prefix} (snap-id too). */
  static InstalledSnap snap(SnapSpec spec, String prefix) {
    String yaml = spec.yaml().replaceFirst("(?m)^name: ", "name: " + prefix);
    Snap snap = SnapDocuments.readSnapYaml(yaml, spec.name());
    Optional<Declaration> declaration = Optional.of(spec.declaration()
        .map(h -> SnapDocuments.readDeclaration(h, spec.name()))
        .orElse(Declaration.empty()));
    return SnapDocuments.installed(snap, 1, spec.effectiveSnapId().map(id -> prefix + id),
        spec.effectivePublisherId(), declaration, ImmutableList.of());
  }

  /**
   * A snap whose plugs meet only the system snap's slots and which has no slot, so that its
   * candidates stay the same however many snaps are installed: the first of the scenario's
   * snaps whose plugs have interfaces no app snap has a slot of, without its slots, renamed
   * {@code sys-only-...}.
   */
  static InstalledSnap systemOnly(Scenario scenario) {
    List<SnapSpec> specs = new ArrayList<>(scenario.snaps().values());
    Set<String> appSlots = new HashSet<>();
    for (SnapSpec spec : specs) {
      snap(spec, "").snap().slots().values().forEach(s -> appSlots.add(s.iface()));
    }
    for (SnapSpec spec : specs) {
      InstalledSnap s = snap(spec, "sys-only-");
      if (s.snap().plugs().values().stream().noneMatch(p -> appSlots.contains(p.iface()))) {
        Snap bare = Snap.builder().from(s.snap()).slots(Map.of()).build();
        return InstalledSnap.builder().from(s).snap(bare).build();
      }
    }
    throw new IllegalStateException("no snap of the scenario plugs only system interfaces");
  }

  /**
   * A manager deciding with {@code policy} on a system where {@code snaps} are installed. The
   * snaps are installed with a policy that allows them and connects nothing (installing 10,000
   * snaps through the real policy would take the benchmark's whole budget), so the system has
   * its snaps but no connection entries.
   */
  static InterfaceManager system(Scenario scenario, List<InstalledSnap> snaps,
      PolicyEvaluator policy) {
    InMemoryStateStore store = new InMemoryStateStore();
    try (InterfaceManager setup = InterfaceManager.builder().policy(new ConnectNothing())
        .device(scenario.device()).store(store).build()) {
      for (InstalledSnap s : snaps) {
        setup.apply(new Operation.Install(s));
      }
    }
    return InterfaceManager.builder().policy(policy).device(scenario.device()).store(store)
        .build();
  }

  /**
   * Every plug's auto-connect request on a system of {@code snaps}: per snap, each plug with
   * every slot of its interface on the installed snaps (the system snap's included).
   */
  static List<AutoConnectRequest> allPlugRequests(InterfaceManager system) {
    List<InstalledSnap> installed = system.snaps();
    List<AutoConnectRequest> out = new ArrayList<>();
    for (InstalledSnap snap : installed) {
      var request = AutoConnectRequest.builder().snap(snap);
      snap.snap().plugs().values().forEach(plug -> {
        ImmutableList.Builder<ConnectCandidate> candidates = ImmutableList.builder();
        for (InstalledSnap other : installed) {
          other.snap().slots().values().stream().filter(s -> s.iface().equals(plug.iface()))
              .forEach(slot -> candidates.add(ConnectCandidate.builder().plug(plug)
                  .plugSnap(snap).slot(slot).slotSnap(other).device(system.device()).build()));
        }
        request.putPlugCandidates(plug.name(), candidates.build());
      });
      out.add(request.build());
    }
    return out;
  }

  /** Allows every installation and plans no connection. */
  private static final class ConnectNothing implements PolicyEvaluator {
    @Override
    public Decision checkInstallation(InstalledSnap snap, io.snapif.model.Device device,
        DecisionContext context) {
      return Decision.builder().kind(CheckKind.INSTALLATION).allowed(true).subject(snap.name())
          .message("allowed").build();
    }

    @Override
    public Decision checkConnection(ConnectCandidate candidate, DecisionContext context) {
      return Decision.builder().kind(CheckKind.CONNECTION).allowed(true)
          .subject(candidate.id().toString()).message("allowed").build();
    }

    @Override
    public AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context) {
      return AutoConnectPlan.builder().build();
    }

    /** Decides no entry: it connects nothing, so no lifecycle event touches one. */
    @Override
    public EntryPlan planEntries(EntryEvent event, DecisionContext context) {
      return new EntryPlan(Map.of());
    }
  }
}
