package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.TRUE;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.declaration;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.request;
import static io.snapif.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.ConnectionLookup;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.DecisionContext.Mode;
import io.snapif.spi.DecisionContext.OperationKind;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What custom rules can see of a decision's circumstances: the {@code ExistingConnection}s they
 * count, the {@code Operation} (committed, simulated or explained), and {@code
 * Verdict.allowAll} for auto-connections of any number of slots. The rules here are the ones
 * docs/custom-rules.md shows.
 */
class DecisionContextRulesTest {
  private static final String HEADER = """
      package site.rules;
      import io.snapif.declaration.CheckKind;
      import io.snapif.policy.fact.ExistingConnection;
      import io.snapif.policy.fact.EntryFate;
      import io.snapif.policy.fact.InstallationCheck;
      import io.snapif.policy.fact.Operation;
      import io.snapif.policy.fact.PairCheck;
      import io.snapif.policy.fact.TouchedEntry;
      import io.snapif.policy.fact.Verdict;
      import io.snapif.spi.DecisionContext.Mode;
      import io.snapif.spi.DecisionContext.OperationKind;
      import io.snapif.spi.EntryPlan.Fate;
      """;

  /** As in docs/custom-rules.md and the sample camera-at-most-two.drl. */
  private static final String CAMERA_CAP = HEADER + """
      rule "site: a snap holds at most two camera connections"
      when
        $c : PairCheck(kind != CheckKind.INSTALLATION, iface == "camera")
        accumulate(ExistingConnection(iface == "camera", plugSnap == $c.plugSnap, id != $c.id);
                   $n : count();
                   $n >= 2)
      then
        insert(Verdict.deny(drools.getRule().getName(), $c,
            $c.getPlugSnap() + " holds " + $n + " camera connections already"));
      end
      """;

  private static final String CAP_MESSAGE = "connection denied by custom rule \"site: a snap"
      + " holds at most two camera connections\"";

  private static final InstalledSnap CORE_SNAP = core("camera", "home", "network");
  private static final InstalledSnap MULTICAM = app("multicam")
      .plug("front", "camera").plug("back", "camera").plug("side", "camera").build();

  private static DroolsPolicyEvaluator site(String drl) {
    return DroolsPolicyEvaluator.builder().addRules("site.drl", drl).build();
  }

  private static Connection manual(String id) {
    ConnectionId cid = ConnectionId.parse(id);
    return Connection.builder().id(cid).iface(cid.slot().name()).build();
  }

  /** The connections in effect of a small state, as the manager's lookup gives them. */
  private static ConnectionLookup lookup(Connection... connections) {
    return snap -> List.of(connections).stream()
        .filter(c -> c.id().plug().snap().equals(snap) || c.id().slot().snap().equals(snap))
        .sorted((a, b) -> a.id().compareTo(b.id()))
        .toList();
  }

  private static DecisionContext committed(ConnectionLookup lookup) {
    return new DecisionContext(OperationKind.CONNECT, Mode.COMMIT, lookup);
  }

  // ---- counting existing connections ---------------------------------------------------------

  @Test
  void capRule_refusesTheThirdCameraConnectionOfASnap() {
    DroolsPolicyEvaluator site = site(CAMERA_CAP);
    Connection front = manual("multicam:front core:camera");
    Connection back = manual("multicam:back core:camera");
    // another snap's camera connection is on the same slot, but not multicam's
    Connection other = manual("cheese:camera core:camera");

    Decision third = site.checkConnection(pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC),
        committed(lookup(front, back, other)));
    Decision second = site.checkConnection(pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC),
        committed(lookup(front, other)));
    Decision again = site.checkConnection(pair(MULTICAM, "front", CORE_SNAP, "camera", CLASSIC),
        committed(lookup(front, back, other)));

    assertThat(third.allowed()).isFalse();
    assertThat(third.message()).isEqualTo(CAP_MESSAGE);
    assertThat(third.reasons().get(0).detail())
        .isEqualTo("multicam holds 2 camera connections already");
    assertThat(second.allowed()).as("one existing camera connection of multicam").isTrue();
    assertThat(again.allowed()).as("the pair itself is left out of the count").isTrue();
    // without a context there are no connections to count
    assertThat(site.checkConnection(pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isTrue();
  }

  @Test
  void capRule_countsInAutoConnectToo() {
    DroolsPolicyEvaluator site = site(CAMERA_CAP);
    // multicam's declaration grants auto-connecting the camera
    InstalledSnap granted = app("multicam").declaration(declaration(rule(Side.PLUG, "camera",
            "allow-auto-connection", TRUE)))
        .plug("front", "camera").plug("back", "camera").plug("side", "camera").build();
    Connection front = manual("multicam:front core:camera");
    Connection back = manual("multicam:back core:camera");

    AutoConnectPlan plan = site.planAutoConnect(
        request(granted, List.of(granted, CORE_SNAP), CLASSIC, front, back),
        new DecisionContext(OperationKind.REFRESH, Mode.COMMIT, lookup(front, back)));
    AutoConnectPlan fresh = site.planAutoConnect(
        request(granted, List.of(granted, CORE_SNAP), CLASSIC),
        new DecisionContext(OperationKind.INSTALL, Mode.COMMIT, lookup()));

    AutoConnectPlan.EndpointPlan side = plan.endpoints().get(2);
    assertThat(side.name()).isEqualTo("side");
    assertThat(side.outcome()).isEqualTo(AutoConnectPlan.Outcome.NONE);
    assertThat(side.candidates().get(0).message()).isEqualTo("auto-" + CAP_MESSAGE);
    assertThat(plan.connections()).isEmpty();
    // the connections one plan makes do not count toward each other (documented): all three
    assertThat(fresh.connections()).hasSize(3);
  }

  @Test
  void capRule_throughTheManager_countsWhatTheOperationsMade() {
    InterfaceManager m = InterfaceManager.builder().policy(site(CAMERA_CAP)).build();
    m.apply(new Operation.Install(MULTICAM));
    m.apply(connect("multicam", "front"));
    m.apply(connect("multicam", "back"));

    assertThatThrownBy(() -> m.apply(connect("multicam", "side")))
        .isInstanceOf(OperationException.class)
        .hasMessageContaining(CAP_MESSAGE + ": multicam holds 2 camera connections already");
    m.apply(new Operation.Disconnect("multicam", "front", Optional.of(""), Optional.of("camera"),
        false));
    m.apply(connect("multicam", "side"));
    assertThat(m.established().keySet()).extracting(ConnectionId::toString)
        .containsExactly("multicam:back core:camera", "multicam:side core:camera");
  }

  @Test
  void slotCap_countsTheConnectionsOfTheSlot() {
    // as in docs/custom-rules.md
    DroolsPolicyEvaluator site = site(HEADER + """
        rule "site: a slot serves at most five plugs"
        when
          $c : PairCheck(kind != CheckKind.INSTALLATION, slotSnap != "core")
          accumulate(ExistingConnection(slotRef == $c.slotRef, id != $c.id); $n : count(); $n >= 5)
        then
          insert(Verdict.deny(drools.getRule().getName(), $c, "the slot serves five plugs already"));
        end
        """);
    InstalledSnap hub = app("hub").slot("feed", "content", "content", "feed")
        .slot("other", "content", "content", "feed").build();
    InstalledSnap reader = app("reader").plug("feed", "content", "content", "feed").build();
    List<Connection> five = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      five.add(manual("r" + i + ":feed hub:feed"));
    }
    List<Connection> fourAndOther = new ArrayList<>(five.subList(0, 4));
    fourAndOther.add(manual("r5:feed hub:other"));

    Decision sixth = site.checkConnection(pair(reader, "feed", hub, "feed", CLASSIC),
        committed(lookup(five.toArray(Connection[]::new))));
    Decision fifth = site.checkConnection(pair(reader, "feed", hub, "feed", CLASSIC),
        committed(lookup(fourAndOther.toArray(Connection[]::new))));

    assertThat(sixth.allowed()).isFalse();
    assertThat(sixth.reasons().get(0).detail()).isEqualTo("the slot serves five plugs already");
    assertThat(fifth.allowed()).as(fifth.toString()).isTrue();
  }

  @Test
  void existingConnections_areThoseOfThePlugSnapAndTheSlotOnly() {
    // reports what it counted, by id
    DroolsPolicyEvaluator site = site(HEADER + """
        rule "site: report"
        when
          $c : PairCheck()
          accumulate(ExistingConnection($id : id); $all : collectList($id))
        then
          insert(Verdict.allow(drools.getRule().getName(), $c,
              $all.stream().map(String::valueOf).sorted().toList().toString()));
        end
        """);
    ConnectionLookup state = lookup(
        manual("multicam:front core:camera"),
        manual("multicam:home core:home"),
        manual("cheese:camera core:camera"),
        manual("cheese:network core:network"),
        manual("vlc:home core:home"));

    Decision d = site.checkConnection(pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC),
        committed(state));

    assertThat(d.reasons().get(0).detail()).isEqualTo("[cheese:camera core:camera,"
        + " multicam:front core:camera, multicam:home core:home]");
  }

  @Test
  void existingConnections_areNotLookedUpWithoutCustomRules() {
    AtomicInteger asked = new AtomicInteger();
    ConnectionLookup counting = snap -> {
      asked.incrementAndGet();
      return List.of();
    };
    DecisionContext context = committed(counting);
    DroolsPolicyEvaluator builtin = DroolsPolicyEvaluator.builtin();
    builtin.checkConnection(pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC), context);
    builtin.planAutoConnect(request(MULTICAM, List.of(MULTICAM, CORE_SNAP), CLASSIC), context);
    builtin.checkInstallation(MULTICAM, CLASSIC, context);
    assertThat(asked).hasValue(0);
    // with custom rules it is asked
    site(CAMERA_CAP).checkConnection(pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC),
        context);
    assertThat(asked.get()).isPositive();
  }

  // ---- slots-per-plug: * for a custom allow --------------------------------------------------

  private static final InstalledSnap VIEWER = app("theme-viewer").plug("themes", "content").build();
  private static final InstalledSnap THEMES = app("gtk-common-themes")
      .slot("gtk-3-themes", "content").slot("icon-themes", "content")
      .slot("sound-themes", "content").build();

  private static String themesRule(String factory, String slotCondition) {
    return HEADER + """
        rule "site: theme-viewer takes the themes"
        when
          $c : PairCheck(kind == CheckKind.AUTO_CONNECTION, plugSnap == "theme-viewer",
                         slotSnap == "gtk-common-themes"%s)
        then
          insert(Verdict.%s(drools.getRule().getName(), $c, "site grant"));
        end
        """.formatted(slotCondition, factory);
  }

  private static AutoConnectPlan.EndpointPlan themesPlan(String... drls) {
    var policy = DroolsPolicyEvaluator.builder();
    for (int i = 0; i < drls.length; i++) {
      policy.addRules("site" + i + ".drl", drls[i]);
    }
    return policy.build().planAutoConnect(
        request(VIEWER, List.of(VIEWER, THEMES, CORE_SNAP), CLASSIC)).endpoints().get(0);
  }

  @Test
  void allowAll_connectsAPlugToAllItsCandidates() {
    AutoConnectPlan.EndpointPlan all = themesPlan(themesRule("allowAll", ""));
    AutoConnectPlan.EndpointPlan one = themesPlan(themesRule("allow", ""));
    // two slots say *, the third does not: the plug is ambiguous (every allowing rule must)
    AutoConnectPlan.EndpointPlan mixed = themesPlan(
        themesRule("allowAll", ", slotName != \"sound-themes\""),
        themesRule("allow", ", slotName == \"sound-themes\"").replace("takes the themes",
            "takes the sounds"));

    assertThat(all.outcome()).isEqualTo(AutoConnectPlan.Outcome.CONNECT);
    assertThat(all.connect()).extracting(ConnectionId::toString).containsExactly(
        "theme-viewer:themes gtk-common-themes:gtk-3-themes",
        "theme-viewer:themes gtk-common-themes:icon-themes",
        "theme-viewer:themes gtk-common-themes:sound-themes");
    assertThat(all.candidates().get(0).message()).isEqualTo("auto-connection allowed by custom"
        + " rule \"site: theme-viewer takes the themes\"");
    assertThat(one.outcome()).isEqualTo(AutoConnectPlan.Outcome.AMBIGUOUS);
    assertThat(one.connect()).isEmpty();
    assertThat(mixed.outcome()).isEqualTo(AutoConnectPlan.Outcome.AMBIGUOUS);
    assertThat(mixed.connect()).isEmpty();
    // a single candidate connects either way
    AutoConnectPlan.EndpointPlan single = themesPlan(
        themesRule("allowAll", ", slotName == \"icon-themes\""));
    assertThat(single.connect()).extracting(ConnectionId::toString)
        .containsExactly("theme-viewer:themes gtk-common-themes:icon-themes");
  }

  @Test
  void allowAll_isForAutoConnectionChecksOnly() {
    DroolsPolicyEvaluator site = site(HEADER + """
        rule "site: all cameras"
        when $c : PairCheck(kind == CheckKind.CONNECTION)
        then insert(Verdict.allowAll(drools.getRule().getName(), $c, "all"));
        end
        """);
    assertThatThrownBy(() -> site.checkConnection(
        pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC)))
        .isInstanceOf(RuleExecutionException.class)
        .hasMessageContaining("policy rule \"site: all cameras\" failed")
        .hasMessageContaining("allowAll is for auto-connection checks (slots-per-plug), not for"
            + " connection of multicam:side core:camera");
  }

  // ---- the operation -------------------------------------------------------------------------

  private static String denyCameraWhen(String mode) {
    return HEADER + """
        rule "site: camera decided by mode"
        when
          Operation(mode == Mode.%s)
          $c : PairCheck(iface == "camera")
        then
          insert(Verdict.deny(drools.getRule().getName(), $c, "not now"));
        end
        """.formatted(mode);
  }

  @Test
  void operationMode_letsARuleDenyOnlyCommittedOperations() {
    DroolsPolicyEvaluator commitOnly = site(denyCameraWhen("COMMIT"));
    DroolsPolicyEvaluator simulateOnly = site(denyCameraWhen("SIMULATE"));
    List<String> seen = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      DecisionContext context = DecisionContext.of(OperationKind.CONNECT, mode);
      for (DroolsPolicyEvaluator site : List.of(commitOnly, simulateOnly)) {
        Decision d = site.checkConnection(
            pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC), context);
        seen.add(mode + ":" + (site == commitOnly ? "commit-rule" : "simulate-rule") + "="
            + d.allowed());
      }
    }
    assertThat(seen).containsExactly(
        "COMMIT:commit-rule=false", "COMMIT:simulate-rule=true",
        "SIMULATE:commit-rule=true", "SIMULATE:simulate-rule=false",
        "EXPLAIN:commit-rule=true", "EXPLAIN:simulate-rule=true");
    // asked without a context: counts as committed
    assertThat(commitOnly.checkConnection(pair(MULTICAM, "side", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isFalse();
  }

  @Test
  void operation_throughTheManager_simulateAndExplainDifferFromApply() {
    InterfaceManager m = InterfaceManager.builder().policy(site(denyCameraWhen("COMMIT")))
        .build();
    m.apply(new Operation.Install(MULTICAM));

    assertThat(m.simulate(connect("multicam", "side")).added()).hasSize(1);
    assertThat(m.explain("multicam", "side").connectDecisions().get(0).allowed()).isTrue();
    assertThatThrownBy(() -> m.apply(connect("multicam", "side")))
        .isInstanceOf(OperationException.class)
        .hasMessageContaining("\"site: camera decided by mode\": not now");
    assertThat(m.established()).isEmpty();
  }

  @Test
  void operationKind_isInInstallationAndLifecycleSessions() {
    DroolsPolicyEvaluator site = site(HEADER + """
        rule "site: no camera plugs added by a refresh"
        when
          Operation(kind == OperationKind.REFRESH)
          $c : InstallationCheck(iface == "camera")
        then
          insert(Verdict.deny(drools.getRule().getName(), $c, "refreshes keep their plugs"));
        end

        rule "site: a simulated disconnect forgets"
        when
          Operation(mode == Mode.SIMULATE)
          $e : TouchedEntry()
        then
          insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.DELETE, "dry"));
        end
        """);
    assertThat(site.checkInstallation(MULTICAM, CLASSIC,
        DecisionContext.of(OperationKind.INSTALL, Mode.COMMIT)).allowed()).isTrue();
    assertThat(site.checkInstallation(MULTICAM, CLASSIC,
        DecisionContext.of(OperationKind.REFRESH, Mode.COMMIT)).allowed()).isFalse();

    Connection auto = Connection.builder().id(ConnectionId.parse("multicam:front core:camera"))
        .iface("camera").auto(true).build();
    EntryEvent disconnect = new EntryEvent(EntryEvent.Kind.DISCONNECT, "multicam", false,
        List.of(new EntryEvent.Touched(auto, true, true, true)));
    EntryPlan.Fate committed = site.planEntries(disconnect,
        DecisionContext.of(OperationKind.DISCONNECT, Mode.COMMIT)).outcome(auto.id()).fate();
    EntryPlan.Fate simulated = site.planEntries(disconnect,
        DecisionContext.of(OperationKind.DISCONNECT, Mode.SIMULATE)).outcome(auto.id()).fate();
    assertThat(committed).isEqualTo(EntryPlan.Fate.UNDESIRED);
    assertThat(simulated).isEqualTo(EntryPlan.Fate.DELETE);
  }

  private static Operation.Connect connect(String snap, String plug) {
    return new Operation.Connect(snap, plug, Optional.empty(), Optional.empty());
  }
}
