package io.snapif.examples.cli;

import com.google.common.collect.ImmutableMap;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connection state of a manager split as snap presents it: established connections (not
 * undesired, both ends present) and remembered entries (undesired, or dormant because the plug or
 * slot is gone after a refresh).
 */
final class StateView {
  private final Map<PlugRef, Plug> plugs = new HashMap<>();
  private final Map<SlotRef, Slot> slots = new HashMap<>();
  private final ImmutableMap<ConnectionId, Connection> established;
  private final ImmutableMap<ConnectionId, Connection> remembered;

  StateView(InterfaceManager manager) {
    for (InstalledSnap s : manager.snaps()) {
      s.snap().plugs().values().forEach(p -> plugs.put(p.ref(), p));
      s.snap().slots().values().forEach(sl -> slots.put(sl.ref(), sl));
    }
    Map<ConnectionId, Connection> live = new LinkedHashMap<>();
    Map<ConnectionId, Connection> kept = new LinkedHashMap<>();
    manager.connections().forEach((id, c) -> {
      boolean present = plugs.containsKey(id.plug()) && slots.containsKey(id.slot());
      (present && !c.undesired() ? live : kept).put(id, c);
    });
    established = ImmutableMap.copyOf(live);
    remembered = ImmutableMap.copyOf(kept);
  }

  ImmutableMap<ConnectionId, Connection> established() {
    return established;
  }

  ImmutableMap<ConnectionId, Connection> remembered() {
    return remembered;
  }

  /** Whether a remembered entry is dormant (an end is gone) rather than only undesired. */
  boolean dormant(ConnectionId id) {
    return !plugs.containsKey(id.plug()) || !slots.containsKey(id.slot());
  }

  Optional<Plug> plug(PlugRef ref) {
    return Optional.ofNullable(plugs.get(ref));
  }

  Optional<Slot> slot(SlotRef ref) {
    return Optional.ofNullable(slots.get(ref));
  }

  Iterable<Plug> plugs() {
    return plugs.values();
  }

  Iterable<Slot> slots() {
    return slots.values();
  }
}
