package io.snapif.policy;

import io.snapif.manager.DecisionLayer;
import io.snapif.model.ConnectionId;
import io.snapif.policy.fact.EntryFate;
import io.snapif.policy.fact.TouchedEntry;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What becomes of the state entries a lifecycle event touches: one {@link TouchedEntry} per
 * entry in a session, the rules of {@code lifecycle.drl} (and site rules) conclude {@link
 * EntryFate}s, and the fates that count make the plan. A site rule's fate overrides the built-in
 * ones (the outcome names the one it overrode); the fates that count for an entry must agree.
 */
final class EntryPlanner {
  private final RuleBase rules;
  private final DecisionSession.Limits limits;

  EntryPlanner(RuleBase rules, DecisionSession.Limits limits) {
    this.rules = rules;
    this.limits = limits;
  }

  EntryPlan plan(EntryEvent event, DecisionContext context) {
    List<TouchedEntry> touched = event.entries().stream()
        .map(t -> TouchedEntry.of(event, t)).toList();
    try (DecisionSession session = new DecisionSession(rules, limits)) {
      new ContextFacts(session, context);
      touched.forEach(session::insert);
      session.fire();
      Map<TouchedEntry, List<EntryFate>> fates = new IdentityHashMap<>();
      for (EntryFate fate : session.facts(EntryFate.class)) {
        fates.computeIfAbsent(fate.getEntry(), e -> new ArrayList<>()).add(fate);
      }
      Map<ConnectionId, EntryPlan.Outcome> outcomes = new HashMap<>();
      for (TouchedEntry entry : touched) {
        outcomes.put(entry.getId(), outcome(entry, fates.getOrDefault(entry, List.of())));
      }
      return new EntryPlan(outcomes);
    }
  }

  private static EntryPlan.Outcome outcome(TouchedEntry entry, List<EntryFate> fates) {
    boolean custom = fates.stream().anyMatch(EntryFate::isCustom);
    List<EntryFate> counting = fates.stream().filter(f -> f.isCustom() == custom).toList();
    if (counting.isEmpty()) {
      throw new RuleExecutionException("no policy rule decided the fate of the " + entry);
    }
    if (counting.stream().map(EntryFate::getFate).distinct().count() > 1) {
      throw new RuleExecutionException("policy rules disagree on the fate of the " + entry + ": "
          + counting.stream().map(f -> "\"" + f.getRule() + "\" says " + f.getFate())
              .collect(Collectors.joining(", ")));
    }
    EntryFate first = counting.get(0);
    if (!custom) {
      return new EntryPlan.Outcome(first.getFate(), first.getRule(), first.getDetail());
    }
    // what the built-in rules (one per entry) had decided, so that the override can be told
    Optional<EntryPlan.Overridden> overridden = fates.stream().filter(f -> !f.isCustom())
        .findFirst().map(f -> new EntryPlan.Overridden(f.getFate(), f.getRule()));
    return new EntryPlan.Outcome(first.getFate(), first.getRule(), DecisionLayer.CUSTOM_RULE,
        first.getDetail(), overridden);
  }
}
