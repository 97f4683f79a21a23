package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.declaration;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.request;
import static io.snapif.policy.Fixtures.rule;
import static io.snapif.policy.Fixtures.TRUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.declaration.Declaration;
import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.DecisionLayer;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.AutoConnectPlan;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom rule files: the samples in {@code src/test/resources/io/snapif/policy/custom/} over the
 * built-in rules and the real base declaration, and what happens to files that are broken.
 */
class CustomRulesTest {
  private static final String DIR = "io/snapif/policy/custom/";
  private static final InstalledSnap CORE_SNAP = core("camera", "removable-media");
  private static final Device ACME = Device.builder().classic(false).distro("ubuntu-core")
      .brand("acme").model("kiosk").build();

  private static Path sample(String name) throws URISyntaxException {
    return Path.of(CustomRulesTest.class.getClassLoader().getResource(DIR + name).toURI());
  }

  // ---- deny camera to a publisher ------------------------------------------------------------

  @Test
  void aCustomRuleMayMatchAListOfItsOwn() {
    // The built-in rules used to declare java.util.List with a List() pattern, and a custom
    // List() pattern then failed to merge into the rule base ("Unable to merge @typesafe").
    String drl = """
        package site;
        import java.util.List;
        import io.snapif.declaration.CheckKind;
        import io.snapif.policy.fact.PairCheck;
        import io.snapif.policy.fact.Verdict;
        rule "site: cameras listed"
        when
          $c : PairCheck(kind == CheckKind.CONNECTION, iface == "camera")
          $l : List(size == 1) from collect(PairCheck(iface == "camera"))
        then
          insert(Verdict.deny(drools.getRule().getName(), $c, "listed " + $l.size()));
        end
        """;
    DroolsPolicyEvaluator site = DroolsPolicyEvaluator.builder().addRules("site.drl", drl).build();
    InstalledSnap cam = app("cam").plug("camera", "camera").build();

    Decision d = site.checkConnection(pair(cam, "camera", CORE_SNAP, "camera", CLASSIC));

    assertThat(d.allowed()).isFalse();
    assertThat(d.reasons().get(0).detail()).isEqualTo("listed 1");
  }

  @Test
  void customDeny_winsOverAStoreGrant() throws Exception {
    DroolsPolicyEvaluator site = DroolsPolicyEvaluator.builder()
        .addRuleFile(sample("deny-camera-to-acme.drl")).build();
    Declaration grant = declaration(rule(Side.PLUG, "camera", "allow-connection", TRUE,
        "allow-auto-connection", TRUE));
    InstalledSnap acmeCam = app("spy").publisher("acme").declaration(grant)
        .plug("camera", "camera").build();
    Decision connect = site.checkConnection(pair(acmeCam, "camera", CORE_SNAP, "camera",
        CLASSIC));
    assertThat(connect.allowed()).isFalse();
    assertThat(connect.message())
        .isEqualTo("connection denied by custom rule \"site: acme snaps may not connect to the"
            + " camera\"");
    assertThat(connect.reasons().get(0).layer()).isEqualTo(DecisionLayer.CUSTOM_RULE);
    assertThat(connect.reasons().get(0).overridden()).isFalse();
    // the overridden store grant is still explained, marked as overridden
    assertThat(connect.reasons()).anySatisfy(r -> {
      assertThat(r.layer()).isEqualTo(DecisionLayer.PLUG_SNAP_DECLARATION);
      assertThat(r.overridden()).isTrue();
      assertThat(r.detail()).startsWith("overridden: connection allowed by plug rule of");
      assertThat(r.asVerdict().detail()).startsWith("connection allowed by plug rule of");
      assertThat(r.asVerdict().overridden()).isFalse();
    });
    AutoConnectPlan plan = site.planAutoConnect(request(acmeCam, List.of(acmeCam, CORE_SNAP),
        CLASSIC));
    assertThat(plan.connections()).isEmpty();
    assertThat(site.checkInstallation(acmeCam, CLASSIC).message())
        .contains("site: acme snaps may not install a camera plug");
    // near miss: another publisher keeps its grant
    InstalledSnap other = app("cheese").publisher("gnome").declaration(grant)
        .plug("camera", "camera").build();
    assertThat(site.checkConnection(pair(other, "camera", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isTrue();
    assertThat(site.planAutoConnect(request(other, List.of(other, CORE_SNAP), CLASSIC))
        .connections()).containsExactly(ConnectionId.parse("cheese:camera core:camera"));
  }

  @Test
  void customRules_stayWithTheirEvaluator() throws Exception {
    InstalledSnap acmeCam = app("spy").publisher("acme").plug("camera", "camera").build();
    DroolsPolicyEvaluator before = DroolsPolicyEvaluator.builtin();
    DroolsPolicyEvaluator site = DroolsPolicyEvaluator.builder()
        .addRuleFile(sample("deny-camera-to-acme.drl")).build();
    DroolsPolicyEvaluator after = DroolsPolicyEvaluator.builtin();

    assertThat(site.checkConnection(pair(acmeCam, "camera", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isFalse();
    // evaluators built without the file, before or after, never see its rules
    for (DroolsPolicyEvaluator plain : List.of(before, after)) {
      Decision d = plain.checkConnection(pair(acmeCam, "camera", CORE_SNAP, "camera", CLASSIC));
      assertThat(d.allowed()).isTrue();
      assertThat(d.reasons()).noneSatisfy(
          r -> assertThat(r.layer()).isEqualTo(DecisionLayer.CUSTOM_RULE));
    }
  }

  @Test
  void customDeny_appliesEvenWhereTheDeclarationsAreSkipped() throws Exception {
    DroolsPolicyEvaluator site = DroolsPolicyEvaluator.builder()
        .addRuleFile(sample("deny-camera-to-acme.drl")).build();
    // a --dangerous snap has no publisher, so the sample rule cannot see it as acme's ...
    InstalledSnap local = app("spy").dangerous().plug("camera", "camera").build();
    assertThat(site.checkConnection(pair(local, "camera", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isTrue();
    // ... while a rule on the snap name does deny it
    DroolsPolicyEvaluator byName = DroolsPolicyEvaluator.builder().addRules("by-name.drl", """
        package site.byname
        import io.snapif.policy.fact.PairCheck
        import io.snapif.policy.fact.Verdict
        rule "site: no camera for spy"
        when $c : PairCheck(plugSnap == "spy")
        then insert(Verdict.deny(drools.getRule().getName(), $c, "no"));
        end
        """).build();
    assertThat(byName.checkConnection(pair(local, "camera", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isFalse();
  }

  // ---- grant auto-connect on a brand's devices -----------------------------------------------

  @Test
  void customAllow_grantsWhatTheBaseDeclarationDenies() {
    DroolsPolicyEvaluator site = DroolsPolicyEvaluator.builder()
        .addRuleResource(DIR + "removable-media-on-acme-devices.drl").build();
    InstalledSnap player = app("player").plug("removable-media", "removable-media").build();
    AutoConnectPlan onAcme = site.planAutoConnect(request(player, List.of(player, CORE_SNAP),
        ACME));
    assertThat(onAcme.connections())
        .containsExactly(ConnectionId.parse("player:removable-media core:removable-media"));
    Decision d = onAcme.endpoints().get(0).candidates().get(0);
    assertThat(d.message()).isEqualTo("auto-connection allowed by custom rule"
        + " \"site: removable-media auto-connects on acme devices\"");
    assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail())
        .startsWith("overridden: auto-connection denied by slot rule of interface"
            + " \"removable-media\""));
    // near miss: on other devices the base declaration's deny-auto-connection stands
    assertThat(site.planAutoConnect(request(player, List.of(player, CORE_SNAP), CLASSIC))
        .connections()).isEmpty();
    assertThat(DroolsPolicyEvaluator.builtin().planAutoConnect(request(player,
        List.of(player, CORE_SNAP), ACME)).connections()).isEmpty();
  }

  // ---- files that cannot be used -------------------------------------------------------------

  @Test
  void brokenFile_isRejectedWithFileAndLine() throws Exception {
    Path broken = sample("broken.drl");
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder().addRuleFile(broken).build())
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.file()).isEqualTo(broken.toString());
          assertThat(e.line()).isEqualTo(7);
          assertThat(e.problem()).contains("nosuchproperty");
          assertThat(e.getMessage()).startsWith(broken + ":7: ");
        });
  }

  @Test
  void failedBuild_leavesTheBuilderUsable() throws Exception {
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder()
        .addRuleFile(sample("deny-camera-to-acme.drl"));
    DroolsPolicyEvaluator before = builder.build();
    builder.addRuleFile(sample("broken.drl"));
    assertThatThrownBy(builder::build).isInstanceOf(RuleCompilationException.class);
    // the evaluator built before still decides with its rules
    InstalledSnap acme = app("spy").publisher("acme").plug("camera", "camera").build();
    assertThat(before.checkConnection(pair(acme, "camera", CORE_SNAP, "camera", CLASSIC))
        .message()).contains("custom rule");
  }

  @Test
  void missingFile_andBuiltinPackage_areRejected(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.drl");
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder().addRuleFile(missing).build())
        .isInstanceOfSatisfying(RuleCompilationException.class,
            e -> assertThat(e.line()).isZero());
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder()
        .addRuleResource(DIR + "no-such.drl").build())
        .isInstanceOf(RuleCompilationException.class).hasMessageContaining("no such");
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder()
        .addRuleFile(sample("hijack.drl")).build())
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("io.snapif.policy.rules");
  }

  /** A rule file in package {@code pkg} with one rule {@code name} denying every check. */
  private static String denyAll(String pkg, String name) {
    return "package " + pkg + ";\n"
        + "import io.snapif.policy.fact.Check;\nimport io.snapif.policy.fact.Verdict;\n"
        + "rule \"" + name + "\"\nwhen\n  $c : Check()\nthen\n"
        + "  insert(Verdict.deny(drools.getRule().getName(), $c, \"no\"));\nend\n";
  }

  @Test
  void duplicateRuleNames_acrossFiles_areRejectedNamingBothFiles() {
    for (String otherPackage : List.of("site.a", "site.b")) {
      assertThatThrownBy(() -> DroolsPolicyEvaluator.builder()
          .addRules("first.drl", denyAll("site.a", "site: deny"))
          .addRules("second.drl", denyAll(otherPackage, "site: deny"))
          .build())
          .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
            assertThat(e.file()).isEqualTo("second.drl");
            assertThat(e.problem()).isEqualTo(
                "rule \"site: deny\" is also defined in first.drl; rule names must be unique");
          });
    }
  }

  @Test
  void duplicateRuleNames_inOneFile_areRejected() {
    String twice = denyAll("site", "site: deny")
        + denyAll("site", "site: deny").replaceFirst("(?s)^.*?(?=rule )", "");
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder().addRules("twice.drl", twice).build())
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.file()).isEqualTo("twice.drl");
          assertThat(e.problem()).contains("site: deny");
        });
  }

  @Test
  void aCustomRuleNamedLikeABuiltinRule_isRejected() {
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder()
        .addRules("site.drl", denyAll("site", "declarations: the deciding rule allows"))
        .build())
        .isInstanceOf(RuleCompilationException.class)
        .hasMessage("site.drl:4: rule \"declarations: the deciding rule allows\" is also defined"
            + " in the built-in rules; rule names must be unique");
  }

  @Test
  void builtinRuleNames_areUniqueAcrossTheBuiltinFiles() throws IOException {
    Path dir = Path.of("src/main/resources/io/snapif/policy/rules");
    Map<String, String> definedIn = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    Pattern rule = Pattern.compile("(?m)^rule \"([^\"]+)\"");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
        Matcher m = rule.matcher(Files.readString(file));
        while (m.find()) {
          String other = definedIn.putIfAbsent(m.group(1), file.getFileName().toString());
          if (other != null) {
            duplicates.add(m.group(1) + " in " + other + " and " + file.getFileName());
          }
        }
      }
    }
    assertThat(definedIn).hasSizeGreaterThan(30);
    assertThat(duplicates).isEmpty();
  }

  @Test
  void runawayRules_areStoppedWithATypedError_andDecideNothing() throws Exception {
    DroolsPolicyEvaluator looping = DroolsPolicyEvaluator.builder()
        .addRuleFile(sample("runaway.drl")).firingLimit(5_000).build();
    InstalledSnap vlc = app("vlc").plug("camera", "camera").build();
    assertThatThrownBy(() -> looping.checkConnection(pair(vlc, "camera", CORE_SNAP, "camera",
        CLASSIC)))
        .isInstanceOfSatisfying(RuleFiringLimitException.class, e -> {
          assertThat(e.limit()).isGreaterThanOrEqualTo(5_000);
          assertThat(e.busiestRules()).first().asString().contains("site: tick again");
        });
    // the evaluator is unharmed: a decision without the looping trigger still works
    assertThat(looping.checkInstallation(vlc, CLASSIC).allowed()).isTrue();
  }

  @Test
  void failingConsequence_isATypedError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("throws.drl");
    Files.writeString(file, """
        package site.throwing
        import io.snapif.policy.fact.PairCheck
        rule "site: throws"
        when PairCheck()
        then throw new IllegalStateException("boom");
        end
        """);
    DroolsPolicyEvaluator throwing = DroolsPolicyEvaluator.builder().addRuleFile(file).build();
    InstalledSnap vlc = app("vlc").plug("camera", "camera").build();
    assertThatThrownBy(() -> throwing.checkConnection(pair(vlc, "camera", CORE_SNAP, "camera",
        CLASSIC)))
        .isInstanceOf(RuleExecutionException.class)
        .hasMessageContaining("site: throws").hasMessageContaining("boom");
  }

  @Test
  void rulesThatFailOrLoopWithoutAnyFact_failTheBuild_withATypedError() {
    // Such rules fire in the empty decision build() runs to warm up: a throwing one used to
    // fail the build with Drools' own exception, a looping one to hang it for good.
    String throwing = """
        package site.empty;
        rule "site: throws at once"
        when
        then
          throw new IllegalStateException("boom");
        end
        """;
    String looping = """
        package site.loop;
        declare Marker
        end
        rule "site: mark"
        when
          not Marker()
        then
          insert(new Marker());
        end
        rule "site: unmark"
        when
          $m : Marker()
        then
          delete($m);
        end
        """;

    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder().addRules("throws.drl", throwing)
        .build())
        .isInstanceOf(RuleExecutionException.class)
        .hasMessage("policy rule \"site: throws at once\" failed:"
            + " java.lang.IllegalStateException: boom");
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder().addRules("loop.drl", looping)
        .firingLimit(1_000).build())
        .isInstanceOfSatisfying(RuleFiringLimitException.class, e ->
            assertThat(e.busiestRules()).first().asString().contains("site: "));
  }
}
