package io.snapif.policy;

import io.snapif.SnapifException;
import java.util.Optional;

/**
 * Policy rules failed while deciding: a rule's consequence threw, the rules did not settle
 * ({@link RuleFiringLimitException}) or ran too long ({@link RuleTimeLimitException}). The
 * decision is abandoned; nothing was decided, so a manager asking for it changes nothing.
 */
public class RuleExecutionException extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final String rule; // null: not known

  RuleExecutionException(String message) {
    this(message, null, null);
  }

  RuleExecutionException(String message, String rule, Throwable cause) {
    super(message, cause);
    this.rule = rule;
  }

  /**
   * The rule at fault, when known: the rule whose consequence threw, or the rule that was firing
   * (or had fired last) when the rules were stopped, which is known for custom rule files only
   * (the built-in rules are not tracked). Empty for {@link RuleFiringLimitException}, which names
   * the busiest rules instead.
   */
  public Optional<String> rule() {
    return Optional.ofNullable(rule);
  }
}
