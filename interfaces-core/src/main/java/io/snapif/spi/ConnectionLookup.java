package io.snapif.spi;

import io.snapif.model.Connection;
import io.snapif.model.SlotRef;
import java.util.List;

/**
 * The connections in effect (established, with both ends present; not undesired or dormant
 * entries) of a snap or a slot, as a {@link DecisionContext} gives them to policy. Asked on the
 * thread that asked for the decision, during it; answers must not be null.
 */
@FunctionalInterface
public interface ConnectionLookup {
  /** The connections in effect whose plug or slot is on snap {@code snap}, in id order. */
  List<Connection> ofSnap(String snap);

  /** The connections in effect of slot {@code slot}, in id order. */
  default List<Connection> ofSlot(SlotRef slot) {
    return ofSnap(slot.snap()).stream().filter(c -> c.id().slot().equals(slot)).toList();
  }

  /** A lookup that finds no connections. */
  static ConnectionLookup none() {
    return snap -> List.of();
  }
}
