package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.FALSE;
import static io.snapif.policy.Fixtures.TRUE;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.declaration;
import static io.snapif.policy.Fixtures.list;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.request;
import static io.snapif.policy.Fixtures.rule;
import static io.snapif.policy.Fixtures.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.declaration.Arity;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.DecisionLayer;
import io.snapif.manager.Reason;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.policy.fact.Candidate;
import io.snapif.policy.fact.PairCheck;
import io.snapif.policy.fact.Verdict;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectPlan.EndpointPlan;
import io.snapif.spi.AutoConnectPlan.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of auto-connection.drl: a hit and a near miss each. */
class AutoConnectionRulesTest {
  private static final InstalledSnap VLC = app("vlc").plug("camera", "camera").build();
  private static final InstalledSnap CORE_SNAP = core("camera");

  private static PairCheck check(InstalledSnap plugSnap, Declaration base) {
    return PairCheck.of(CheckKind.AUTO_CONNECTION, pair(plugSnap, "camera", CORE_SNAP, "camera",
        CLASSIC), base, 0);
  }

  private static Verdict verdict(PairCheck check) {
    return RuleHarness.run(check).counted(check);
  }

  // ---- verdicts ------------------------------------------------------------------------------

  @Test
  void deniedByPlugRule() {
    Declaration base = declaration(rule(Side.PLUG, "camera", "deny-auto-connection", TRUE));
    assertThat(verdict(check(VLC, base)).getRule())
        .isEqualTo("declarations: the deciding rule denies");
    Declaration connectionOnly = declaration(rule(Side.PLUG, "camera", "deny-connection", TRUE));
    assertThat(verdict(check(VLC, connectionOnly)).getRule())
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void notAllowedByPlugRule() {
    Declaration base = declaration(rule(Side.PLUG, "camera", "allow-auto-connection", FALSE));
    Verdict v = verdict(check(VLC, base));
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule does not allow");
    assertThat(v.getMessage())
        .isEqualTo("auto-connection not allowed by plug rule of interface \"camera\"");
    Declaration coreOk = declaration(rule(Side.PLUG, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().slotSnapTypes(list("core")).build())));
    assertThat(verdict(check(VLC, coreOk)).getRule())
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void allowedByPlugRule_aStoreGrantLiftsTheBaseDeny() {
    Declaration base = declaration(rule(Side.SLOT, "camera", "deny-auto-connection", TRUE));
    Declaration grant = declaration(rule(Side.PLUG, "camera", "allow-auto-connection", TRUE));
    InstalledSnap granted = app("vlc").declaration(grant).plug("camera", "camera").build();
    Verdict v = verdict(check(granted, base));
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule allows");
    assertThat(v.getLayer()).isEqualTo(DecisionLayer.PLUG_SNAP_DECLARATION);
    assertThat(verdict(check(VLC, base)).getRule())
        .isNotEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void deniedBySlotRule() {
    Declaration base = declaration(rule(Side.SLOT, "camera", "deny-auto-connection", TRUE));
    Verdict v = verdict(check(VLC, base));
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule denies");
    assertThat(v.getMessage())
        .isEqualTo("auto-connection denied by slot rule of interface \"camera\"");
    assertThat(verdict(check(VLC, Declaration.empty())).getRule())
        .isNotEqualTo("declarations: the deciding rule denies");
  }

  @Test
  void notAllowedBySlotRule() {
    Declaration base = declaration(rule(Side.SLOT, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().plugSnapTypes(list("gadget")).build())));
    assertThat(verdict(check(VLC, base)).getRule())
        .isEqualTo("declarations: the deciding rule does not allow");
    Declaration apps = declaration(rule(Side.SLOT, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().plugSnapTypes(list("app")).build())));
    assertThat(verdict(check(VLC, apps)).getRule())
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void allowedBySlotRule_carriesItsArity() {
    Declaration any = declaration(rule(Side.SLOT, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().slotsPerPlug(Arity.any()).build())));
    Verdict v = verdict(check(VLC, any));
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule allows");
    assertThat(v.isSlotsPerPlugAny()).isTrue();
    Declaration one = declaration(rule(Side.SLOT, "camera", "allow-auto-connection", TRUE));
    assertThat(verdict(check(VLC, one)).isSlotsPerPlugAny()).isFalse();
  }

  @Test
  void allowedWithoutRule() {
    Verdict v = verdict(check(VLC, Declaration.empty()));
    assertThat(v.getRule()).isEqualTo("declarations: no rule for the interface, allowed");
    assertThat(v.isSlotsPerPlugAny()).isFalse();
    assertThat(verdict(check(VLC, declaration(rule(Side.PLUG, "camera", "allow-connection",
        TRUE)))).getRule()).isNotEqualTo("declarations: no rule for the interface, allowed");
  }

  @Test
  void netlinkDriver_needsTheSameFamilyName() {
    InstalledSnap driver = app("drv").plug("nl", "netlink-driver", "family-name", "foo").build();
    InstalledSnap gadget = app("gadget").slot("nl", "netlink-driver", "family-name", "bar")
        .build();
    InstalledSnap same = app("same").slot("nl", "netlink-driver", "family-name", "foo").build();
    PairCheck differ = PairCheck.of(CheckKind.AUTO_CONNECTION, pair(driver, "nl", gadget, "nl",
        CLASSIC), Declaration.empty(), 0);
    Verdict v = verdict(differ);
    assertThat(v.getRule()).isEqualTo("auto-connection: netlink-driver needs the same family-name");
    assertThat(v.getLayer()).isEqualTo(DecisionLayer.INTERFACE);
    assertThat(v.isAllowed()).isFalse();
    PairCheck matching = PairCheck.of(CheckKind.AUTO_CONNECTION, pair(driver, "nl", same, "nl",
        CLASSIC), Declaration.empty(), 0);
    assertThat(verdict(matching).isAllowed()).isTrue();
  }

  @Test
  void slotRule_ignoresSlotSideIdentityConstraints() {
    // snapd reads only the plug side's identity in a slot rule's connection constraints
    Declaration base = declaration(rule(Side.SLOT, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().slotSnapIds(list("nothing-id")).build())));
    assertThat(verdict(check(VLC, base)).isAllowed()).isTrue();
    Declaration plugSide = declaration(rule(Side.SLOT, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().plugSnapIds(list("nothing-id")).build())));
    assertThat(verdict(check(VLC, plugSide)).isAllowed()).isFalse();
  }

  @Test
  void allowedPair_isACandidate() {
    PairCheck allowed = check(VLC, Declaration.empty());
    assertThat(RuleHarness.run(allowed).all(Candidate.class)).singleElement()
        .satisfies(c -> assertThat(c.getPair()).isSameAs(allowed))
        .satisfies(c -> assertThat(c.getVerdict().getCheck()).isSameAs(allowed));
    PairCheck denied = check(VLC, declaration(rule(Side.SLOT, "camera", "deny-auto-connection",
        TRUE)));
    assertThat(RuleHarness.run(denied).all(Candidate.class)).isEmpty();
  }

  // ---- arity and state, through plans --------------------------------------------------------

  private static final Declaration OPEN = Declaration.empty();

  private static EndpointPlan plugPlan(AutoConnectPlan plan, String name) {
    return plan.endpoints().stream().filter(e -> e.side() == Side.PLUG && e.name().equals(name))
        .findFirst().orElseThrow();
  }

  private static EndpointPlan slotPlan(AutoConnectPlan plan, String name) {
    return plan.endpoints().stream().filter(e -> e.side() == Side.SLOT && e.name().equals(name))
        .findFirst().orElseThrow();
  }

  private static DroolsPolicyEvaluator evaluator(Declaration base) {
    return DroolsPolicyEvaluator.builder().baseDeclaration(base).build();
  }

  private static final InstalledSnap CAM_A = app("cam-a").slot("camera", "camera").build();
  private static final InstalledSnap CAM_B = app("cam-b").slot("camera", "camera").build();

  @Test
  void onlyCandidate_isConnected() {
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(VLC, List.of(VLC, CAM_A),
        CLASSIC));
    EndpointPlan camera = plugPlan(plan, "camera");
    assertThat(camera.outcome()).isEqualTo(Outcome.CONNECT);
    assertThat(camera.connect()).containsExactly(ConnectionId.parse("vlc:camera cam-a:camera"));
    assertThat(camera.reasons()).extracting(Reason::rule)
        .contains("auto-connection: connect the only candidate");
    // near miss: a second candidate makes it ambiguous
    AutoConnectPlan two = evaluator(OPEN).planAutoConnect(request(VLC, List.of(VLC, CAM_A, CAM_B),
        CLASSIC));
    assertThat(plugPlan(two, "camera").connect()).isEmpty();
  }

  @Test
  void everyCandidate_isConnectedWhenEachAllowsAnyNumberOfSlots() {
    Declaration greedy = declaration(rule(Side.PLUG, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().slotsPerPlug(Arity.any()).build())));
    InstalledSnap vlc = app("vlc").declaration(greedy).plug("camera", "camera").build();
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(vlc,
        List.of(vlc, CAM_A, CAM_B), CLASSIC));
    EndpointPlan camera = plugPlan(plan, "camera");
    assertThat(camera.outcome()).isEqualTo(Outcome.CONNECT);
    assertThat(camera.connect()).hasSize(2);
    assertThat(camera.candidates()).allSatisfy(d ->
        assertThat(d.slotsPerPlug()).contains(Arity.any()));
    assertThat(camera.reasons()).extracting(Reason::rule)
        .contains("auto-connection: connect every candidate when each allows any number of slots");
    // near miss: slots-per-plug 2 counts as 1 in snapd: ambiguous
    Declaration two = declaration(rule(Side.PLUG, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().slotsPerPlug(Arity.of(2)).build())));
    InstalledSnap vlc2 = app("vlc").declaration(two).plug("camera", "camera").build();
    assertThat(plugPlan(evaluator(OPEN).planAutoConnect(request(vlc2,
        List.of(vlc2, CAM_A, CAM_B), CLASSIC)), "camera").outcome()).isEqualTo(Outcome.AMBIGUOUS);
  }

  @Test
  void severalCandidates_areAmbiguous_andListed() {
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(VLC,
        List.of(VLC, CAM_A, CAM_B), CLASSIC));
    EndpointPlan camera = plugPlan(plan, "camera");
    assertThat(camera.outcome()).isEqualTo(Outcome.AMBIGUOUS);
    assertThat(camera.reasons()).filteredOn(r -> r.rule().equals(
        "auto-connection: ambiguous candidates")).singleElement()
        .satisfies(r -> assertThat(r.detail()).isEqualTo(
            "cannot auto-connect plug vlc:camera, candidates found: cam-a:camera, cam-b:camera"));
    // near miss: one of them denied leaves a single candidate
    // (a plug rule constrains the slot side; a slot rule's slot-snap-id would be ignored)
    Declaration noB = declaration(rule(Side.PLUG, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().slotSnapIds(list("cam-a-id")).build())));
    assertThat(plugPlan(evaluator(noB).planAutoConnect(request(VLC,
        List.of(VLC, CAM_A, CAM_B), CLASSIC)), "camera").outcome()).isEqualTo(Outcome.CONNECT);
  }

  @Test
  void plannedConnection_notInState_isCreated() {
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(VLC, List.of(VLC, CAM_A),
        CLASSIC));
    assertThat(plan.connections()).containsExactly(ConnectionId.parse("vlc:camera cam-a:camera"));
    assertThat(plugPlan(plan, "camera").reasons()).extracting(Reason::rule)
        .contains("auto-connection: create the planned connection");
    Connection established = Connection.builder()
        .id(ConnectionId.parse("vlc:camera cam-a:camera")).iface("camera").auto(true).build();
    assertThat(evaluator(OPEN).planAutoConnect(request(VLC, List.of(VLC, CAM_A), CLASSIC,
        established)).connections()).isEmpty();
  }

  @Test
  void pairInState_isNotCreatedAgain() {
    Connection undesired = Connection.builder().id(ConnectionId.parse("vlc:camera cam-a:camera"))
        .iface("camera").auto(true).undesired(true).build();
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(VLC, List.of(VLC, CAM_A),
        CLASSIC, undesired));
    EndpointPlan camera = plugPlan(plan, "camera");
    assertThat(camera.outcome()).isEqualTo(Outcome.ALREADY_PRESENT);
    assertThat(camera.connect()).isEmpty();
    assertThat(camera.reasons()).filteredOn(r -> r.rule().equals(
        "auto-connection: a pair already in state is not created again")).singleElement()
        .satisfies(r -> assertThat(r.detail()).contains("undesired"));
    // near miss: an entry of another pair does not block this one
    Connection other = Connection.builder().id(ConnectionId.parse("vlc:camera cam-b:camera"))
        .iface("camera").auto(true).undesired(true).build();
    assertThat(plugPlan(evaluator(OPEN).planAutoConnect(request(VLC, List.of(VLC, CAM_A),
        CLASSIC, other)), "camera").outcome()).isEqualTo(Outcome.CONNECT);
  }

  @Test
  void pairInState_stillCountsForAmbiguity() {
    Connection established = Connection.builder()
        .id(ConnectionId.parse("vlc:camera cam-a:camera")).iface("camera").auto(true).build();
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(VLC,
        List.of(VLC, CAM_A, CAM_B), CLASSIC, established));
    assertThat(plugPlan(plan, "camera").outcome()).isEqualTo(Outcome.AMBIGUOUS);
    assertThat(plan.connections()).isEmpty();
  }

  // ---- the slot side -------------------------------------------------------------------------

  @Test
  void slotSide_connectsAPlugWhoseOnlyCandidateIsTheNewSlot() {
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(CAM_A, List.of(VLC, CAM_A),
        CLASSIC));
    EndpointPlan camera = slotPlan(plan, "camera");
    assertThat(camera.outcome()).isEqualTo(Outcome.CONNECT);
    assertThat(camera.connect()).containsExactly(ConnectionId.parse("vlc:camera cam-a:camera"));
  }

  @Test
  void slotSide_aPlugWithAnotherCandidateSlotIsNotConnected() {
    // vlc's camera plug could also take cam-b's slot: snapd connects neither
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(CAM_A,
        List.of(VLC, CAM_A, CAM_B), CLASSIC));
    EndpointPlan camera = slotPlan(plan, "camera");
    assertThat(camera.outcome()).isEqualTo(Outcome.AMBIGUOUS);
    assertThat(camera.reasons()).extracting(Reason::detail).contains(
        "cannot auto-connect slot cam-a:camera to plug vlc:camera, candidates found: "
            + "cam-a:camera, cam-b:camera");
    // near miss: the other slot denied by the base declaration leaves the new one alone
    Declaration onlyA = declaration(rule(Side.PLUG, "camera", "allow-auto-connection",
        when(ConstraintSet.builder().slotSnapIds(list("cam-a-id")).build())));
    assertThat(slotPlan(evaluator(onlyA).planAutoConnect(request(CAM_A,
        List.of(VLC, CAM_A, CAM_B), CLASSIC)), "camera").outcome()).isEqualTo(Outcome.CONNECT);
  }

  @Test
  void ownPlugAndOwnSlot_areDecidedOnce() {
    InstalledSnap loop = app("loop").plug("camera", "camera").slot("cam", "camera").build();
    AutoConnectPlan plan = evaluator(OPEN).planAutoConnect(request(loop, List.of(loop),
        CLASSIC));
    assertThat(plan.connections()).containsExactly(ConnectionId.parse("loop:camera loop:cam"));
    Decision fromPlug = plugPlan(plan, "camera").candidates().get(0);
    Decision fromSlot = slotPlan(plan, "cam").candidates().get(0);
    assertThat(fromPlug).isSameAs(fromSlot);
  }
}
