package io.snapif.policy;

import java.util.Objects;

/**
 * A rule an evaluator runs, as {@link DroolsPolicyEvaluator#rules()} lists it.
 *
 * @param name the rule's name, unique among the evaluator's rules
 * @param file the custom rule file that defines it, as it was given; {@code built-in} for a
 *     built-in rule
 * @param builtin whether it is one of the built-in rules
 */
public record PolicyRule(String name, String file, boolean builtin) {
  public PolicyRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
  }
}
