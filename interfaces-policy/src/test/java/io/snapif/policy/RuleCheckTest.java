package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.model.InstalledSnap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DroolsPolicyEvaluator.Builder#check()}: every problem of every file with its line, the
 * same problems {@code build()} throws; and the rule listing and firing hook used for coverage.
 */
class RuleCheckTest {
  private static final InstalledSnap CORE_SNAP = core("camera");

  /** A rule file in package {@code pkg} with one rule {@code name} denying camera connections. */
  private static String denyCamera(String pkg, String name) {
    return "package " + pkg + ";\n"
        + "import io.snapif.policy.fact.PairCheck;\nimport io.snapif.policy.fact.Verdict;\n\n"
        + "rule \"" + name + "\"\nwhen\n  $c : PairCheck(iface == \"camera\")\nthen\n"
        + "  insert(Verdict.deny(drools.getRule().getName(), $c, \"no\"));\nend\n";
  }

  private static final String TWO_ERRORS = """
      package site.two;

      import io.snapif.policy.fact.PairCheck;
      import io.snapif.policy.fact.Verdict;

      rule "site: first"
      when
        $c : PairCheck(publisher == "acme")
      then
        insert(Verdict.deny(drools.getRule().getName(), $c, "no"));
      end

      rule "site: second"
      when
        $c : PairCheck(nosuchthing == 3)
      then
        insert(Verdict.deny(drools.getRule().getName(), $c, "no"));
      end
      """;

  @Test
  void aFileWithTwoErrors_reportsBothWithTheirLines() {
    List<RuleProblem> problems = DroolsPolicyEvaluator.builder()
        .addRules("two.drl", TWO_ERRORS).check();
    assertThat(problems).extracting(RuleProblem::file, RuleProblem::line, RuleProblem::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("two.drl", 8, RuleProblem.Kind.UNKNOWN_PROPERTY),
            org.assertj.core.groups.Tuple.tuple("two.drl", 15,
                RuleProblem.Kind.UNKNOWN_PROPERTY));
    assertThat(problems).extracting(RuleProblem::toString).containsExactlyInAnyOrder(
        "two.drl:8: PairCheck has no property \"publisher\" (in publisher == \"acme\")",
        "two.drl:15: PairCheck has no property \"nosuchthing\" (in nosuchthing == 3)");
    // build() refuses with the same problems, the first in its message
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder().addRules("two.drl", TWO_ERRORS)
        .build())
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.problems()).containsExactlyElementsOf(problems);
          assertThat(e.getMessage()).startsWith(problems.get(0).toString())
              .endsWith("(and 1 more problems)");
        });
  }

  @Test
  void duplicateNamesAcrossFiles_nameBothFiles_andEveryFileIsChecked() {
    List<RuleProblem> problems = DroolsPolicyEvaluator.builder()
        .addRules("first.drl", denyCamera("site.a", "site: deny"))
        .addRules("broken.drl", "package site.c;\nrule \"x\"\nwhen\n  Nope()\nthen\nend\n")
        .addRules("second.drl", denyCamera("site.b", "site: deny"))
        .addRules("third.drl", denyCamera("site.c", "declarations: the deciding rule allows"))
        .check();
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0).file()).isEqualTo("broken.drl");
    assertThat(problems.get(0).kind()).isEqualTo(RuleProblem.Kind.COMPILE_ERROR);
    assertThat(problems.get(0).line()).isEqualTo(4);
    assertThat(problems.get(1)).isEqualTo(new RuleProblem(RuleProblem.Kind.DUPLICATE_RULE,
        "second.drl", 5,
        "rule \"site: deny\" is also defined in first.drl; rule names must be unique"));
    assertThat(problems.get(2)).isEqualTo(new RuleProblem(RuleProblem.Kind.DUPLICATE_RULE,
        "third.drl", 5, "rule \"declarations: the deciding rule allows\" is also defined in the"
            + " built-in rules; rule names must be unique"));
  }

  @Test
  void unreadableFiles_andTheBuiltinPackage_areProblemsToo(@TempDir Path dir) {
    Path missing = dir.resolve("nope.drl");
    List<RuleProblem> problems = DroolsPolicyEvaluator.builder()
        .addRuleFile(missing)
        .addRules("hijack.drl", "// the built-in package\n"
            + denyCamera("io.snapif.policy.rules", "site: hijack"))
        .check();
    assertThat(problems).extracting(RuleProblem::kind).containsExactly(
        RuleProblem.Kind.UNREADABLE, RuleProblem.Kind.BUILTIN_PACKAGE);
    assertThat(problems.get(0).file()).isEqualTo(missing.toString());
    assertThat(problems.get(1).line()).isEqualTo(2);
    assertThat(problems.get(1).message()).contains("io.snapif.policy.rules");
  }

  /** Compiles alone, but gives the fact class PairCheck another attribute than built-in rules. */
  private static final String RETYPES_PAIR_CHECK = """
      package site.retype;

      import io.snapif.policy.fact.PairCheck;

      declare PairCheck
        @typesafe(false)
      end
      """;

  @Test
  void aFactClassDeclaredOtherwiseThanTheBuiltinRulesDo_isAMergeConflict_andBuildRefusesIt() {
    // Compiles on its own; only merging it with the built-in rules fails (it used to fail every
    // decision with an internal error while check() found nothing).
    List<RuleProblem> problems = DroolsPolicyEvaluator.builder()
        .addRules("retype.drl", RETYPES_PAIR_CHECK).check();

    assertThat(problems).hasSize(1);
    RuleProblem problem = problems.get(0);
    assertThat(problem.kind()).isEqualTo(RuleProblem.Kind.MERGE_CONFLICT);
    assertThat(problem.file()).isEqualTo("retype.drl");
    assertThat(problem.line()).isEqualTo(5); // the declare
    assertThat(problem.message())
        .startsWith("does not merge into one rule base with the built-in rules: ")
        .contains("'PairCheck'");
    assertThatThrownBy(() -> DroolsPolicyEvaluator.builder()
        .addRules("retype.drl", RETYPES_PAIR_CHECK).build())
        .isInstanceOfSatisfying(RuleCompilationException.class,
            e -> assertThat(e.problems()).containsExactlyElementsOf(problems));
  }

  @Test
  void aTypeOrGlobalAnEarlierFileDeclaresOtherwise_namesBothFiles_andLaterFilesAreMerged() {
    String first = """
        package site;

        global java.util.List seen;

        declare Thing
          name : String
        end
        """;
    String sameThing = "package site;\n\ndeclare Thing\n  name : String\nend\n";
    String otherThing = "package site;\n\ndeclare Thing\n  size : int\nend\n";
    String otherGlobal = "package site;\n// a map now\nglobal java.util.Map seen;\n";
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder()
        .addRules("first.drl", first)
        .addRules("same.drl", sameThing) // declared the same way: no problem
        .addRules("thing.drl", otherThing)
        .addRules("global.drl", otherGlobal)
        .addRules("retype.drl", RETYPES_PAIR_CHECK); // merged after the two that clash

    List<RuleProblem> problems = builder.check();

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).isEqualTo(new RuleProblem(RuleProblem.Kind.MERGE_CONFLICT,
        "thing.drl", 3, "type site.Thing is declared with fields [size: int] here but with"
            + " [name: String] in first.drl; a type must be declared the same way in every file"));
    assertThat(problems.get(1)).isEqualTo(new RuleProblem(RuleProblem.Kind.MERGE_CONFLICT,
        "global.drl", 3, "global seen of package site is a java.util.Map here but a"
            + " java.util.List in first.drl; a global must have one type in every file of its"
            + " package"));
    assertThat(problems.get(2).file()).isEqualTo("retype.drl");
    assertThat(problems.get(2).message()).startsWith("does not merge into one rule base with the"
        + " built-in rules and the files before it: ");
    assertThatThrownBy(builder::build).isInstanceOfSatisfying(RuleCompilationException.class,
        e -> assertThat(e.problems()).containsExactlyElementsOf(problems));
    // the files without a clash build
    assertThat(DroolsPolicyEvaluator.builder().addRules("first.drl", first)
        .addRules("same.drl", sameThing).check()).isEmpty();
  }

  @Test
  void soundFiles_haveNoProblems_andTheirRulesAreListed() {
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder()
        .addRules("site.drl", denyCamera("site", "site: deny camera"));
    assertThat(builder.check()).isEmpty();
    List<PolicyRule> rules = builder.build().rules();
    assertThat(rules.get(0)).isEqualTo(new PolicyRule("site: deny camera", "site.drl", false));
    assertThat(rules).filteredOn(PolicyRule::builtin).extracting(PolicyRule::name)
        .contains("declarations: the deciding rule allows")
        .hasSameSizeAs(DroolsPolicyEvaluator.builtin().rules());
    assertThat(DroolsPolicyEvaluator.builtin().rules()).allMatch(PolicyRule::builtin);
  }

  @Test
  void onRuleFired_hearsTheRulesOfEachDecision() {
    Set<String> fired = ConcurrentHashMap.newKeySet();
    DroolsPolicyEvaluator site = DroolsPolicyEvaluator.builder()
        .addRules("site.drl", denyCamera("site", "site: deny camera"))
        .addRules("other.drl", denyCamera("site.other", "site: never").replace(
            "iface == \"camera\"", "iface == \"no-such-interface\""))
        .onRuleFired(fired::add)
        .build();
    InstalledSnap spy = app("spy").publisher("acme").plug("camera", "camera").build();
    assertThat(site.checkConnection(pair(spy, "camera", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isFalse();
    assertThat(fired).contains("site: deny camera", "declarations: the deciding rule allows")
        .doesNotContain("site: never");
    // sessions are pooled: each decision's firings are heard once, however often it is reused
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    DroolsPolicyEvaluator counted = DroolsPolicyEvaluator.builder()
        .addRules("site.drl", denyCamera("site", "site: deny camera"))
        .onRuleFired(rule -> counts.merge(rule, 1, Integer::sum))
        .build();
    for (int i = 0; i < 7; i++) {
      counted.checkConnection(pair(spy, "camera", CORE_SNAP, "camera", CLASSIC));
    }
    assertThat(counts.get("site: deny camera")).isEqualTo(7);
    // custom rules come first, in the order of their files
    assertThat(site.rules().subList(0, 2)).containsExactly(
        new PolicyRule("site: deny camera", "site.drl", false),
        new PolicyRule("site: never", "other.drl", false));
  }

  @Test
  void theFilesAfterOneDroolsCannotMerge_areStillMergedAndChecked() {
    String list = "package site;\nglobal java.util.List seen;\n";
    String map = "package site;\nglobal java.util.Map seen;\n";
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder()
        .addRules("retype.drl", RETYPES_PAIR_CHECK) // Drools fails to merge it
        .addRules("list.drl", list)
        .addRules("again.drl", RETYPES_PAIR_CHECK.replace("site.retype", "site.again"))
        .addRules("map.drl", map);

    List<RuleProblem> problems = builder.check();

    assertThat(problems).extracting(RuleProblem::file, RuleProblem::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("retype.drl", RuleProblem.Kind.MERGE_CONFLICT),
        org.assertj.core.groups.Tuple.tuple("again.drl", RuleProblem.Kind.MERGE_CONFLICT),
        org.assertj.core.groups.Tuple.tuple("map.drl", RuleProblem.Kind.MERGE_CONFLICT));
    assertThat(problems.get(0).message()).startsWith("does not merge into one rule base with the"
        + " built-in rules: ");
    assertThat(problems.get(1).message()).startsWith("does not merge into one rule base with the"
        + " built-in rules and the files before it: ");
    assertThat(problems.get(2).message()).isEqualTo("global seen of package site is a"
        + " java.util.Map here but a java.util.List in list.drl; a global must have one type in"
        + " every file of its package");
    assertThatThrownBy(builder::build).isInstanceOfSatisfying(RuleCompilationException.class,
        e -> assertThat(e.problems()).containsExactlyElementsOf(problems));
  }

  // ---- rules that fail every decision ---------------------------------------------------------

  private static final String THROWS_WITHOUT_FACTS = """
      package site;

      rule "site: ask the inventory"
      when
      then
        throw new IllegalStateException("no inventory service");
      end
      """;

  private static final String LOOPS_WITHOUT_FACTS = """
      package site;

      rule "site: seed"
      when
      then
        insert("x");
      end

      rule "site: grow"
      when
        $s : String()
      then
        insert($s + "x");
      end
      """;

  /** The one problem {@code builder.check()} finds. */
  private static RuleProblem onlyProblem(DroolsPolicyEvaluator.Builder builder) {
    List<RuleProblem> problems = builder.check();
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void aRuleThatThrowsWithoutFacts_isAnExecutionFailureAtItsLine_asBuildFails() {
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder()
        .addRules("fine.drl", denyCamera("site.fine", "site: fine"))
        .addRules("inventory.drl", THROWS_WITHOUT_FACTS);

    RuleProblem problem = onlyProblem(builder);

    assertThat(problem.kind()).isEqualTo(RuleProblem.Kind.EXECUTION_FAILURE);
    assertThat(problem.file()).isEqualTo("inventory.drl");
    assertThat(problem.line()).isEqualTo(3);
    assertThat(problem.message()).isEqualTo("a decision without any fact fails, so every"
        + " decision would: policy rule \"site: ask the inventory\" failed:"
        + " java.lang.IllegalStateException: no inventory service");
    assertThatThrownBy(builder::build).isInstanceOfSatisfying(RuleExecutionException.class,
        e -> assertThat(e.rule()).contains("site: ask the inventory"));
  }

  @Test
  void rulesThatDoNotSettleWithoutFacts_areAnExecutionFailureOfTheBusiestRule() {
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder()
        .firingLimit(500)
        .addRules("fine.drl", denyCamera("site.fine", "site: fine"))
        .addRules("loop.drl", LOOPS_WITHOUT_FACTS);

    RuleProblem problem = onlyProblem(builder);

    assertThat(problem.kind()).isEqualTo(RuleProblem.Kind.EXECUTION_FAILURE);
    assertThat(problem.file()).isEqualTo("loop.drl");
    assertThat(problem.line()).isEqualTo(9); // "site: grow", which fired most
    assertThat(problem.message()).startsWith("a decision without any fact fails, so every"
        + " decision would: policy rules did not settle within ");
    assertThatThrownBy(builder::build).isInstanceOfSatisfying(RuleFiringLimitException.class,
        e -> assertThat(e.rule()).contains("site: grow"));
    // without the loop, the same set checks clean and builds
    assertThat(DroolsPolicyEvaluator.builder().firingLimit(500)
        .addRules("fine.drl", denyCamera("site.fine", "site: fine")).check()).isEmpty();
  }
}
