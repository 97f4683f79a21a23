package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.TRUE;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.declaration;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Side;
import io.snapif.manager.DecisionLayer;
import io.snapif.model.InstalledSnap;
import io.snapif.policy.fact.PairCheck;
import io.snapif.policy.fact.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Which layer decides a check (its DecidingRule), and one test per rule of precedence.drl: a hit
 * and a near miss each.
 */
class PrecedenceRulesTest {
  private static final Declaration BASE_BOTH = declaration(
      rule(Side.PLUG, "camera", "allow-connection", TRUE),
      rule(Side.SLOT, "camera", "deny-connection", TRUE));
  private static final Declaration BASE_SLOT_ONLY = declaration(
      rule(Side.SLOT, "camera", "deny-connection", TRUE));

  private static PairCheck check(Declaration base, Declaration plugDecl, Declaration slotDecl) {
    InstalledSnap plugSnap = app("vlc").declaration(plugDecl).plug("camera", "camera").build();
    InstalledSnap slotSnap = app("cams").declaration(slotDecl).slot("camera", "camera").build();
    return PairCheck.of(CheckKind.CONNECTION, pair(plugSnap, "camera", slotSnap, "camera",
        CLASSIC), base, 0);
  }

  private static DecisionLayer decidingLayer(PairCheck check) {
    return check.getDecidingRule().getLayer();
  }

  private static final Declaration PLUG_GRANT =
      declaration(rule(Side.PLUG, "camera", "allow-connection", TRUE));
  private static final Declaration SLOT_GRANT =
      declaration(rule(Side.SLOT, "camera", "allow-connection", TRUE));

  @Test
  void plugSnapDeclaration_decidesBeforeEveryOtherLayer() {
    assertThat(decidingLayer(check(BASE_BOTH, PLUG_GRANT, SLOT_GRANT)))
        .isEqualTo(DecisionLayer.PLUG_SNAP_DECLARATION);
    // near miss: a plug rule for another interface is no rule for this one
    Declaration other = declaration(rule(Side.PLUG, "network", "allow-connection", TRUE));
    assertThat(decidingLayer(check(BASE_BOTH, other, Declaration.empty())))
        .isEqualTo(DecisionLayer.BASE_PLUG_RULE);
  }

  @Test
  void slotSnapDeclaration_decidesWhenThePlugSnapHasNoRule() {
    assertThat(decidingLayer(check(BASE_BOTH, Declaration.empty(), SLOT_GRANT)))
        .isEqualTo(DecisionLayer.SLOT_SNAP_DECLARATION);
    // near miss: a slot rule in the PLUG snap's declaration is not the slot snap's
    assertThat(decidingLayer(check(BASE_BOTH, SLOT_GRANT, Declaration.empty())))
        .isEqualTo(DecisionLayer.BASE_PLUG_RULE);
  }

  @Test
  void basePlugRule_decidesBeforeTheBaseSlotRule() {
    assertThat(decidingLayer(check(BASE_BOTH, Declaration.empty(), Declaration.empty())))
        .isEqualTo(DecisionLayer.BASE_PLUG_RULE);
    assertThat(decidingLayer(check(BASE_SLOT_ONLY, Declaration.empty(), Declaration.empty())))
        .isNotEqualTo(DecisionLayer.BASE_PLUG_RULE);
  }

  @Test
  void baseSlotRule_decidesWhenItIsTheOnlyRule() {
    assertThat(decidingLayer(check(BASE_SLOT_ONLY, Declaration.empty(), Declaration.empty())))
        .isEqualTo(DecisionLayer.BASE_SLOT_RULE);
    assertThat(decidingLayer(check(BASE_SLOT_ONLY, Declaration.empty(), SLOT_GRANT)))
        .isEqualTo(DecisionLayer.SLOT_SNAP_DECLARATION);
  }

  @Test
  void noLayer_givesTheDefault() {
    assertThat(decidingLayer(check(Declaration.empty(), Declaration.empty(),
        Declaration.empty()))).isEqualTo(DecisionLayer.DEFAULT);
    assertThat(decidingLayer(check(BASE_SLOT_ONLY, Declaration.empty(), Declaration.empty())))
        .isNotEqualTo(DecisionLayer.DEFAULT);
  }

  @Test
  void uncheckedConnection_isDecidedByNoDeclarationLayer() {
    InstalledSnap local = app("vlc").dangerous().plug("camera", "camera").build();
    PairCheck check = PairCheck.of(CheckKind.CONNECTION,
        pair(local, "camera", core("camera"), "camera", CLASSIC), BASE_BOTH, 0);
    assertThat(check.getDecidingRule().getLayer()).isEqualTo(DecisionLayer.LIFECYCLE);
    assertThat(check.getDecidingRule().rule()).isEmpty();
    assertThat(RuleHarness.run(check).counted(check).getRule())
        .isEqualTo("connection: not checked when a snap has no declaration");
  }

  // ---- which verdict counts ------------------------------------------------------------------

  private static PairCheck deniedByBase() {
    return check(BASE_SLOT_ONLY, Declaration.empty(), Declaration.empty());
  }

  @Test
  void customDeny_wins() {
    PairCheck allowed = check(Declaration.empty(), Declaration.empty(), Declaration.empty());
    RuleHarness run = RuleHarness.run(allowed, Verdict.deny("site: no", allowed, "why"));
    assertThat(run.counted(allowed).getRule()).isEqualTo("site: no");
    assertThat(run.counted(allowed).isAllowed()).isFalse();
    assertThat(run.overridingRules(allowed)).containsExactly("precedence: a custom deny wins");
    // near miss: a custom allow is not a deny
    RuleHarness allow = RuleHarness.run(allowed, Verdict.allow("site: yes", allowed, "why"));
    assertThat(allow.overridingRules(allowed)).doesNotContain("precedence: a custom deny wins");
  }

  @Test
  void interfaceRefusal_beatsTheDeclarationsAndACustomAllow() {
    PairCheck check = check(Declaration.empty(), Declaration.empty(), Declaration.empty());
    RuleHarness run = RuleHarness.run(check, Verdict.refusedByInterface("iface", check, "no"),
        Verdict.allow("site: yes", check, "why"));
    assertThat(run.counted(check).getRule()).isEqualTo("iface");
    assertThat(run.overridingRules(check)).contains("precedence: the interface refuses");
    // near miss: a custom deny takes precedence over the interface
    RuleHarness denied = RuleHarness.run(check, Verdict.refusedByInterface("iface", check, "no"),
        Verdict.deny("site: no", check, "why"));
    assertThat(denied.counted(check).getRule()).isEqualTo("site: no");
  }

  @Test
  void customAllow_overridesADenyingDeclaration() {
    PairCheck check = deniedByBase();
    RuleHarness run = RuleHarness.run(check, Verdict.allow("site: yes", check, "why"));
    assertThat(run.counted(check).getRule()).isEqualTo("site: yes");
    assertThat(run.counted(check).isAllowed()).isTrue();
    assertThat(run.overridingRules(check))
        .containsExactly("precedence: a custom allow overrides the declarations");
    // near miss: a custom deny next to it wins instead
    RuleHarness both = RuleHarness.run(check, Verdict.allow("site: yes", check, "why"),
        Verdict.deny("site: no", check, "why"));
    assertThat(both.counted(check).getRule()).isEqualTo("site: no");
  }

  @Test
  void declarations_decideWithoutOtherVerdicts() {
    PairCheck check = deniedByBase();
    RuleHarness run = RuleHarness.run(check);
    assertThat(run.counted(check).getSource()).isEqualTo(Verdict.Source.DECLARATION);
    assertThat(run.counted(check).isAllowed()).isFalse();
    assertThat(run.overridingRules(check)).isEmpty();
    // near miss: a custom verdict about the same check takes over
    RuleHarness custom = RuleHarness.run(check, Verdict.allow("site: yes", check, "why"));
    assertThat(custom.counted(check).getSource()).isEqualTo(Verdict.Source.CUSTOM);
  }

  @Test
  void customVerdict_aboutAnotherCheck_changesNothing() {
    PairCheck check = deniedByBase();
    PairCheck other = deniedByBase();
    RuleHarness run = RuleHarness.run(check, other, Verdict.allow("site: yes", other, "why"));
    assertThat(run.counted(check).isAllowed()).isFalse();
    assertThat(run.overridingRules(check)).isEmpty();
    assertThat(run.counted(other).isAllowed()).isTrue();
  }
}
