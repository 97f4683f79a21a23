package io.snapif.manager;

import io.snapif.model.ConnectionId;
import io.snapif.spi.DecisionRecord;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import java.util.Objects;
import java.util.Optional;

/**
 * The fate policy gave a state entry that a disconnect, refresh or removal touched, one that
 * changes something: an entry that leaves the state or is remembered as undesired, or a
 * connection in effect that is kept (dormant after a refresh, or kept by a site rule). A {@link
 * ChangeReport} lists them ({@link ChangeReport#entryDecisions()}), and the decision log logs
 * them as records of kind {@link DecisionRecord.Kind#ENTRY}, worded as here.
 *
 * @param id the entry
 * @param event what touched it: {@code DISCONNECT}, {@code REFRESH} (also a reinstall that finds
 *     retired entries) or {@code REMOVE}
 * @param outcome policy's answer ({@link io.snapif.spi.PolicyEvaluator#planEntries}): the fate,
 *     the deciding rule, its layer and detail, and the built-in fate a site rule overrode, if any
 * @param found the entry as the event found it, in words ({@code automatic connection, in
 *     effect}, {@code manual connection, not in effect, plug gone}): what a built-in rule matched
 */
public record EntryDecision(ConnectionId id, EntryEvent.Kind event, EntryPlan.Outcome outcome,
    String found) {
  /** Checks that nothing is null. */
  public EntryDecision {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(found, "found");
  }

  /** The event, the fate and the overridden fate, with their words ({@code undesired}). */
  public DecisionRecord.EntryFate fate() {
    return new DecisionRecord.EntryFate(event, outcome.fate(),
        outcome.overridden().map(EntryPlan.Overridden::fate));
  }

  /**
   * The sentence of the deciding rule: {@code state entry remembered as undesired on disconnect
   * by rule "RULE"}, {@code state entry deleted on remove by custom rule "RULE"}.
   */
  public String message() {
    return message(outcome.fate(), outcome.layer(), outcome.rule());
  }

  /**
   * The deciding rule, its layer and why: a site rule's own words, or for a built-in rule (which
   * gives none) what it matched, {@link #found()}.
   */
  public Reason reason() {
    return Reason.of(outcome.rule(), outcome.layer(),
        outcome.detail().isEmpty() ? found : outcome.detail());
  }

  /**
   * The built-in fate a site rule overrode, worded as an overridden verdict: its rule, its layer
   * ({@code LIFECYCLE}) and, as detail, its {@link #message()}, {@code ": "} and {@link
   * #found()}; empty for a built-in fate. {@link #fate()} has the overridden fate itself.
   */
  public Optional<Reason> overridden() {
    return outcome.overridden().map(o -> Reason.of(o.rule(), o.layer(),
        message(o.fate(), o.layer(), o.rule()) + ": " + found));
  }

  private String message(EntryPlan.Fate fate, DecisionLayer layer, String rule) {
    DecisionRecord.EntryFate words = new DecisionRecord.EntryFate(event, fate);
    return "state entry " + (fate == EntryPlan.Fate.UNDESIRED
        ? "remembered as undesired" : words.fateWord()) + " on " + words.eventWord() + " by "
        + (layer == DecisionLayer.CUSTOM_RULE ? "custom rule" : "rule") + " \"" + rule + "\"";
  }
}
