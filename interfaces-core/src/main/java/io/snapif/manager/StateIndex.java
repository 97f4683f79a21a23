package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.spi.SystemState;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * The installed snaps, and the lookups operations make, as persistent maps: snaps by name and in
 * installation order, the plugs (slots) of each interface by snap, and the ids of the connection
 * entries naming each snap. Immutable: every change returns a new index sharing all
 * but a few nodes with this one, so the committed snapshot keeps one, a draft changes its own
 * copy at the cost of what the operation touches, and the draft's becomes the next snapshot's.
 *
 * <p>Snaps are numbered by a sequence that grows with every snap added (a replaced snap keeps
 * its number), so ordering by number is installation order.
 */
final class StateIndex {
  private record Placed(long seq, InstalledSnap snap) {}

  /** The plugs or slots of one interface on one snap, in the snap's order. */
  record Ends<E>(InstalledSnap snap, ImmutableList<E> ends) {}

  private final HashPMap<String, Placed> byName;
  private final TreePMap<Long, InstalledSnap> bySeq;
  private final long nextSeq;
  private final HashPMap<String, TreePMap<Long, Ends<Plug>>> plugsOf;
  private final HashPMap<String, TreePMap<Long, Ends<Slot>>> slotsOf;
  private final HashPMap<String, TreePSet<ConnectionId>> entryIds;

  private StateIndex(HashPMap<String, Placed> byName, TreePMap<Long, InstalledSnap> bySeq,
      long nextSeq, HashPMap<String, TreePMap<Long, Ends<Plug>>> plugsOf,
      HashPMap<String, TreePMap<Long, Ends<Slot>>> slotsOf,
      HashPMap<String, TreePSet<ConnectionId>> entryIds) {
    this.byName = byName;
    this.bySeq = bySeq;
    this.nextSeq = nextSeq;
    this.plugsOf = plugsOf;
    this.slotsOf = slotsOf;
    this.entryIds = entryIds;
  }

  /** The index of {@code state}: one pass over it, when a manager starts. */
  static StateIndex of(SystemState state) {
    StateIndex index = new StateIndex(HashTreePMap.empty(), TreePMap.empty(), 0,
        HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty());
    for (InstalledSnap snap : state.snaps()) {
      index = index.withSnap(snap);
    }
    for (ConnectionId id : state.connections().keySet()) {
      index = index.withEntry(id);
    }
    return index;
  }

  InstalledSnap snap(String name) {
    Placed p = byName.get(name);
    return p == null ? null : p.snap();
  }

  /** The snaps in installation order (a view). */
  Collection<InstalledSnap> snaps() {
    return bySeq.values();
  }

  int size() {
    return bySeq.size();
  }

  /** The plugs of {@code iface} on the snaps that have any, in installation order. */
  Collection<Ends<Plug>> plugsOf(String iface) {
    return plugsOf.getOrDefault(iface, TreePMap.empty()).values();
  }

  /** The slots of {@code iface} on the snaps that have any, in installation order. */
  Collection<Ends<Slot>> slotsOf(String iface) {
    return slotsOf.getOrDefault(iface, TreePMap.empty()).values();
  }

  /** The ids of the entries whose plug or slot is on snap {@code name}, in id order. */
  Collection<ConnectionId> entryIds(String name) {
    return entryIds.getOrDefault(name, TreePSet.empty());
  }

  /** This index with {@code snap} in place of the snap of its name, or last if there is none. */
  StateIndex withSnap(InstalledSnap snap) {
    Placed was = byName.get(snap.name());
    StateIndex base = was == null ? this : without(was);
    long seq = was == null ? nextSeq : was.seq();
    return new StateIndex(base.byName.plus(snap.name(), new Placed(seq, snap)),
        base.bySeq.plus(seq, snap), was == null ? nextSeq + 1 : nextSeq,
        plusAll(base.plugsOf, byIface(snap, snap.snap().plugs().values(), Plug::iface), seq),
        plusAll(base.slotsOf, byIface(snap, snap.snap().slots().values(), Slot::iface), seq),
        entryIds);
  }

  /** This index without snap {@code name} (its entries' ids stay until they are removed). */
  StateIndex withoutSnap(String name) {
    Placed was = byName.get(name);
    return was == null ? this : without(was);
  }

  private StateIndex without(Placed was) {
    return new StateIndex(byName.minus(was.snap().name()), bySeq.minus(was.seq()), nextSeq,
        minusAll(plugsOf, was.snap().snap().plugs().values(), Plug::iface, was.seq()),
        minusAll(slotsOf, was.snap().snap().slots().values(), Slot::iface, was.seq()),
        entryIds);
  }

  /** This index with entry {@code id} listed under both its snaps. */
  StateIndex withEntry(ConnectionId id) {
    HashPMap<String, TreePSet<ConnectionId>> ids = entryIds;
    for (String snap : snapsOf(id)) {
      ids = ids.plus(snap, ids.getOrDefault(snap, TreePSet.empty()).plus(id));
    }
    return new StateIndex(byName, bySeq, nextSeq, plugsOf, slotsOf, ids);
  }

  StateIndex withoutEntry(ConnectionId id) {
    HashPMap<String, TreePSet<ConnectionId>> ids = entryIds;
    for (String snap : snapsOf(id)) {
      TreePSet<ConnectionId> left = ids.getOrDefault(snap, TreePSet.empty()).minus(id);
      ids = left.isEmpty() ? ids.minus(snap) : ids.plus(snap, left);
    }
    return new StateIndex(byName, bySeq, nextSeq, plugsOf, slotsOf, ids);
  }

  private static List<String> snapsOf(ConnectionId id) {
    String plugSnap = id.plug().snap();
    String slotSnap = id.slot().snap();
    return plugSnap.equals(slotSnap) ? List.of(plugSnap) : List.of(plugSnap, slotSnap);
  }

  /** The snap's plugs or slots grouped by interface, each group in the snap's order. */
  private static <E> Map<String, Ends<E>> byIface(InstalledSnap snap, Collection<E> ends,
      Function<E, String> iface) {
    Map<String, ImmutableList.Builder<E>> groups = new LinkedHashMap<>();
    for (E end : ends) {
      groups.computeIfAbsent(iface.apply(end), k -> ImmutableList.builder()).add(end);
    }
    Map<String, Ends<E>> out = new LinkedHashMap<>();
    groups.forEach((k, v) -> out.put(k, new Ends<>(snap, v.build())));
    return out;
  }

  private static <E> HashPMap<String, TreePMap<Long, Ends<E>>> plusAll(
      HashPMap<String, TreePMap<Long, Ends<E>>> map, Map<String, Ends<E>> groups, long seq) {
    HashPMap<String, TreePMap<Long, Ends<E>>> out = map;
    for (Map.Entry<String, Ends<E>> g : groups.entrySet()) {
      out = out.plus(g.getKey(),
          out.getOrDefault(g.getKey(), TreePMap.empty()).plus(seq, g.getValue()));
    }
    return out;
  }

  private static <E> HashPMap<String, TreePMap<Long, Ends<E>>> minusAll(
      HashPMap<String, TreePMap<Long, Ends<E>>> map, Collection<E> ends,
      Function<E, String> ifaceOf, long seq) {
    HashPMap<String, TreePMap<Long, Ends<E>>> out = map;
    Set<String> ifaces = new HashSet<>();
    ends.forEach(e -> ifaces.add(ifaceOf.apply(e)));
    for (String iface : ifaces) {
      TreePMap<Long, Ends<E>> left = out.getOrDefault(iface, TreePMap.empty()).minus(seq);
      out = left.isEmpty() ? out.minus(iface) : out.plus(iface, left);
    }
    return out;
  }
}
