package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.function.Consumer;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * One decision batch: a session with the facts one decision touches (a snap's plugs and slots,
 * or its candidate pairs), fired to quiescence within a budget of firings and a time limit, then
 * read back by fact type.
 *
 * <p>Not thread-safe; used by one thread and closed: the session goes back to the pool, unless
 * inserting or firing failed, which may leave it in any state; then it is discarded.
 */
final class DecisionSession implements AutoCloseable {
  /** Firings allowed per fact inserted, on top of the fixed budget. */
  static final int FIRINGS_PER_FACT = 20;

  private final RuleBase rules;
  private final RuleBase.Borrowed borrowed;
  private final KieSession session;
  private final long fixedBudget;
  private final long timeLimitNanos;
  private final Map<String, Integer> firingsByRule;
  private final boolean customRules;
  private long facts;
  private long fired;
  private long deadline; // System.nanoTime() by which firing must be over; set by the first fire
  private boolean started;
  private boolean stopped; // the watchdog stopped a fire
  private boolean sound = true; // false while inserting or firing, and after either failed
  private String running; // custom rules only: the rule firing, or that fired last

  DecisionSession(RuleBase rules, Limits limits) {
    this.rules = rules;
    this.borrowed = rules.borrow();
    this.session = borrowed.session();
    this.fixedBudget = limits.firings();
    this.timeLimitNanos = limits.time().toNanos();
    this.customRules = rules.hasCustomRules();
    // Only custom rules can loop or hang; track them then, to name the culprits.
    this.firingsByRule = rules.hasCustomRules() ? new HashMap<>() : null;
    if (firingsByRule != null) {
      session.addEventListener(new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
          running = event.getMatch().getRule().getName();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          firingsByRule.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }
      });
    }
    if (limits.fired() != null) { // rule coverage: only when asked for, off the hot path else
      Consumer<String> fired = limits.fired();
      session.addEventListener(new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          fired.accept(event.getMatch().getRule().getName());
        }
      });
    }
  }

  /**
   * The firing budget and time limit of one decision batch, and who hears of each rule that
   * fires ({@code null}: nobody, and no listener is attached).
   */
  record Limits(long firings, Duration time, Consumer<String> fired) {
    Limits(long firings, Duration time) {
      this(firings, time, null);
    }
  }

  void insert(Object fact) {
    insertContext(fact);
    facts++;
  }

  /**
   * Inserts a fact about the decision's circumstances ({@code Operation}, {@code
   * ExistingConnection}), which adds nothing to the firing budget: that is per question asked.
   */
  void insertContext(Object fact) {
    sound = false;
    session.insert(fact);
    sound = true;
  }

  /**
   * Fires the rules until nothing is left to fire.
   *
   * @throws RuleFiringLimitException if the batch's budget runs out first
   * @throws RuleTimeLimitException if firing runs past the time limit (counted from the first
   *     fire of the batch) and the watchdog stops it
   * @throws RuleExecutionException if a rule's consequence throws
   */
  void fire() {
    long budget = fixedBudget + FIRINGS_PER_FACT * facts;
    long remaining = budget - fired;
    if (!started) {
      started = true;
      deadline = System.nanoTime() + timeLimitNanos;
    }
    sound = false;
    int n;
    try {
      n = fireWatched((int) Math.min(Integer.MAX_VALUE, Math.max(1, remaining)));
    } catch (ConsequenceException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String rule = e.getMatch().getRule().getName();
      if (stopped) {
        throw timeLimit(rule, cause);
      }
      throw new RuleExecutionException("policy rule \"" + rule + "\" failed: " + cause, rule,
          cause);
    } catch (RuntimeException e) {
      if (stopped) {
        throw timeLimit(running, e);
      }
      throw e;
    }
    if (stopped) {
      throw timeLimit(running, null);
    }
    fired += n;
    if (n >= remaining) {
      throw new RuleFiringLimitException(budget, busiestRules(), busiestRule());
    }
    sound = true;
  }

  /**
   * Fires at most {@code max} rules, watched by the {@link FiringWatchdog} when custom rules take
   * part: the built-in rules always settle, and their decisions are the hot path.
   */
  private int fireWatched(int max) {
    if (!customRules) {
      return session.fireAllRules(max);
    }
    FiringWatchdog.Slot slot = FiringWatchdog.slot();
    boolean watched = slot.arm(session, deadline);
    try {
      return session.fireAllRules(max);
    } finally {
      if (watched && slot.disarm()) {
        stopped = true;
      }
    }
  }

  private RuleTimeLimitException timeLimit(String rule, Throwable cause) {
    return new RuleTimeLimitException(Duration.ofNanos(timeLimitNanos), rule, busiestRules(),
        cause);
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
    return busiest().limit(3)
        .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")")
        .collect(ImmutableList.toImmutableList());
  }

  /** The rule that fired most; null when not tracked (no custom rules). */
  private String busiestRule() {
    return busiest().findFirst().map(Map.Entry::getKey).orElse(null);
  }

  private Stream<Map.Entry<String, Integer>> busiest() {
    return firingsByRule == null ? Stream.empty() : firingsByRule.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed());
  }

  @Override
  public void close() {
    rules.giveBack(borrowed, sound);
  }
}
