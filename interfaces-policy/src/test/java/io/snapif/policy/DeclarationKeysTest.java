package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.declaration;
import static io.snapif.policy.Fixtures.list;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.rule;
import static io.snapif.policy.Fixtures.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.InterfaceInfo;
import io.snapif.declaration.AttributeConstraint;
import io.snapif.declaration.AttributeConstraint.MapOf;
import io.snapif.declaration.AttributeConstraint.OtherSide;
import io.snapif.declaration.AttributeConstraint.Regex;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.OnClassic;
import io.snapif.declaration.Side;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.policy.RuleBase.RuleSource;
import io.snapif.policy.fact.Alternative;
import io.snapif.policy.fact.Check;
import io.snapif.policy.fact.ConstraintMatch;
import io.snapif.policy.fact.DecidingRule;
import io.snapif.policy.fact.InstallationCheck;
import io.snapif.policy.fact.KeyMatch;
import io.snapif.policy.fact.Mismatch;
import io.snapif.policy.fact.PairCheck;
import io.snapif.policy.fact.PolicyScope;
import io.snapif.policy.fact.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * declarations.drl and declaration-keys.drl: the declarations' verdict for every kind of check,
 * and the per-key facts ({@link Alternative}, {@link KeyMatch}, {@link Mismatch}) custom rules
 * can react to; one case per constraint key, the facts checked against the deciding rule over
 * every built-in interface, and each of these built-in rules shown to be needed.
 */
class DeclarationKeysTest {
  private static final Path DECLARATIONS_DRL =
      Path.of("src/main/resources/io/snapif/policy/rules/declarations.drl");
  private static final Path KEYS_DRL =
      Path.of("src/main/resources/io/snapif/policy/rules/declaration-keys.drl");

  /** A rule base with a custom file that reads key facts: the per-key rules run there. */
  private static final RuleBase SITE = site(Set.of());

  private static final String READS_KEY_FACTS = """
      package site.rules;

      import io.snapif.policy.fact.Mismatch;

      rule "site: reads key facts"
      when
        Mismatch(key == "no such key")
      then
      end
      """;

  private static final Device ACME = Device.builder().classic(true).distro("ubuntu")
      .brand("acme").model("box").store("acme-store").build();
  private static final InstalledSnap VLC = app("vlc").publisher("videolan")
      .plug("camera", "camera", "name", "front").build();
  private static final InstalledSnap CAMS = app("cams").publisher("acme")
      .slot("cam", "camera", "name", "front").build();

  private static RuleBase site(Set<String> leftOut) {
    return RuleBase.withCustom(List.of(new RuleSource("site.drl", READS_KEY_FACTS)), leftOut);
  }

  /** A constraint key, a rule side that looks at it, an alternative matching it, one failing. */
  record Case(String key, Side side, ConstraintSet matching, ConstraintSet failing, String why) {
    @Override
    public String toString() {
      return key;
    }
  }

  private static MapOf map(String key, AttributeConstraint value) {
    return new MapOf(ImmutableMap.of(key, value));
  }

  static List<Case> cases() {
    return List.of(
        new Case("plug-names", Side.SLOT,
            ConstraintSet.builder().plugNames(list("cam.*")).build(),
            ConstraintSet.builder().plugNames(list("mic")).build(),
            "plug-names: \"camera\" does not match [\"mic\"]"),
        new Case("slot-names", Side.PLUG,
            ConstraintSet.builder().slotNames(list("cam")).build(),
            ConstraintSet.builder().slotNames(list("front")).build(),
            "slot-names: \"cam\" does not match [\"front\"]"),
        new Case("plug-attributes", Side.SLOT,
            ConstraintSet.builder()
                .plugAttributes(map("name", new OtherSide(Side.SLOT, "name"))).build(),
            ConstraintSet.builder().plugAttributes(map("name", Regex.compile("back"))).build(),
            "plug-attributes: attribute \"name\" value \"front\" does not match \"back\""),
        new Case("slot-attributes", Side.PLUG,
            ConstraintSet.builder().slotAttributes(map("name", Regex.compile("fr.*"))).build(),
            ConstraintSet.builder()
                .slotAttributes(map("name", new OtherSide(Side.PLUG, "nope"))).build(),
            "slot-attributes: attribute \"name\": $PLUG(nope) is not set"),
        new Case("plug-snap-type", Side.SLOT,
            ConstraintSet.builder().plugSnapTypes(list("app")).build(),
            ConstraintSet.builder().plugSnapTypes(list("core")).build(),
            "plug-snap-type: \"app\" is not one of [\"core\"]"),
        new Case("slot-snap-type", Side.PLUG,
            ConstraintSet.builder().slotSnapTypes(list("app")).build(),
            ConstraintSet.builder().slotSnapTypes(list("gadget")).build(),
            "slot-snap-type: \"app\" is not one of [\"gadget\"]"),
        new Case("plug-snap-id", Side.SLOT,
            ConstraintSet.builder().plugSnapIds(list("vlc-id")).build(),
            ConstraintSet.builder().plugSnapIds(list("other-id")).build(),
            "plug-snap-id: \"vlc-id\" does not match \"other-id\""),
        new Case("slot-snap-id", Side.PLUG,
            ConstraintSet.builder().slotSnapIds(list("cams-id")).build(),
            ConstraintSet.builder().slotSnapIds(list("other-id")).build(),
            "slot-snap-id: \"cams-id\" does not match \"other-id\""),
        new Case("plug-publisher-id", Side.SLOT,
            ConstraintSet.builder().plugPublisherIds(list("videolan")).build(),
            ConstraintSet.builder().plugPublisherIds(list("$SLOT_PUBLISHER_ID")).build(),
            "plug-publisher-id: \"videolan\" does not match $SLOT_PUBLISHER_ID \"acme\""),
        new Case("slot-publisher-id", Side.PLUG,
            ConstraintSet.builder().slotPublisherIds(list("acme")).build(),
            ConstraintSet.builder().slotPublisherIds(list("$PLUG_PUBLISHER_ID")).build(),
            "slot-publisher-id: \"acme\" does not match $PLUG_PUBLISHER_ID \"videolan\""),
        new Case("on-classic", Side.PLUG,
            ConstraintSet.builder().onClassic(OnClassic.of(true)).build(),
            ConstraintSet.builder().onClassic(OnClassic.of(false)).build(),
            "on-classic: the rule needs a core device, this is a classic system"),
        new Case("on-store", Side.PLUG,
            ConstraintSet.builder().onStore(list("acme-store")).build(),
            ConstraintSet.builder().onStore(list("other")).build(),
            "on-store: store \"acme-store\" is not one of [\"other\"]"),
        new Case("on-brand", Side.SLOT,
            ConstraintSet.builder().onBrand(list("acme")).build(),
            ConstraintSet.builder().onBrand(list("other")).build(),
            "on-brand: brand \"acme\" is not one of [\"other\"]"),
        new Case("on-model", Side.SLOT,
            ConstraintSet.builder().onModel(list("acme/box")).build(),
            ConstraintSet.builder().onModel(list("acme/other")).build(),
            "on-model: model \"acme/box\" is not one of [\"acme/other\"]"));
  }

  private static PairCheck connection(Side side, ConstraintSet set) {
    Declaration base = declaration(rule(side, "camera", "allow-connection", when(set)));
    return PairCheck.of(CheckKind.CONNECTION, pair(VLC, "camera", CAMS, "cam", ACME), base, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachKey_derivesAMatchOrAMismatch_inTheVerdictsWords(Case c) {
    assertKey(SITE, c);
  }

  private static void assertKey(RuleBase rules, Case c) {
    PairCheck matching = connection(c.side(), c.matching());
    RuleHarness run = RuleHarness.run(rules, matching);
    assertThat(run.all(KeyMatch.class)).extracting(KeyMatch::getKey).containsExactly(c.key());
    assertThat(run.all(Mismatch.class)).isEmpty();
    assertThat(run.counted(matching).isAllowed()).isTrue();

    PairCheck failing = connection(c.side(), c.failing());
    run = RuleHarness.run(rules, failing);
    assertThat(run.all(KeyMatch.class)).isEmpty();
    List<Mismatch> mismatches = run.all(Mismatch.class);
    assertThat(mismatches).hasSize(1);
    Mismatch m = mismatches.get(0);
    assertThat(m.getKey()).isEqualTo(c.key());
    assertThat(m.getWhy()).isEqualTo(c.why());
    assertThat(m.getCheck()).isSameAs(failing);
    assertThat(m.getAlternative().getKey()).isEqualTo("allow-connection");
    assertThat(m.getAlternative().getIndex()).isEqualTo(1);
    // The verdict says the same, in the same words.
    Verdict v = run.counted(failing);
    assertThat(v.getRule()).isEqualTo("declarations: the deciding rule does not allow");
    assertThat(v.getDetail()).endsWith(": " + c.why());
  }

  @Test
  void keysTheRuleSideIgnores_deriveNothing() {
    // A plug rule does not look at plug-snap-type when connecting, as in snapd.
    PairCheck check = connection(Side.PLUG,
        ConstraintSet.builder().plugSnapTypes(list("core")).build());
    RuleHarness run = RuleHarness.run(SITE, check);
    assertThat(run.all(Alternative.class)).hasSize(1);
    assertThat(run.all(Mismatch.class)).isEmpty();
    assertThat(run.all(KeyMatch.class)).isEmpty();
    assertThat(run.counted(check).isAllowed()).isTrue();
  }

  @Test
  void everyAlternativeOfBothKeys_isAFact() {
    Declaration base = declaration(rule(Side.SLOT, "camera",
        "deny-connection", when(ConstraintSet.builder().plugNames(list("mic")).build()),
        "allow-connection", when(ConstraintSet.builder().plugSnapTypes(list("core")).build(),
            ConstraintSet.builder().plugPublisherIds(list("videolan")).build())));
    PairCheck check = PairCheck.of(CheckKind.CONNECTION, pair(VLC, "camera", CAMS, "cam", ACME),
        base, 0);
    RuleHarness run = RuleHarness.run(SITE, check);
    assertThat(run.all(Alternative.class)).extracting(Alternative::toString)
        .containsExactlyInAnyOrder(
        "deny-connection alternative 1 of BASE_SLOT_RULE decides " + check,
        "allow-connection alternative 1 of BASE_SLOT_RULE decides " + check,
        "allow-connection alternative 2 of BASE_SLOT_RULE decides " + check);
    assertThat(run.all(Mismatch.class)).extracting(m -> m.getAlternative().getKey() + " "
        + m.getAlternative().getIndex() + " " + m.getKey())
        .containsExactlyInAnyOrder("deny-connection 1 plug-names",
            "allow-connection 1 plug-snap-type");
    assertThat(run.all(KeyMatch.class)).extracting(m -> m.getAlternative().getIndex() + " "
        + m.getKey()).containsExactly("2 plug-publisher-id");
    assertThat(run.counted(check).getDetail())
        .isEqualTo("allow-connection of the base declaration matches (alternative 2)");
  }

  @Test
  void theMinimalCheck_looksAtSlotSnapTypeAndOnClassicOnly() {
    InstalledSnap local = app("local").slot("cam", "camera").dangerous().build();
    Declaration base = declaration(rule(Side.SLOT, "camera", "allow-installation",
        when(ConstraintSet.builder().slotNames(list("other")).build(),
            ConstraintSet.builder().slotSnapTypes(list("core")).slotNames(list("other")).build())));
    InstallationCheck check = InstallationCheck.forSlot(local,
        local.snap().slots().get("cam"), base, CLASSIC, 0);
    assertThat(check.getScope()).isEqualTo(PolicyScope.MINIMAL);
    RuleHarness run = RuleHarness.run(SITE, check);
    assertThat(run.all(Alternative.class)).extracting(Alternative::getIndex).containsExactly(2);
    assertThat(run.all(Mismatch.class)).extracting(Mismatch::getWhy)
        .containsExactly("slot-snap-type: \"app\" is not one of [\"core\"]");
    assertThat(run.all(KeyMatch.class)).isEmpty();
  }

  @Test
  void withoutACustomRuleThatNamesThem_noKeyFactsAreDerived() {
    RuleBase other = RuleBase.withCustom(List.of(new RuleSource("other.drl",
        "package site.rules;\n")), Set.of());
    for (RuleBase rules : List.of(RuleBase.builtin(), other)) {
      PairCheck check = connection(Side.PLUG, cases().get(1).failing());
      RuleHarness run = RuleHarness.run(rules, check);
      assertThat(run.all(Alternative.class)).isEmpty();
      assertThat(run.all(Mismatch.class)).isEmpty();
      assertThat(run.counted(check).isAllowed()).isFalse();
    }
    PairCheck check = connection(Side.PLUG, cases().get(1).failing());
    assertThat(RuleHarness.run(SITE, check).all(Mismatch.class)).hasSize(1);
  }

  /**
   * The key facts agree with the deciding rule that gives the verdict, for every built-in
   * interface against the real base declaration: installation of plugs and slots (by an app, the
   * system snap, a snap without declaration), connection and auto-connection of an app's plug to
   * the system's slot and to another app's.
   */
  @Test
  void theKeyFacts_agreeWithTheDecidingRule_overTheBaseDeclaration() {
    Declaration base = DroolsPolicyEvaluator.builtin().baseDeclaration();
    int checked = 0;
    for (InterfaceInfo info : InterfaceCatalog.builtin().all()) {
      String iface = info.name();
      InstalledSnap app = app("app").plug("p", iface).slot("s", iface).build();
      InstalledSnap other = app("other").plug("p", iface).slot("s", iface).build();
      InstalledSnap system = core(iface);
      InstalledSnap local = app("local").plug("p", iface).slot("s", iface).dangerous().build();
      List<Check> checks = new ArrayList<>();
      for (InstalledSnap s : List.of(app, local)) {
        checks.add(InstallationCheck.forPlug(s, s.snap().plugs().get("p"), base, CLASSIC, 0));
        checks.add(InstallationCheck.forSlot(s, s.snap().slots().get("s"), base, CLASSIC, 1));
      }
      checks.add(InstallationCheck.forSlot(system, system.snap().slots().get(iface), base,
          Fixtures.CORE, 2));
      for (CheckKind kind : List.of(CheckKind.CONNECTION, CheckKind.AUTO_CONNECTION)) {
        checks.add(PairCheck.of(kind, pair(app, "p", system, iface, CLASSIC), base, 3));
        checks.add(PairCheck.of(kind, pair(app, "p", other, "s", Fixtures.CORE), base, 4));
      }
      RuleHarness run = RuleHarness.run(SITE, checks.toArray());
      for (Check check : checks) {
        agree(check, run);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  private static void agree(Check check, RuleHarness run) {
    DecidingRule deciding = check.getDecidingRule();
    List<Alternative> alternatives = run.all(Alternative.class).stream()
        .filter(a -> a.getCheck() == check).collect(Collectors.toList());
    Set<Alternative> failed = run.all(Mismatch.class).stream()
        .filter(m -> m.getCheck() == check).map(Mismatch::getAlternative)
        .collect(Collectors.toSet());
    Function<Boolean, Integer> firstMatching = deny -> alternatives.stream()
        .filter(a -> a.isDeny() == deny && !failed.contains(a))
        .map(Alternative::getIndex).findFirst().orElse(0);
    String what = check + " by " + deciding.getLayer();
    if (!deciding.isDeclared()) {
      assertThat(alternatives).as(what).isEmpty();
      return;
    }
    ConstraintMatch deny = deciding.getDeny();
    assertThat(firstMatching.apply(true)).as(what).isEqualTo(deny.getAlternative());
    ConstraintMatch allow = deciding.getAllow();
    boolean noAllowAlternative = alternatives.stream().noneMatch(a -> !a.isDeny());
    if (allow.isMatched() && allow.getAlternative() == 0) {
      // The minimal check counts an allow key none of whose alternatives it looks at as true.
      assertThat(noAllowAlternative).as(what).isTrue();
    } else {
      assertThat(firstMatching.apply(false)).as(what).isEqualTo(allow.getAlternative());
    }
  }

  /**
   * A site rule that reacts to a Mismatch (docs/custom-rules.md, "Per-key matches"): acme's
   * snaps share content across differing content tags.
   */
  @Test
  void siteRule_reactsToAPlugAttributesMismatch() {
    RuleBase rules = RuleBase.withCustom(List.of(new RuleSource("site.drl", """
        package site.rules;

        import io.snapif.declaration.CheckKind;
        import io.snapif.policy.fact.Mismatch;
        import io.snapif.policy.fact.PairCheck;
        import io.snapif.policy.fact.Verdict;

        rule "site: acme snaps share content under any tag"
        when
          $m : Mismatch(key == "plug-attributes", $c : check)
          PairCheck(this == $c, kind == CheckKind.AUTO_CONNECTION, iface == "content",
                    plugPublisher == "acme", slotPublisher == "acme")
          not Mismatch(check == $c, key != "plug-attributes")
        then
          insertLogical(Verdict.allow(drools.getRule().getName(), $c,
              "acme shares content under any tag (" + $m.getWhy() + ")"));
        end
        """)), Set.of());
    Declaration base = DroolsPolicyEvaluator.builtin().baseDeclaration();
    InstalledSnap reader = app("reader").publisher("acme")
        .plug("themes", "content", "content", "themes").build();
    InstalledSnap icons = app("icons").publisher("acme")
        .slot("icons", "content", "content", "icons").build();
    InstalledSnap foreign = app("foreign").publisher("other")
        .slot("icons", "content", "content", "icons").build();
    PairCheck acme = PairCheck.of(CheckKind.AUTO_CONNECTION,
        pair(reader, "themes", icons, "icons", CLASSIC), base, 0);
    PairCheck notAcme = PairCheck.of(CheckKind.AUTO_CONNECTION,
        pair(reader, "themes", foreign, "icons", CLASSIC), base, 1);
    RuleHarness run = RuleHarness.run(rules, acme, notAcme);

    Verdict allowed = run.counted(acme);
    assertThat(allowed.isCustom()).isTrue();
    assertThat(allowed.getDetail()).isEqualTo("acme shares content under any tag (plug-attributes:"
        + " attribute \"content\" value \"themes\" does not match $SLOT(content) \"icons\")");
    // Another publisher fails plug-publisher-id as well: the declarations' verdict stands.
    Verdict denied = run.counted(notAcme);
    assertThat(denied.isCustom()).isFalse();
    assertThat(denied.isAllowed()).isFalse();
  }

  // ---- every rule of declarations.drl and declaration-keys.drl is needed ----------------------

  @Test
  void everyDeclarationRule_isNeeded() throws IOException {
    List<String> rules = new ArrayList<>(ruleNames(DECLARATIONS_DRL));
    rules.addAll(ruleNames(KEYS_DRL));
    assertThat(rules).hasSize(4 + 15);
    List<String> notNeeded = new ArrayList<>();
    for (String rule : rules) {
      try {
        declarations(site(Set.of(rule)));
        notNeeded.add(rule);
      } catch (AssertionError | RuntimeException expected) {
        // a decision or a key fact noticed the missing rule
      }
    }
    assertThat(notNeeded).as("rules whose removal changes no outcome").isEmpty();
  }

  @Test
  void allDeclarationOutcomes_holdWithEveryRule() {
    declarations(SITE);
  }

  /** Every verdict of declarations.drl and every key case, against {@code rules}. */
  private static void declarations(RuleBase rules) {
    for (Case c : cases()) {
      assertKey(rules, c);
    }
    PairCheck allowed = connection(Side.PLUG, ConstraintSet.builder().build());
    Declaration denies = declaration(rule(Side.PLUG, "camera", "deny-connection",
        when(ConstraintSet.builder().build())));
    PairCheck deniedCheck = PairCheck.of(CheckKind.CONNECTION,
        pair(VLC, "camera", CAMS, "cam", ACME), denies, 0);
    assertThat(RuleHarness.run(rules, deniedCheck).counted(deniedCheck).getRule())
        .isEqualTo("declarations: the deciding rule denies");
    PairCheck none = PairCheck.of(CheckKind.AUTO_CONNECTION,
        pair(VLC, "camera", CAMS, "cam", ACME), Declaration.empty(), 0);
    assertThat(RuleHarness.run(rules, none).counted(none).getRule())
        .isEqualTo("declarations: no rule for the interface, allowed");
    assertThat(RuleHarness.run(rules, allowed).counted(allowed).getRule())
        .isEqualTo("declarations: the deciding rule allows");
  }

  private static List<String> ruleNames(Path path) throws IOException {
    Matcher m = Pattern.compile("(?m)^rule \"([^\"]+)\"")
        .matcher(Files.readString(path, StandardCharsets.UTF_8));
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
