package io.snapif.policy;

import io.snapif.policy.fact.Check;
import io.snapif.policy.fact.Ruling;
import io.snapif.policy.fact.Verdict;
import java.util.List;
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
    try (DecisionSession session = new DecisionSession(rules, 10_000)) {
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

  /** The only ruling of {@code check}. */
  Ruling ruling(Check check) {
    List<Ruling> r = all(Ruling.class).stream().filter(x -> x.getCheck() == check)
        .collect(Collectors.toList());
    if (r.size() != 1) {
      throw new AssertionError("expected one ruling of " + check + ", got " + r);
    }
    return r.get(0);
  }
}
