package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import java.time.Duration;

/**
 * The rules of one decision kept running past its time limit (see
 * {@link DroolsPolicyEvaluator.Builder#timeLimit(Duration)}) and were stopped: almost always a
 * custom rule whose consequence sleeps, waits or loops. Names the rule that was firing (or had
 * fired last) when the rules were stopped, if known, and the rules that fired most.
 */
public final class RuleTimeLimitException extends RuleExecutionException {
  private static final long serialVersionUID = 1L;
  private final Duration limit;
  private final ImmutableList<String> busiestRules;

  RuleTimeLimitException(Duration limit, String rule, ImmutableList<String> busiestRules,
      Throwable cause) {
    super("policy rules did not finish within " + limit.toMillis() + " ms"
        + (rule == null ? "" : "; stopped at rule \"" + rule + "\"")
        + (busiestRules.isEmpty() ? "" : "; busiest rules: " + String.join(", ", busiestRules)),
        rule, cause);
    this.limit = limit;
    this.busiestRules = busiestRules;
  }

  /** The time the decision was allowed. */
  public Duration limit() {
    return limit;
  }

  /** The names of the rules that fired most, busiest first (with their counts). */
  public ImmutableList<String> busiestRules() {
    return busiestRules;
  }
}
