package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.manager.Decision;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.testing.RandomOps;
import io.snapif.testing.SimulateCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the Drools policy on random systems: the auto-connect plan does not depend on
 * the order of the candidates, a custom deny always wins, and simulating an operation predicts
 * applying it.
 */
class PolicyPropertiesTest {
  private static final PolicyEvaluator BUILTIN = DroolsPolicyEvaluator.builtin();
  private static final List<String> IFACES =
      List.of("network", "home", "camera", "mpris", "audio-playback", "content");

  private static final PolicyEvaluator DENY_CAMERA_AND_CONTENT = DroolsPolicyEvaluator.builder()
      .addRules("site.drl", """
          package site.rules;

          import io.snapif.policy.fact.Check;
          import io.snapif.policy.fact.Verdict;

          rule "site: allow everything"
          when $c : Check()
          then insert(Verdict.allow(drools.getRule().getName(), $c, "allowed here"));
          end

          rule "site: no camera or content"
          when $c : Check(iface == "camera" || iface == "content")
          then insert(Verdict.deny(drools.getRule().getName(), $c, "denied here"));
          end
          """).build();

  /** A snap with some plugs and slots over {@link #IFACES}, content ones sharing a tag. */
  private static Arbitrary<InstalledSnap> snap(String name) {
    Arbitrary<List<String>> ends = Arbitraries.of(IFACES).list().ofMaxSize(4).uniqueElements();
    return Combinators.combine(ends, ends).as((plugs, slots) -> {
      var spec = app(name);
      plugs.forEach(i -> spec.plug(i + "-plug", i, "content", "theme"));
      slots.forEach(i -> spec.slot(i + "-slot", i, "content", "theme"));
      return spec.build();
    });
  }

  @Provide
  Arbitrary<List<InstalledSnap>> systems() {
    return Combinators.combine(snap("s0"), snap("s1"), snap("s2"), snap("s3"), snap("s4"))
        .as(List::of);
  }

  /** The plan's outcome per endpoint, and the connections it makes, order aside. */
  private static Map<String, Object> summary(AutoConnectPlan plan) {
    Map<String, Object> out = new TreeMap<>();
    for (AutoConnectPlan.EndpointPlan e : plan.endpoints()) {
      Set<String> allowed = new TreeSet<>();
      e.candidates().stream().filter(Decision::allowed).forEach(d -> allowed.add(d.subject()));
      out.put(e.side() + " " + e.name(), e.outcome() + " " + new TreeSet<>(e.connect().stream()
          .map(ConnectionId::toString).toList()) + " allowed " + allowed);
    }
    out.put("connections", new TreeSet<>(plan.connections().stream()
        .map(ConnectionId::toString).toList()));
    return out;
  }

  @Property(tries = 60)
  void autoConnectPlan_doesNotDependOnCandidateOrder(
      @ForAll("systems") List<InstalledSnap> others, @ForAll long seed) {
    InstalledSnap system = core("network", "home", "camera", "audio-playback");
    List<InstalledSnap> installed = new ArrayList<>(others);
    installed.add(0, system);
    InstalledSnap snap = others.get(0);
    Map<String, Object> plan = summary(BUILTIN.planAutoConnect(
        Fixtures.request(snap, installed, CLASSIC)));

    List<InstalledSnap> shuffled = new ArrayList<>(installed);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(summary(BUILTIN.planAutoConnect(Fixtures.request(snap, shuffled, CLASSIC))))
        .isEqualTo(plan);
  }

  @Property(tries = 60)
  void customDeny_alwaysWins(@ForAll("systems") List<InstalledSnap> others) {
    List<InstalledSnap> installed = new ArrayList<>(others);
    installed.add(0, core("network", "home", "camera", "audio-playback"));
    for (InstalledSnap snap : others) {
      assertThat(DENY_CAMERA_AND_CONTENT.checkInstallation(snap, CLASSIC).allowed())
          .as("installation of %s", snap.name())
          .isEqualTo(snap.snap().plugs().values().stream().noneMatch(p -> denied(p.iface()))
              && snap.snap().slots().values().stream().noneMatch(s -> denied(s.iface())));
      AutoConnectPlan plan = DENY_CAMERA_AND_CONTENT.planAutoConnect(
          Fixtures.request(snap, installed, CLASSIC));
      for (AutoConnectPlan.EndpointPlan e : plan.endpoints()) {
        for (Decision d : e.candidates()) {
          assertThat(d.allowed()).as("auto-connection %s", d.subject())
              .isEqualTo(!denied(e.iface()));
        }
      }
      for (var plug : snap.snap().plugs().values()) {
        for (InstalledSnap other : installed) {
          other.snap().slots().values().stream().filter(s -> s.iface().equals(plug.iface()))
              .forEach(slot -> assertThat(DENY_CAMERA_AND_CONTENT.checkConnection(
                  ConnectCandidate.builder().plug(plug).plugSnap(snap).slot(slot)
                      .slotSnap(other).device(CLASSIC).build()).allowed())
                  .as("connection %s to %s", plug.ref(), slot.ref())
                  .isEqualTo(!denied(plug.iface())));
        }
      }
    }
  }

  private static boolean denied(String iface) {
    return iface.equals("camera") || iface.equals("content");
  }

  @Provide
  Arbitrary<List<Operation>> operations() {
    return RandomOps.operations();
  }

  @Property(tries = 40)
  void simulate_predictsApply(@ForAll("operations") List<Operation> ops) {
    InterfaceManager m = InterfaceManager.builder().policy(BUILTIN)
        .implicitInterfaces(RandomOps.IMPLICIT).build();
    for (Operation op : ops) {
      SimulateCheck.simulateThenApply(m, op, () -> { });
    }
  }
}
