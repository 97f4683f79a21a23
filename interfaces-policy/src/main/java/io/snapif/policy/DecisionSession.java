package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * One decision batch: a session with the facts one decision touches (a snap's plugs and slots,
 * or its candidate pairs), fired to quiescence within a budget, then read back by fact type.
 *
 * <p>Not thread-safe; used by one thread and closed (the session goes back to the pool).
 */
final class DecisionSession implements AutoCloseable {
  /** Firings allowed per fact inserted, on top of the fixed budget. */
  static final int FIRINGS_PER_FACT = 20;

  private final KieSession session;
  private final long fixedBudget;
  private final Map<String, Integer> firingsByRule;
  private final boolean customRules;
  private long facts;
  private long fired;

  DecisionSession(RuleBase rules, long fixedBudget) {
    this.session = rules.newSession();
    this.fixedBudget = fixedBudget;
    this.customRules = rules.hasCustomRules();
    // Only custom rules can loop; count per rule then, to name the culprits.
    this.firingsByRule = rules.hasCustomRules() ? new HashMap<>() : null;
    if (firingsByRule != null) {
      session.addEventListener(new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          firingsByRule.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }
      });
    }
  }

  void insert(Object fact) {
    session.insert(fact);
    facts++;
  }

  /**
   * Fires the rules until nothing is left to fire.
   *
   * @throws RuleFiringLimitException if the batch's budget runs out first
   * @throws RuleExecutionException if a rule's consequence throws
   */
  void fire() {
    long budget = fixedBudget + FIRINGS_PER_FACT * facts;
    long remaining = budget - fired;
    try {
      int n = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, Math.max(1, remaining)));
      fired += n;
      if (n >= remaining) {
        throw new RuleFiringLimitException(budget, busiestRules());
      }
    } catch (ConsequenceException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new RuleExecutionException("policy rule \"" + e.getMatch().getRule().getName()
          + "\" failed: " + cause, cause);
    }
  }

  /**
   * The facts of exactly class {@code type} now in the session. The session stores facts by
   * class, so this visits only those.
   */
  @SuppressWarnings("unchecked")
  <T> List<T> facts(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Object o : session.getObjects(new ClassObjectFilter(type))) {
      if (o.getClass() == type) {
        out.add((T) o);
      }
    }
    return out;
  }

  /** Whether user rule files take part (they may add verdicts of their own). */
  boolean hasCustomRules() {
    return customRules;
  }

  /** Every fact now in the session. */
  List<Object> allFacts() {
    return new ArrayList<>(session.getObjects());
  }

  private ImmutableList<String> busiestRules() {
    if (firingsByRule == null) {
      return ImmutableList.of();
    }
    return firingsByRule.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(3)
        .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")")
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public void close() {
    session.dispose();
  }
}
