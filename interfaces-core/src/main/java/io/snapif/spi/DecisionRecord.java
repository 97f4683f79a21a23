package io.snapif.spi;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.CheckKind;
import io.snapif.manager.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One policy decision as the {@link DecisionLog} gets it: what was decided, in which operation
 * and mode, by which verdict, over which rule set and state generation. A decision is a check
 * (installation, connection, auto-connection) or, of kind {@link Kind#ENTRY}, the fate policy
 * gave a state entry a lifecycle event touched ({@link PolicyEvaluator#planEntries}).
 *
 * @param id unique per record: the operation's random UUID, a slash and the record's index in
 *     the operation ({@code 0}, {@code 1}, ...), so the records of one operation share a prefix
 * @param time when the operation's outcome was settled (all its records share it)
 * @param operation what was asked: {@code install vlc}, {@code connect vlc:camera}, {@code
 *     explain vlc:camera}
 * @param mode committed, refused, simulated or explain
 * @param kind installation, connection, auto-connection or entry
 * @param subject what was checked: a snap, or a connection {@code plugsnap:plug slotsnap:slot};
 *     for an entry, the entry's connection
 * @param allowed the outcome; always true for an entry (a fate is not a refusal)
 * @param effect for an auto-connection: what the plan made of it; empty otherwise
 * @param entry for an entry: the event and the fate; empty otherwise
 * @param message the sentence of the verdict that counts, e.g. {@code connection denied by slot
 *     rule of interface "camera"}, or {@code state entry deleted on disconnect by rule "..."}
 * @param reasons the verdicts that count, the deciding one first, each with its rule, layer and
 *     detail (a custom rule's detail is its own words; for a built-in entry fate, the entry as
 *     the event found it, which is what the rule matched)
 * @param overridden the verdicts they overrode; the detail is the overridden verdict's message,
 *     a colon and its detail. For an entry, the built-in fate a site rule's fate overrode, if
 *     any (one at most; {@link EntryFate#overridden()} has the fate itself)
 * @param ruleSet the evaluator's {@link PolicyEvaluator#ruleSetId()}
 * @param generation the state generation the operation leaves: for {@code committed} the one it
 *     wrote (or the current one when it changed nothing), for {@code simulated} the one it would
 *     write, for {@code refused} and {@code explain} the current one
 */
public record DecisionRecord(
    String id,
    Instant time,
    String operation,
    Mode mode,
    Kind kind,
    String subject,
    boolean allowed,
    Optional<Effect> effect,
    Optional<EntryFate> entry,
    String message,
    List<Reason> reasons,
    List<Reason> overridden,
    String ruleSet,
    long generation) {

  /** Checks that nothing is null and copies the lists (unmodifiable). */
  public DecisionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(entry, "entry");
    if (entry.isPresent() != (kind == Kind.ENTRY)) {
      throw new IllegalArgumentException("an entry fate is given for kind entry, and only then");
    }
    Objects.requireNonNull(message, "message");
    reasons = ImmutableList.copyOf(reasons);
    overridden = ImmutableList.copyOf(overridden);
    if (entry.isPresent() && overridden.size() != (entry.get().overridden().isPresent() ? 1 : 0)) {
      throw new IllegalArgumentException("an entry's overridden verdict is the fate it overrode,"
          + " and only then: " + entry.get() + " with " + overridden.size() + " overridden");
    }
    Objects.requireNonNull(ruleSet, "ruleSet");
  }

  /** A check decision's record: installation, connection or auto-connection, no entry fate. */
  public DecisionRecord(String id, Instant time, String operation, Mode mode, CheckKind kind,
      String subject, boolean allowed, Optional<Effect> effect, String message,
      List<Reason> reasons, List<Reason> overridden, String ruleSet, long generation) {
    this(id, time, operation, mode, Kind.of(kind), subject, allowed, effect, Optional.empty(),
        message, reasons, overridden, ruleSet, generation);
  }

  /** The deciding verdict's rule, layer and detail: the first of {@link #reasons()}, if any. */
  public Optional<Reason> verdict() {
    return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons.get(0));
  }

  /** How the decision was taken. */
  public enum Mode {
    /** By an operation that was committed (including one that changed nothing). */
    COMMITTED,
    /**
     * By an applied operation that was refused ({@code OperationException}): the decisions
     * taken until the refusal, the refusing one last when policy refused. Nothing changed.
     */
    REFUSED,
    /** By a simulation ({@code --dry-run}), whether or not it would be refused. */
    SIMULATED,
    /** Shown by {@code explain}: what policy says now; nothing changed. */
    EXPLAIN;

    /** {@code committed}, {@code refused}, {@code simulated} or {@code explain}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What was decided: one of the three policy checks, or a state entry's fate. */
  public enum Kind {
    /** {@link CheckKind#INSTALLATION}. */
    INSTALLATION,
    /** {@link CheckKind#CONNECTION}: a manual or gadget connection. */
    CONNECTION,
    /** {@link CheckKind#AUTO_CONNECTION}. */
    AUTO_CONNECTION,
    /** What becomes of a state entry a disconnect, refresh or removal touched. */
    ENTRY;

    /** The kind of a check's decision. */
    public static Kind of(CheckKind check) {
      return switch (check) {
        case INSTALLATION -> INSTALLATION;
        case CONNECTION -> CONNECTION;
        case AUTO_CONNECTION -> AUTO_CONNECTION;
      };
    }

    /** {@code installation}, {@code connection}, {@code auto-connection} or {@code entry}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * The fate of a state entry, as a record of kind {@link Kind#ENTRY} has it.
   *
   * @param event the lifecycle event that touched the entry
   * @param fate what policy made of it
   * @param overridden the built-in fate a site rule's fate overrode ({@link
   *     EntryPlan.Outcome#overridden()}); the record's {@link DecisionRecord#overridden()} has
   *     its rule and words
   */
  public record EntryFate(EntryEvent.Kind event, EntryPlan.Fate fate,
      Optional<EntryPlan.Fate> overridden) {
    /** Checks that nothing is null. */
    public EntryFate {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(fate, "fate");
      Objects.requireNonNull(overridden, "overridden");
    }

    /** A fate that overrode nothing. */
    public EntryFate(EntryEvent.Kind event, EntryPlan.Fate fate) {
      this(event, fate, Optional.empty());
    }

    /** {@code disconnect}, {@code refresh} or {@code remove}. */
    public String eventWord() {
      return event.name().toLowerCase(Locale.ROOT);
    }

    /** {@code deleted}, {@code undesired} (remembered as), {@code kept} or {@code retired}. */
    public String fateWord() {
      return word(fate);
    }

    /** The overridden fate in the words of {@link #fateWord()}. */
    public Optional<String> overriddenWord() {
      return overridden.map(EntryFate::word);
    }

    private static String word(EntryPlan.Fate fate) {
      return switch (fate) {
        case KEEP -> "kept";
        case DELETE -> "deleted";
        case UNDESIRED -> "undesired";
        case RETIRE -> "retired";
      };
    }
  }

  /** What an auto-connect plan made of a logged auto-connection decision. */
  public enum Effect {
    /** The pair was connected (or, simulated, would be). */
    CONNECTED,
    /** Allowed, but one of several candidates of a plug: nothing connected, a warning. */
    AMBIGUOUS,
    /** Denied, and the plug got no connection. */
    NOT_CONNECTED;

    /** {@code connected}, {@code ambiguous} or {@code not-connected}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
