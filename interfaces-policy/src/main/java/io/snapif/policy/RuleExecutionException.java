package io.snapif.policy;

import io.snapif.SnapifException;

/**
 * Policy rules failed while deciding: a rule's consequence threw, the rules did not settle
 * ({@link RuleFiringLimitException}) or ran too long ({@link RuleTimeLimitException}). The
 * decision is abandoned; nothing was decided, so a manager asking for it changes nothing.
 */
public class RuleExecutionException extends SnapifException {
  private static final long serialVersionUID = 1L;

  RuleExecutionException(String message) {
    super(message);
  }

  RuleExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
