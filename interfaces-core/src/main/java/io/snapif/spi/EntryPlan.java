package io.snapif.spi;

import io.snapif.manager.DecisionLayer;
import io.snapif.model.ConnectionId;
import java.util.Map;
import java.util.Objects;

/**
 * What policy concluded for each entry of an {@link EntryEvent}. The manager applies it as it is
 * and fails loudly on an entry the plan says nothing about, or a fate the event cannot have.
 *
 * @param outcomes the outcome of each touched entry, by its id
 */
public record EntryPlan(Map<ConnectionId, Outcome> outcomes) {
  /** What becomes of one entry. */
  public enum Fate {
    /** The entry stays as it is (a remembered entry, or one left dormant until its ends return). */
    KEEP,
    /** The entry leaves the state: a reinstall or refresh may auto-connect the pair again. */
    DELETE,
    /** The entry is remembered as undesired: auto-connect never makes the pair again. */
    UNDESIRED,
    /**
     * Removal only: the entry leaves the state but is kept aside until the manager closes, so a
     * reinstall before that finds it (snapd keeps such entries until it restarts).
     */
    RETIRE
  }

  /**
   * One entry's outcome.
   *
   * @param fate what becomes of the entry
   * @param rule the rule that decided it
   * @param layer the rule's layer: {@link DecisionLayer#LIFECYCLE} for the built-in rules,
   *     {@link DecisionLayer#CUSTOM_RULE} for a site rule's fate
   * @param detail why, in words for people; may be empty
   */
  public record Outcome(Fate fate, String rule, DecisionLayer layer, String detail) {
    /** Checks that nothing is null. */
    public Outcome {
      Objects.requireNonNull(fate, "fate");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(layer, "layer");
      Objects.requireNonNull(detail, "detail");
    }

    /** A built-in rule's outcome ({@link DecisionLayer#LIFECYCLE}). */
    public Outcome(Fate fate, String rule, String detail) {
      this(fate, rule, DecisionLayer.LIFECYCLE, detail);
    }
  }

  public EntryPlan {
    outcomes = Map.copyOf(outcomes);
  }

  /**
   * The outcome of entry {@code id}.
   *
   * @throws IllegalStateException if the plan has none: the policy left an entry undecided
   */
  public Outcome outcome(ConnectionId id) {
    Outcome outcome = outcomes.get(id);
    if (outcome == null) {
      throw new IllegalStateException("the policy decided nothing for state entry " + id);
    }
    return outcome;
  }
}
