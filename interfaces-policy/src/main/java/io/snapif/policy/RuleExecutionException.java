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
   * The rule at fault, when known: the rule whose consequence threw; for rules that did not
   * settle ({@link RuleFiringLimitException}), the one that fired most; for rules stopped at the
   * time limit, the one that was firing (or had fired last). The last two are known only when
   * custom rules take part (the built-in rules alone are not tracked).
   */
  public Optional<String> rule() {
    return Optional.ofNullable(rule);
  }
}
