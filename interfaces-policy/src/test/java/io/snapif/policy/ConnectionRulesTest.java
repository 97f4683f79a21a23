package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.FALSE;
import static io.snapif.policy.Fixtures.TRUE;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.declaration;
import static io.snapif.policy.Fixtures.list;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.rule;
import static io.snapif.policy.Fixtures.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.DecisionLayer;
import io.snapif.model.InstalledSnap;
import io.snapif.policy.fact.PairCheck;
import io.snapif.policy.fact.Verdict;
import org.junit.jupiter.api.Test;

/** One test per rule of connection.drl: a hit and a near miss each. */
class ConnectionRulesTest {
  private static final InstalledSnap VLC = app("vlc").plug("camera", "camera").build();
  private static final InstalledSnap CORE_SNAP = core("camera");

  private static PairCheck check(InstalledSnap plugSnap, Declaration base) {
    return PairCheck.of(CheckKind.CONNECTION, pair(plugSnap, "camera", CORE_SNAP, "camera",
        CLASSIC), base, 0);
  }

  private static Verdict verdict(PairCheck check) {
    return RuleHarness.run(check).counted(check);
  }

  private static final ConstraintSet CORE_SLOT =
      ConstraintSet.builder().slotSnapTypes(list("core")).build();

  @Test
  void deniedByPlugRule() {
    Declaration base = declaration(rule(Side.PLUG, "camera", "deny-connection", TRUE));
    Verdict v = verdict(check(VLC, base));
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule denies");
    assertThat(v.getMessage()).isEqualTo("connection denied by plug rule of interface \"camera\"");
    Declaration notCore = declaration(rule(Side.PLUG, "camera", "deny-connection",
        when(ConstraintSet.builder().slotSnapTypes(list("app")).build())));
    assertThat(verdict(check(VLC, notCore)).getRule())
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void notAllowedByPlugRule() {
    Declaration base = declaration(rule(Side.PLUG, "camera", "allow-connection", FALSE));
    assertThat(verdict(check(VLC, base)).getRule())
        .isEqualTo("declarations: the deciding rule does not allow");
    Declaration coreOk = declaration(rule(Side.PLUG, "camera", "allow-connection",
        when(CORE_SLOT)));
    assertThat(verdict(check(VLC, coreOk)).getRule())
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void allowedByPlugRule_evenWhenTheBaseSlotRuleWouldDeny() {
    Declaration base = declaration(rule(Side.PLUG, "camera", "allow-connection", TRUE),
        rule(Side.SLOT, "camera", "deny-connection", TRUE));
    Verdict v = verdict(check(VLC, base));
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule allows");
    assertThat(v.isAllowed()).isTrue();
    Declaration slotOnly = declaration(rule(Side.SLOT, "camera", "deny-connection", TRUE));
    assertThat(verdict(check(VLC, slotOnly)).getRule())
        .isNotEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void deniedBySlotRule() {
    Declaration base = declaration(rule(Side.SLOT, "camera", "deny-connection", TRUE));
    Verdict v = verdict(check(VLC, base));
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule denies");
    assertThat(v.getMessage()).isEqualTo("connection denied by slot rule of interface \"camera\"");
    Declaration gadgetPlugs = declaration(rule(Side.SLOT, "camera", "deny-connection",
        when(ConstraintSet.builder().plugSnapTypes(list("gadget")).build())));
    assertThat(verdict(check(VLC, gadgetPlugs)).getRule())
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void notAllowedBySlotRule_namesTheFailedConstraint() {
    Declaration base = declaration(rule(Side.SLOT, "camera", "allow-connection",
        when(ConstraintSet.builder().plugPublisherIds(list("$SLOT_PUBLISHER_ID")).build())));
    Verdict v = verdict(check(VLC, base));
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule does not allow");
    assertThat(v.getDetail()).endsWith(
        "plug-publisher-id: \"dev-vlc\" does not match $SLOT_PUBLISHER_ID \"canonical\"");
    InstalledSnap canonical = app("vlc").publisher("canonical").plug("camera", "camera").build();
    assertThat(verdict(check(canonical, base)).getRule())
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void allowedBySlotRule() {
    Declaration base = declaration(rule(Side.SLOT, "camera", "allow-connection", TRUE));
    assertThat(verdict(check(VLC, base)).getRule()).isEqualTo("declarations: the deciding rule allows");
    assertThat(verdict(check(VLC, declaration(rule(Side.SLOT, "camera", "allow-connection",
        FALSE)))).getRule()).isEqualTo("declarations: the deciding rule does not allow");
  }

  @Test
  void allowedWithoutRule() {
    Verdict v = verdict(check(VLC, Declaration.empty()));
    assertThat(v.getRule()).isEqualTo("declarations: no rule for the interface, allowed");
    assertThat(v.getLayer()).isEqualTo(DecisionLayer.DEFAULT);
    assertThat(verdict(check(VLC, declaration(rule(Side.SLOT, "camera", "deny-connection",
        TRUE)))).getRule()).isNotEqualTo("declarations: no rule for the interface, allowed");
  }

  @Test
  void snapWithoutDeclaration_isNotChecked() {
    Declaration base = declaration(rule(Side.SLOT, "camera", "deny-connection", TRUE));
    InstalledSnap local = app("vlc").dangerous().plug("camera", "camera").build();
    Verdict v = verdict(check(local, base));
    assertThat(v.getRule()).isEqualTo("connection: not checked when a snap has no declaration");
    assertThat(v.isAllowed()).isTrue();
    assertThat(v.getLayer()).isEqualTo(DecisionLayer.LIFECYCLE);
    // auto-connection of the same pair is checked all the same
    PairCheck auto = PairCheck.of(CheckKind.AUTO_CONNECTION, pair(local, "camera", CORE_SNAP,
        "camera", CLASSIC), declaration(rule(Side.SLOT, "camera", "deny-auto-connection", TRUE)),
        0);
    assertThat(verdict(auto).getRule()).isEqualTo("declarations: the deciding rule denies");
  }

  // ---- through the evaluator -----------------------------------------------------------------

  @Test
  void evaluator_snapDeclarationGrant_namesTheSnapInItsMessages() {
    Declaration base = declaration(rule(Side.SLOT, "camera", "deny-connection", TRUE));
    DroolsPolicyEvaluator evaluator = DroolsPolicyEvaluator.builder().baseDeclaration(base)
        .build();
    assertThat(evaluator.checkConnection(pair(VLC, "camera", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isFalse();
    Declaration limited = declaration(rule(Side.PLUG, "camera", "allow-connection",
        when(ConstraintSet.builder().slotSnapTypes(list("app")).build())));
    InstalledSnap granted = app("vlc").declaration(limited).plug("camera", "camera").build();
    Decision d = evaluator.checkConnection(pair(granted, "camera", CORE_SNAP, "camera", CLASSIC));
    assertThat(d.allowed()).isFalse();
    assertThat(d.message())
        .isEqualTo("connection not allowed by plug rule of interface \"camera\" for \"vlc\" snap");
    assertThat(d.subject()).isEqualTo("vlc:camera core:camera");
    assertThat(d.reasons().get(0).layer()).isEqualTo(DecisionLayer.PLUG_SNAP_DECLARATION);
  }

  @Test
  void evaluator_rejectsPairsOfDifferentInterfaces() {
    InstalledSnap net = core("network");
    DroolsPolicyEvaluator evaluator = DroolsPolicyEvaluator.builder()
        .baseDeclaration(Declaration.empty()).build();
    assertThatThrownBy(() -> evaluator.checkConnection(io.snapif.spi.ConnectCandidate.builder()
        .plug(VLC.snap().plugs().get("camera")).plugSnap(VLC)
        .slot(net.snap().slots().get("network")).slotSnap(net).device(CLASSIC).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different interfaces");
  }
}
