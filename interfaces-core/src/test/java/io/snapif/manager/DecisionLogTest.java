package io.snapif.manager;

import static io.snapif.manager.Fixtures.IMPLICIT;
import static io.snapif.manager.Fixtures.POLICY;
import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.refresh;
import static io.snapif.testing.Ops.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.declaration.CheckKind;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.DecisionLog;
import io.snapif.spi.DecisionRecord;
import io.snapif.spi.DecisionRecord.Mode;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.SystemState;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the manager gives its {@link DecisionLog}: which decisions, in which mode, with what. */
class DecisionLogTest {
  /** Every batch the manager logged, in order. */
  private final List<List<DecisionRecord>> batches = new ArrayList<>();

  private DefaultInterfaceManager manager(PolicyEvaluator policy) {
    return (DefaultInterfaceManager) InterfaceManager.builder().policy(policy)
        .implicitInterfaces(IMPLICIT).decisionLog(batches::add).build();
  }

  private static List<String> lines(List<DecisionRecord> batch) {
    return batch.stream().map(r -> r.kind().word() + " " + r.subject() + " "
        + r.entry().map(e -> e.eventWord() + " " + e.fateWord())
            .orElse(r.allowed() ? "allowed" : "denied")
        + r.effect().map(e -> " " + e.word()).orElse(""))
        .toList();
  }

  @Test
  void install_logsItsDecisionsOnceCommitted_connectedAndRefusedPlugs() {
    DefaultInterfaceManager m = manager(POLICY);

    m.apply(install(vlc()));

    assertThat(batches).hasSize(1);
    List<DecisionRecord> batch = batches.get(0);
    assertThat(lines(batch)).containsExactly(
        "installation vlc allowed",
        "auto-connection vlc:audio-playback core:audio-playback allowed connected",
        "auto-connection vlc:camera core:camera denied not-connected",
        "auto-connection vlc:home core:home allowed connected",
        "auto-connection vlc:network core:network allowed connected");
    DecisionRecord camera = batch.get(2);
    assertThat(camera.mode()).isEqualTo(Mode.COMMITTED);
    assertThat(camera.operation()).isEqualTo("install vlc");
    assertThat(camera.message()).isEqualTo("auto-connection denied by slot rule of interface"
        + " \"camera\"");
    assertThat(camera.verdict().orElseThrow().rule()).isEqualTo("fake: denied");
    assertThat(camera.ruleSet()).isEqualTo(FakePolicy.class.getName());
    // the generation the commit wrote; all records of the operation share time and id prefix
    assertThat(m.generation()).isEqualTo(m.state().generation());
    assertThat(batch).allSatisfy(r -> {
      assertThat(r.generation()).isEqualTo(m.generation());
      assertThat(r.time()).isEqualTo(batch.get(0).time());
      assertThat(r.id()).startsWith(batch.get(0).id().split("/")[0] + "/");
    });
    assertThat(new HashSet<>(batch.stream().map(DecisionRecord::id).toList())).hasSize(5);
    assertThat(batch.get(0).effect()).isEmpty();
  }

  @Test
  void simulate_logsTheSameDecisionsAsSimulated_withTheGenerationItWouldWrite() {
    DefaultInterfaceManager m = manager(POLICY);
    long before = m.state().generation();

    ChangeReport report = m.simulate(install(vlc()));

    assertThat(m.state().generation()).isEqualTo(before);
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).hasSize(5).allSatisfy(r -> {
      assertThat(r.mode()).isEqualTo(Mode.SIMULATED);
      assertThat(r.generation()).isEqualTo(report.generation()).isEqualTo(before + 1);
    });
  }

  @Test
  void refusedConnect_logsTheRefusingDecisionAsRefused_simulatedAsSimulated() {
    DefaultInterfaceManager m = manager(POLICY.denyingConnectionOf("camera"));
    m.apply(install(vlc()));
    batches.clear();
    SystemState before = m.state();

    assertThatThrownBy(() -> m.apply(connect("vlc:camera")))
        .isInstanceOf(OperationException.class);
    assertThatThrownBy(() -> m.simulate(connect("vlc:camera")))
        .isInstanceOf(OperationException.class);

    assertThat(m.state()).isSameAs(before);
    assertThat(batches).hasSize(2);
    DecisionRecord refused = batches.get(0).get(0);
    assertThat(batches.get(0)).hasSize(1);
    assertThat(refused.mode()).isEqualTo(Mode.REFUSED);
    assertThat(refused.operation()).isEqualTo("connect vlc:camera");
    assertThat(refused.kind()).isEqualTo(DecisionRecord.Kind.CONNECTION);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.generation()).isEqualTo(before.generation());
    assertThat(batches.get(1).get(0).mode()).isEqualTo(Mode.SIMULATED);
  }

  @Test
  void refusalBeforeAnyDecision_logsNothing() {
    DefaultInterfaceManager m = manager(POLICY);

    assertThatThrownBy(() -> m.apply(connect("vlc:camera")))
        .isInstanceOf(OperationException.class); // vlc is not installed

    assertThat(batches).isEmpty();
  }

  @Test
  void explain_logsWhatItShows() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(install(vlc()));
    batches.clear();

    Explanation e = m.explain("vlc", "camera");

    assertThat(batches).hasSize(1);
    assertThat(lines(batches.get(0))).containsExactly(
        "auto-connection vlc:camera core:camera denied",
        "connection vlc:camera core:camera allowed");
    assertThat(batches.get(0)).allSatisfy(r -> {
      assertThat(r.mode()).isEqualTo(Mode.EXPLAIN);
      assertThat(r.operation()).isEqualTo("explain vlc:camera");
      assertThat(r.generation()).isEqualTo(m.state().generation());
    });
    assertThat(e.connectDecisions()).hasSize(1);
  }

  @Test
  void ambiguousPlug_logsItsAllowedCandidates() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("serial-port"));
    m.apply(install(Snaps.snap("ports").slots("s1=serial-port", "s2=serial-port").build()));
    batches.clear();

    ChangeReport report = m.apply(install(Snaps.snap("term").plugs("serial-port").build()));

    assertThat(report.added()).isEmpty();
    assertThat(lines(batches.get(0))).containsExactly(
        "installation term allowed",
        "auto-connection term:serial-port core:serial-port allowed ambiguous",
        "auto-connection term:serial-port ports:s1 allowed ambiguous",
        "auto-connection term:serial-port ports:s2 allowed ambiguous");
  }

  @Test
  void deniedSlotCandidatesAndPairsInState_areNotLogged() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(install(vlc()));
    batches.clear();

    // a camera slot weighs vlc's camera plug (denied): a slot's denials are not logged
    m.apply(install(Snaps.snap("webcam").slots("cam=camera").build()));
    // the refresh finds vlc's connections in state; only its camera plug decides anew
    m.apply(refresh(vlc()));

    assertThat(lines(batches.get(0))).containsExactly("installation webcam allowed");
    assertThat(lines(batches.get(1))).containsExactly(
        "installation vlc allowed",
        "auto-connection vlc:camera core:camera denied not-connected",
        "auto-connection vlc:camera webcam:cam denied not-connected");
  }

  @Test
  void aFailingLog_neitherFailsNorUndoesTheOperation() {
    AtomicInteger calls = new AtomicInteger();
    DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(POLICY).implicitInterfaces(IMPLICIT)
        .decisionLog(records -> {
          calls.incrementAndGet();
          throw new IllegalStateException("disk full");
        }).build();

    ChangeReport report = m.apply(install(vlc()));
    m.apply(connect("vlc:camera"));

    assertThat(report.committed()).isTrue();
    assertThat(m.connections()).containsKey(io.snapif.model.ConnectionId.parse(
        "vlc:camera core:camera"));
    assertThat(calls).hasValue(2);
  }

  @Test
  void onlyTheLoggedDecisionsAreWorded_andNoneWithoutALog() {
    AtomicInteger worded = new AtomicInteger();
    PolicyEvaluator counting = new WordCounting(POLICY, worded);
    InstalledSnap webcam = Snaps.snap("webcam").slots("cam=camera").build();
    InterfaceManager plain = InterfaceManager.builder().policy(counting)
        .implicitInterfaces(IMPLICIT).build();
    plain.apply(install(vlc()));
    plain.apply(install(webcam));
    assertThat(worded).hasValue(0);

    DefaultInterfaceManager logged = manager(counting);
    logged.apply(install(vlc()));
    assertThat(worded).hasValue(4); // the logged ones: three connected, the camera denied
    worded.set(0);
    logged.apply(install(webcam));
    // the slot's one candidate (vlc:camera, denied) is decided but not logged, so not worded
    assertThat(worded).hasValue(0);
    assertThat(lines(batches.get(1))).containsExactly("installation webcam allowed");
  }

  /** The built-in policy, but every entry an event touches gets {@code outcome}. */
  private static PolicyEvaluator everyEntry(EntryPlan.Outcome outcome) {
    return new DelegatingPolicy(POLICY) {
      @Override
      public EntryPlan planEntries(EntryEvent event, DecisionContext context) {
        return new EntryPlan(event.entries().stream().collect(
            java.util.stream.Collectors.toMap(t -> t.entry().id(), t -> outcome)));
      }
    };
  }

  /** Wraps auto-connect decisions so that writing their words is counted. */
  private static final class WordCounting extends DelegatingPolicy {
    private final AtomicInteger worded;

    WordCounting(PolicyEvaluator policy, AtomicInteger worded) {
      super(policy);
      this.worded = worded;
    }

    @Override
    public AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context) {
      AutoConnectPlan plan = policy.planAutoConnect(request, context);
      var out = AutoConnectPlan.builder();
      for (AutoConnectPlan.EndpointPlan e : plan.endpoints()) {
        out.addEndpoints(AutoConnectPlan.EndpointPlan.builder().from(e)
            .candidates(e.candidates().stream().map(this::lazy).toList()).build());
      }
      return out.build();
    }

    private Decision lazy(Decision d) {
      return Decision.builder().kind(d.kind()).allowed(d.allowed()).wording(() -> {
        worded.incrementAndGet();
        return new Decision.Wording(d.subject(), d.message(), d.reasons());
      }).build();
    }
  }

  @Test
  void overriddenVerdicts_areSplitFromTheOnesThatCount() {
    Decision d = Decision.builder().kind(CheckKind.CONNECTION).allowed(true)
        .subject("vlc:camera core:camera").message("connection allowed by custom rule \"x\"")
        .addReasons(Reason.of("x", DecisionLayer.CUSTOM_RULE, "the site says so"),
            Reason.overridden("connection: denied by slot rule", DecisionLayer.BASE_SLOT_RULE,
                "connection denied by slot rule of interface \"camera\": deny"))
        .build();
    PolicyEvaluator policy = new DelegatingPolicy(POLICY) {
      @Override
      public Decision checkConnection(ConnectCandidate candidate, DecisionContext context) {
        return d;
      }
    };
    DefaultInterfaceManager m = manager(policy);
    m.apply(install(vlc()));

    m.apply(connect("vlc:camera"));

    DecisionRecord r = batches.get(1).get(0);
    assertThat(r.reasons()).containsExactly(
        Reason.of("x", DecisionLayer.CUSTOM_RULE, "the site says so"));
    assertThat(r.overridden()).containsExactly(Reason.of("connection: denied by slot rule",
        DecisionLayer.BASE_SLOT_RULE,
        "connection denied by slot rule of interface \"camera\": deny"));
    assertThat(r.effect()).isEqualTo(Optional.empty());
  }

  @Test
  void entryFates_ofDisconnectRefreshAndRemoval_areLogged_whenTheyChangeSomething() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(install(vlc())); // auto: audio-playback, home, network
    m.apply(connect("vlc:camera")); // manual
    batches.clear();

    m.apply(disconnect("vlc:home"));
    DecisionRecord undesired = batches.get(0).get(0);
    assertThat(batches.get(0)).hasSize(1);
    assertThat(undesired.kind()).isEqualTo(DecisionRecord.Kind.ENTRY);
    assertThat(undesired.subject()).isEqualTo("vlc:home core:home");
    assertThat(undesired.entry()).contains(new DecisionRecord.EntryFate(
        EntryEvent.Kind.DISCONNECT, EntryPlan.Fate.UNDESIRED));
    assertThat(undesired.operation()).isEqualTo("disconnect vlc:home");
    assertThat(undesired.mode()).isEqualTo(Mode.COMMITTED);
    assertThat(undesired.message())
        .isEqualTo("state entry remembered as undesired on disconnect by rule \"fake\"");
    // a built-in rule's reason is what it matched: the entry as the event found it
    assertThat(undesired.reasons()).containsExactly(
        Reason.of("fake", DecisionLayer.LIFECYCLE, "automatic connection, in effect"));
    assertThat(undesired.effect()).isEmpty();
    assertThat(undesired.ruleSet()).isEqualTo(FakePolicy.class.getName());
    assertThat(undesired.generation()).isEqualTo(m.generation());

    // the manual camera connection goes dormant, network is dropped, the undesired home entry
    // that lost its plug stays remembered as it was: not logged
    m.apply(refresh(Snaps.snap("vlc").plugs("audio-playback").build()));
    assertThat(lines(batches.get(1))).containsExactly(
        "installation vlc allowed",
        "entry vlc:camera core:camera refresh kept",
        "entry vlc:network core:network refresh deleted");
    assertThat(batches.get(1).get(1).reasons().get(0).detail())
        .isEqualTo("manual connection, not in effect, plug gone");

    m.apply(remove("vlc"));
    assertThat(lines(batches.get(2))).containsExactly(
        "entry vlc:audio-playback core:audio-playback remove deleted",
        "entry vlc:camera core:camera remove retired",
        "entry vlc:home core:home remove retired");
    assertThat(batches).hasSize(3);
  }

  @Test
  void entryFates_simulatedAndRefused_carryTheirMode() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(install(vlc()));
    m.apply(connect("vlc:camera"));
    batches.clear();
    SystemState before = m.state();

    ChangeReport report = m.simulate(disconnect("vlc:camera"));

    assertThat(m.state()).isSameAs(before);
    DecisionRecord r = batches.get(0).get(0);
    assertThat(r.mode()).isEqualTo(Mode.SIMULATED);
    assertThat(r.generation()).isEqualTo(report.generation()).isEqualTo(before.generation() + 1);
    assertThat(lines(batches.get(0))).containsExactly(
        "entry vlc:camera core:camera disconnect deleted");
  }

  @Test
  void aSiteRulesEntryFate_isLoggedAsACustomRule_withItsOwnWords() {
    PolicyEvaluator policy = everyEntry(new EntryPlan.Outcome(EntryPlan.Fate.DELETE,
        "site: forget network", DecisionLayer.CUSTOM_RULE, "comes back on refresh"));
    DefaultInterfaceManager m = manager(policy);
    m.apply(install(vlc()));
    batches.clear();

    m.apply(disconnect("vlc:network"));

    DecisionRecord r = batches.get(0).get(0);
    assertThat(r.message()).isEqualTo(
        "state entry deleted on disconnect by custom rule \"site: forget network\"");
    assertThat(r.reasons()).containsExactly(
        Reason.of("site: forget network", DecisionLayer.CUSTOM_RULE, "comes back on refresh"));
    assertThat(r.allowed()).isTrue();
    // the plan named no built-in fate it overrode
    assertThat(r.overridden()).isEmpty();
    assertThat(r.entry().orElseThrow().overridden()).isEmpty();
  }

  @Test
  void aSiteRulesEntryFate_isLoggedWithTheBuiltinFateItOverrode_asAnOverriddenVerdict() {
    PolicyEvaluator policy = everyEntry(new EntryPlan.Outcome(EntryPlan.Fate.DELETE,
        "site: forget network", DecisionLayer.CUSTOM_RULE, "comes back on refresh",
        Optional.of(new EntryPlan.Overridden(EntryPlan.Fate.UNDESIRED, "lifecycle: remembered"))));
    DefaultInterfaceManager m = manager(policy);
    m.apply(install(vlc()));
    batches.clear();

    m.apply(disconnect("vlc:network"));

    DecisionRecord r = batches.get(0).get(0);
    assertThat(r.entry()).contains(new DecisionRecord.EntryFate(EntryEvent.Kind.DISCONNECT,
        EntryPlan.Fate.DELETE, Optional.of(EntryPlan.Fate.UNDESIRED)));
    assertThat(r.message()).isEqualTo(
        "state entry deleted on disconnect by custom rule \"site: forget network\"");
    assertThat(r.reasons()).containsExactly(
        Reason.of("site: forget network", DecisionLayer.CUSTOM_RULE, "comes back on refresh"));
    // worded as an overridden verdict: its message, a colon, what the built-in rule matched
    assertThat(r.overridden()).containsExactly(Reason.of("lifecycle: remembered",
        DecisionLayer.LIFECYCLE, "state entry remembered as undesired on disconnect by rule"
            + " \"lifecycle: remembered\": automatic connection, in effect"));
  }

  @Test
  void onlyASiteRulesFate_overridesAnother() {
    EntryPlan.Overridden builtin = new EntryPlan.Overridden(EntryPlan.Fate.UNDESIRED, "b");

    assertThatThrownBy(() -> new EntryPlan.Outcome(EntryPlan.Fate.DELETE, "lifecycle: x",
        DecisionLayer.LIFECYCLE, "", Optional.of(builtin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only a site rule's fate overrides another, not rule \"lifecycle: x\" of"
            + " layer LIFECYCLE");
    assertThat(new EntryPlan.Outcome(EntryPlan.Fate.DELETE, "lifecycle: x", "").overridden())
        .isEmpty();
    assertThat(builtin.layer()).isEqualTo(DecisionLayer.LIFECYCLE);
  }
}
