package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.CORE;
import static io.snapif.policy.Fixtures.FALSE;
import static io.snapif.policy.Fixtures.TRUE;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.declaration;
import static io.snapif.policy.Fixtures.list;
import static io.snapif.policy.Fixtures.rule;
import static io.snapif.policy.Fixtures.snap;
import static io.snapif.policy.Fixtures.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.OnClassic;
import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.DecisionLayer;
import io.snapif.model.InstalledSnap;
import io.snapif.model.SnapType;
import io.snapif.policy.fact.InstallationCheck;
import io.snapif.policy.fact.Refusal;
import io.snapif.policy.fact.Verdict;
import org.junit.jupiter.api.Test;

/** One test per rule of installation.drl: a hit and a near miss each. */
class InstallationRulesTest {
  private static final ConstraintSet CORE_TYPE =
      ConstraintSet.builder().slotSnapTypes(list("core")).build();

  private static InstallationCheck plugCheck(InstalledSnap snap, Declaration base) {
    return InstallationCheck.forPlug(snap, snap.snap().plugs().values().iterator().next(), base,
        CLASSIC, 0);
  }

  private static InstallationCheck slotCheck(InstalledSnap snap, Declaration base) {
    return InstallationCheck.forSlot(snap, snap.snap().slots().values().iterator().next(), base,
        CLASSIC, 0);
  }

  private static String verdictRule(InstallationCheck check) {
    return RuleHarness.run(check).counted(check).getRule();
  }

  private static final InstalledSnap KMOD = app("kmod").plug("kmod", "kernel-module-control")
      .build();

  @Test
  void deniedByPlugRule() {
    Declaration base = declaration(rule(Side.PLUG, "kernel-module-control",
        "deny-installation", when(ConstraintSet.builder().plugSnapTypes(list("app")).build())));
    assertThat(verdictRule(plugCheck(KMOD, base))).isEqualTo("declarations: the deciding rule denies");
    Declaration gadgetsOnly = declaration(rule(Side.PLUG, "kernel-module-control",
        "deny-installation", when(ConstraintSet.builder().plugSnapTypes(list("gadget")).build())));
    assertThat(verdictRule(plugCheck(KMOD, gadgetsOnly)))
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void notAllowedByPlugRule() {
    Declaration base = declaration(rule(Side.PLUG, "kernel-module-control",
        "allow-installation", FALSE));
    assertThat(verdictRule(plugCheck(KMOD, base)))
        .isEqualTo("declarations: the deciding rule does not allow");
    Declaration grant = declaration(rule(Side.PLUG, "kernel-module-control",
        "allow-installation", TRUE));
    InstalledSnap granted = app("kmod").declaration(grant)
        .plug("kmod", "kernel-module-control").build();
    assertThat(verdictRule(plugCheck(granted, base)))
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void allowedByPlugRule() {
    Declaration base = declaration(rule(Side.PLUG, "kernel-module-control",
        "allow-installation", TRUE));
    InstallationCheck check = plugCheck(KMOD, base);
    RuleHarness run = RuleHarness.run(check);
    assertThat(run.counted(check).getRule())
        .isEqualTo("declarations: the deciding rule allows");
    assertThat(run.counted(check).getLayer()).isEqualTo(DecisionLayer.BASE_PLUG_RULE);
    assertThat(verdictRule(plugCheck(KMOD, declaration(rule(Side.PLUG,
        "kernel-module-control", "allow-installation", FALSE)))))
        .isNotEqualTo("declarations: the deciding rule allows");
  }

  private static final InstalledSnap DOCKER = app("docker").slot("docker", "docker").build();

  @Test
  void deniedBySlotRule() {
    Declaration base = declaration(rule(Side.SLOT, "docker", "deny-installation", TRUE));
    assertThat(verdictRule(slotCheck(DOCKER, base))).isEqualTo("declarations: the deciding rule denies");
    Declaration onCore = declaration(rule(Side.SLOT, "docker", "deny-installation",
        when(ConstraintSet.builder().onClassic(OnClassic.of(false)).build())));
    assertThat(verdictRule(slotCheck(DOCKER, onCore)))
        .isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void notAllowedBySlotRule() {
    Declaration base = declaration(rule(Side.SLOT, "docker", "allow-installation",
        when(CORE_TYPE)));
    InstallationCheck check = slotCheck(DOCKER, base);
    RuleHarness run = RuleHarness.run(check);
    assertThat(run.counted(check).getRule())
        .isEqualTo("declarations: the deciding rule does not allow");
    assertThat(run.counted(check).getMessage())
        .isEqualTo("installation not allowed by \"docker\" slot rule of interface \"docker\"");
    assertThat(run.counted(check).getDetail())
        .endsWith("slot-snap-type: \"app\" is not one of [\"core\"]");
    InstalledSnap core = snap("core", SnapType.OS).slot("docker", "docker").build();
    assertThat(verdictRule(slotCheck(core, base))).isEqualTo("declarations: the deciding rule allows");
  }

  @Test
  void allowedBySlotRule() {
    Declaration base = declaration(rule(Side.SLOT, "docker", "allow-installation",
        when(CORE_TYPE)));
    InstalledSnap core = snap("core", SnapType.OS).slot("docker", "docker").build();
    assertThat(verdictRule(slotCheck(core, base))).isEqualTo("declarations: the deciding rule allows");
    assertThat(verdictRule(slotCheck(DOCKER, base))).isNotEqualTo(
        "declarations: the deciding rule allows");
  }

  @Test
  void allowedWithoutRule() {
    InstallationCheck check = slotCheck(DOCKER, Declaration.empty());
    RuleHarness run = RuleHarness.run(check);
    assertThat(run.counted(check).getRule())
        .isEqualTo("declarations: no rule for the interface, allowed");
    assertThat(run.counted(check).getLayer()).isEqualTo(DecisionLayer.DEFAULT);
    Declaration base = declaration(rule(Side.SLOT, "docker", "allow-installation", TRUE));
    assertThat(verdictRule(slotCheck(DOCKER, base)))
        .isNotEqualTo("declarations: no rule for the interface, allowed");
  }

  @Test
  void plugsOfSnapWithoutDeclaration_areNotChecked() {
    Declaration base = declaration(rule(Side.PLUG, "kernel-module-control",
        "allow-installation", FALSE));
    InstalledSnap local = app("kmod").dangerous().plug("kmod", "kernel-module-control").build();
    InstallationCheck check = plugCheck(local, base);
    RuleHarness run = RuleHarness.run(check);
    assertThat(run.counted(check).getRule())
        .isEqualTo("installation: plugs of a snap without declaration are not checked");
    assertThat(run.counted(check).isAllowed()).isTrue();
    // near miss: the same snap from the store is checked (and refused)
    assertThat(verdictRule(plugCheck(KMOD, base)))
        .isEqualTo("declarations: the deciding rule does not allow");
  }

  /**
   * The checks of a snap whose slot (checked first) and plug are both refused by the base
   * declaration: the slot's, then the plug's.
   */
  private static InstallationCheck[] bothRefused() {
    Declaration base = declaration(rule(Side.SLOT, "docker", "deny-installation", TRUE),
        rule(Side.PLUG, "kernel-module-control", "allow-installation", FALSE));
    InstalledSnap both = app("both").slot("docker", "docker")
        .plug("kmod", "kernel-module-control").build();
    InstallationCheck slot = InstallationCheck.forSlot(both, both.snap().slots().get("docker"),
        base, CLASSIC, 0);
    InstallationCheck plug = InstallationCheck.forPlug(both, both.snap().plugs().get("kmod"),
        base, CLASSIC, 1);
    return new InstallationCheck[] {slot, plug};
  }

  @Test
  void firstRefusedEndpoint_refusesTheSnap() {
    InstallationCheck[] checks = bothRefused();
    InstallationCheck slot = checks[0];
    InstallationCheck plug = checks[1];
    RuleHarness run = RuleHarness.run(slot, plug);
    assertThat(run.all(Refusal.class)).singleElement()
        .satisfies(r -> assertThat(r.getVerdict().getCheck()).isSameAs(slot))
        .satisfies(r -> assertThat(r.getRule())
            .isEqualTo("installation: the first refused plug or slot refuses the snap"));
    // near miss: nothing refused, no refusal
    assertThat(RuleHarness.run(slotCheck(DOCKER, Declaration.empty())).all(Refusal.class))
        .isEmpty();
  }

  @Test
  void overriddenRefusal_passesTheRefusalToTheNextRefusedEndpoint() {
    InstallationCheck[] checks = bothRefused();
    InstallationCheck slot = checks[0];
    InstallationCheck plug = checks[1];
    // a custom allow lifts the slot's denial only: the plug, refused next, refuses the snap
    RuleHarness run = RuleHarness.run(slot, plug, Verdict.allow("site: docker", slot, "why"));
    assertThat(run.all(Refusal.class)).singleElement()
        .satisfies(r -> assertThat(r.getVerdict().getCheck()).isSameAs(plug));
    // near miss: lifting both leaves nothing refused
    RuleHarness none = RuleHarness.run(slot, plug, Verdict.allow("site: docker", slot, "why"),
        Verdict.allow("site: kmod", plug, "why"));
    assertThat(none.all(Refusal.class)).isEmpty();
  }

  // ---- through the evaluator -----------------------------------------------------------------

  @Test
  void evaluator_slotsAreCheckedBeforePlugs_andSnapRulesNameTheSnap() {
    Declaration base = declaration(rule(Side.SLOT, "docker", "deny-installation", TRUE),
        rule(Side.PLUG, "kernel-module-control", "allow-installation", FALSE));
    DroolsPolicyEvaluator evaluator = DroolsPolicyEvaluator.builder().baseDeclaration(base)
        .build();
    InstalledSnap both = app("both").plug("kmod", "kernel-module-control")
        .slot("docker", "docker").build();
    Decision d = evaluator.checkInstallation(both, CLASSIC);
    assertThat(d.allowed()).isFalse();
    assertThat(d.message())
        .isEqualTo("installation denied by \"docker\" slot rule of interface \"docker\"");
    Declaration grant = declaration(rule(Side.SLOT, "docker", "allow-installation", TRUE,
        "deny-installation", when(ConstraintSet.builder().onClassic(OnClassic.of(true)).build())));
    InstalledSnap granted = app("dock").declaration(grant).slot("docker", "docker").build();
    Decision onClassic = evaluator.checkInstallation(granted, CLASSIC);
    assertThat(onClassic.message())
        .isEqualTo("installation denied by \"docker\" slot rule of interface \"docker\""
            + " for \"dock\" snap");
    assertThat(evaluator.checkInstallation(granted, CORE).allowed()).isTrue();
  }

  @Test
  void evaluator_dangerousSnapGetsOnlyTheMinimalCheck() {
    Declaration base = declaration(
        rule(Side.SLOT, "docker", "allow-installation", FALSE, "deny-installation", TRUE),
        rule(Side.SLOT, "serial-port", "allow-installation",
            when(ConstraintSet.builder().slotSnapTypes(list("core", "gadget")).build())),
        rule(Side.PLUG, "kernel-module-control", "allow-installation", FALSE));
    DroolsPolicyEvaluator evaluator = DroolsPolicyEvaluator.builder().baseDeclaration(base)
        .build();
    InstalledSnap local = app("local").dangerous().slot("docker", "docker")
        .plug("kmod", "kernel-module-control").build();
    // docker's rule has no snap-type: nothing to check; plugs are not checked
    assertThat(evaluator.checkInstallation(local, CLASSIC).allowed()).isTrue();
    InstalledSnap serial = app("serial").dangerous().slot("serial", "serial-port").build();
    Decision d = evaluator.checkInstallation(serial, CLASSIC);
    assertThat(d.allowed()).isFalse();
    assertThat(d.message())
        .isEqualTo("installation not allowed by \"serial\" slot rule of interface \"serial-port\"");
  }
}
