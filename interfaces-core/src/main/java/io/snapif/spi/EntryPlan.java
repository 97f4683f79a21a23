package io.snapif.spi;

import io.snapif.manager.DecisionLayer;
import io.snapif.model.ConnectionId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
   * @param overridden for a site rule's fate, the built-in fate it overrode (also when both are
   *     the same), so that a reader can tell what the built-in rules would have done; empty for
   *     a built-in fate, which overrides nothing
   */
  public record Outcome(Fate fate, String rule, DecisionLayer layer, String detail,
      Optional<Overridden> overridden) {
    /**
     * Checks that nothing is null, and that only a site rule's fate overrides one.
     *
     * @throws IllegalArgumentException if a built-in fate names one it overrode
     */
    public Outcome {
      Objects.requireNonNull(fate, "fate");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(layer, "layer");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(overridden, "overridden");
      if (overridden.isPresent() && layer != DecisionLayer.CUSTOM_RULE) {
        throw new IllegalArgumentException("only a site rule's fate overrides another, not rule \""
            + rule + "\" of layer " + layer);
      }
    }

    /** An outcome that overrides nothing. */
    public Outcome(Fate fate, String rule, DecisionLayer layer, String detail) {
      this(fate, rule, layer, detail, Optional.empty());
    }

    /** A built-in rule's outcome ({@link DecisionLayer#LIFECYCLE}). */
    public Outcome(Fate fate, String rule, String detail) {
      this(fate, rule, DecisionLayer.LIFECYCLE, detail);
    }
  }

  /**
   * The fate a built-in rule gave an entry, which a site rule's fate overrode.
   *
   * @param fate the built-in fate, which did not count
   * @param rule the built-in rule that gave it
   */
  public record Overridden(Fate fate, String rule) {
    /** Checks that nothing is null. */
    public Overridden {
      Objects.requireNonNull(fate, "fate");
      Objects.requireNonNull(rule, "rule");
    }

    /** The layer of the rule that gave it: always {@link DecisionLayer#LIFECYCLE}. */
    public DecisionLayer layer() {
      return DecisionLayer.LIFECYCLE;
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
