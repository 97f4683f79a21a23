package io.snapif.manager;

import io.snapif.model.Connection;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks policy what becomes of the state entries a lifecycle event touches, and applies its plan
 * to the draft as it is; the fates that change something go to the report and the decision log
 * ({@link EntryDecision}). The decisions (remembered as undesired, dropped, dormant, retired) are
 * the policy's; this class only carries them out, and fails when the plan leaves an entry
 * undecided or gives it a fate the event cannot have.
 */
final class EntryFates {
  private final PolicyEvaluator policy;

  EntryFates(PolicyEvaluator policy) {
    this.policy = policy;
  }

  /** Decides and applies the fate of {@code entries}, touched by an event about {@code snap}. */
  void decide(StateDraft draft, EntryEvent.Kind kind, String snap, boolean forget,
      List<Connection> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<EntryEvent.Touched> touched = entries.stream()
        .map(e -> new EntryEvent.Touched(e, draft.plug(e.id().plug()).isPresent(),
            draft.slot(e.id().slot()).isPresent(), draft.inEffect(e)))
        .toList();
    EntryEvent event = new EntryEvent(kind, snap, forget, touched);
    EntryPlan plan = policy.planEntries(event, draft.context());
    for (EntryEvent.Touched t : touched) {
      EntryPlan.Outcome outcome = plan.outcome(t.entry().id());
      if (changesSomething(draft, t.entry(), outcome)) {
        draft.entryDecision(new EntryDecision(t.entry().id(), kind, outcome, found(event, t)));
      }
      apply(draft, kind, t.entry(), outcome);
    }
  }

  /**
   * Whether a fate changes something, and so is reported and logged: an entry that leaves the
   * state or is remembered, or a connection that was in effect when the operation started and
   * is kept (dormant after a refresh, or in effect still because a site rule kept it). A
   * remembered or dormant entry that stays as it is decides nothing new, as pairs already in
   * state decide nothing new for auto-connect.
   */
  private static boolean changesSomething(StateDraft draft, Connection entry,
      EntryPlan.Outcome outcome) {
    return outcome.fate() != EntryPlan.Fate.KEEP || draft.wasInEffect(entry);
  }

  /** The entry as the event found it, in words: what a built-in rule matched. */
  private static String found(EntryEvent event, EntryEvent.Touched touched) {
    Connection entry = touched.entry();
    List<String> found = new ArrayList<>();
    found.add((entry.undesired() ? "remembered undesired " : "")
        + (entry.byGadget() ? "gadget" : entry.auto() ? "automatic" : "manual") + " connection");
    found.add(touched.inEffect() ? "in effect" : "not in effect");
    if (!touched.plugPresent()) {
      found.add("plug gone");
    }
    if (!touched.slotPresent()) {
      found.add("slot gone");
    }
    if (event.forget()) {
      found.add("--forget");
    }
    return String.join(", ", found);
  }

  private static void apply(StateDraft draft, EntryEvent.Kind kind, Connection entry,
      EntryPlan.Outcome outcome) {
    switch (outcome.fate()) {
      case KEEP -> { }
      case DELETE -> draft.removeEntry(entry.id());
      // attributes are not kept: a remembered pair is connected afresh if ever
      case UNDESIRED -> draft.putEntry(Connection.builder()
          .id(entry.id())
          .iface(entry.iface())
          .auto(true)
          .byGadget(entry.byGadget())
          .undesired(true)
          .build());
      case RETIRE -> {
        if (kind != EntryEvent.Kind.REMOVE) {
          throw new IllegalStateException("policy rule \"" + outcome.rule() + "\" retires "
              + entry.id() + " on " + kind + "; only a removal retires entries");
        }
        draft.retire(entry);
      }
      default -> throw new AssertionError(outcome.fate());
    }
  }
}
