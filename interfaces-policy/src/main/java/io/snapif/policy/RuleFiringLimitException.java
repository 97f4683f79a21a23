package io.snapif.policy;

import com.google.common.collect.ImmutableList;

/**
 * The rules kept firing past the budget of one decision batch (see
 * {@link DroolsPolicyEvaluator.Builder#firingLimit(int)}): almost always a custom rule that
 * re-inserts what it reacts to. Names the rules that fired most.
 */
public final class RuleFiringLimitException extends RuleExecutionException {
  private static final long serialVersionUID = 1L;
  private final long limit;
  private final ImmutableList<String> busiestRules;

  RuleFiringLimitException(long limit, ImmutableList<String> busiestRules, String busiestRule) {
    super("policy rules did not settle within " + limit + " rule firings"
        + (busiestRules.isEmpty() ? "" : "; busiest rules: " + String.join(", ", busiestRules)),
        busiestRule, null);
    this.limit = limit;
    this.busiestRules = busiestRules;
  }

  /** The number of firings the batch was allowed. */
  public long limit() {
    return limit;
  }

  /** The names of the rules that fired most, busiest first (with their counts). */
  public ImmutableList<String> busiestRules() {
    return busiestRules;
  }
}
