package io.snapif.policy;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.SlotRef;
import io.snapif.policy.fact.ExistingConnection;
import io.snapif.policy.fact.Operation;
import io.snapif.policy.fact.PairCheck;
import io.snapif.spi.ConnectionLookup;
import io.snapif.spi.DecisionContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a decision's circumstances into its session: the {@link Operation} always, and the
 * {@link ExistingConnection}s of the snaps and slots the decision touches when custom rules take
 * part (only they can count them; the built-in rules and the large auto-connects of the hot path
 * go without). Each connection goes in once.
 */
final class ContextFacts {
  private final DecisionSession session;
  private final ConnectionLookup lookup; // null: no connection facts
  private final Set<String> snaps;
  private final Set<SlotRef> slots;
  private final Set<ConnectionId> inserted;

  ContextFacts(DecisionSession session, DecisionContext context) {
    this.session = session;
    session.insertContext(Operation.of(context));
    boolean counting = session.hasCustomRules();
    this.lookup = counting ? context.connections() : null;
    this.snaps = counting ? new HashSet<>() : Set.of();
    this.slots = counting ? new HashSet<>() : Set.of();
    this.inserted = counting ? new HashSet<>() : Set.of();
  }

  /** The connections of snap {@code name}. */
  void snap(String name) {
    if (lookup != null && snaps.add(name)) {
      add(lookup.ofSnap(name));
    }
  }

  /** The connections of {@code pair}'s plug snap and of its slot. */
  void pairs(Iterable<PairCheck> pairs) {
    if (lookup == null) {
      return;
    }
    for (PairCheck pair : pairs) {
      snap(pair.getPlugSnap());
      SlotRef slot = pair.getSlotRef();
      if (!snaps.contains(slot.snap()) && slots.add(slot)) {
        add(lookup.ofSlot(slot));
      }
    }
  }

  private void add(List<Connection> connections) {
    for (Connection c : connections) {
      if (inserted.add(c.id())) {
        session.insertContext(ExistingConnection.of(c));
      }
    }
  }
}
