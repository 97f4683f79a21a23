package io.snapif.policy;

import io.snapif.policy.fact.Check;
import io.snapif.policy.fact.Overridden;
import io.snapif.policy.fact.Verdict;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the built-in rules (or a given rule base) over a handful of facts, for rule tests. */
final class RuleHarness {
  private final List<Object> facts;

  private RuleHarness(List<Object> facts) {
    this.facts = facts;
  }

  static RuleHarness run(Object... facts) {
    return run(RuleBase.builtin(), facts);
  }

  static RuleHarness run(RuleBase rules, Object... facts) {
    try (DecisionSession session = new DecisionSession(rules,
        new DecisionSession.Limits(10_000, DroolsPolicyEvaluator.DEFAULT_TIME_LIMIT))) {
      for (Object f : facts) {
        session.insert(f);
      }
      session.fire();
      return new RuleHarness(session.allFacts());
    }
  }

  /** The facts of exactly class {@code type}. */
  <T> List<T> all(Class<T> type) {
    return facts.stream().filter(f -> f.getClass() == type).map(type::cast)
        .collect(Collectors.toList());
  }

  /** The names of the rules whose verdicts are about {@code check}. */
  List<String> verdictRules(Check check) {
    return all(Verdict.class).stream().filter(v -> v.getCheck() == check).map(Verdict::getRule)
        .collect(Collectors.toList());
  }

  /** The only verdict about {@code check} that counts (that no other verdict overrides). */
  Verdict counted(Check check) {
    List<Verdict> overridden = all(Overridden.class).stream().map(Overridden::getVerdict)
        .collect(Collectors.toList());
    List<Verdict> counted = all(Verdict.class).stream()
        .filter(v -> v.getCheck() == check && overridden.stream().noneMatch(o -> o == v))
        .collect(Collectors.toList());
    if (counted.size() != 1) {
      throw new AssertionError("expected one verdict that counts for " + check + ", got "
          + counted);
    }
    return counted.get(0);
  }

  /** The names of the precedence rules that overrode verdicts about {@code check}. */
  Set<String> overridingRules(Check check) {
    return all(Overridden.class).stream().filter(o -> o.getCheck() == check)
        .map(Overridden::getRule).collect(Collectors.toSet());
  }
}
