package io.snapif.manager;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.spi.SystemState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * The installed snaps, and the lookups operations make, as persistent maps: snaps by name and in
 * installation order, the snaps with a plug (a slot) of each interface, and the ids of the
 * connection entries naming each snap. Immutable: every change returns a new index sharing all
 * but a few nodes with this one, so the committed snapshot keeps one, a draft changes its own
 * copy at the cost of what the operation touches, and the draft's becomes the next snapshot's.
 *
 * <p>Snaps are numbered by a sequence that grows with every snap added (a replaced snap keeps
 * its number), so ordering by number is installation order.
 */
final class StateIndex {
  private record Placed(long seq, InstalledSnap snap) {}

  private final HashPMap<String, Placed> byName;
  private final TreePMap<Long, InstalledSnap> bySeq;
  private final long nextSeq;
  private final HashPMap<String, TreePMap<Long, InstalledSnap>> withPlugOf;
  private final HashPMap<String, TreePMap<Long, InstalledSnap>> withSlotOf;
  private final HashPMap<String, TreePSet<ConnectionId>> entryIds;

  private StateIndex(HashPMap<String, Placed> byName, TreePMap<Long, InstalledSnap> bySeq,
      long nextSeq, HashPMap<String, TreePMap<Long, InstalledSnap>> withPlugOf,
      HashPMap<String, TreePMap<Long, InstalledSnap>> withSlotOf,
      HashPMap<String, TreePSet<ConnectionId>> entryIds) {
    this.byName = byName;
    this.bySeq = bySeq;
    this.nextSeq = nextSeq;
    this.withPlugOf = withPlugOf;
    this.withSlotOf = withSlotOf;
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

  /** The snaps with a plug of {@code iface}, in installation order. */
  Collection<InstalledSnap> withPlugOf(String iface) {
    return withPlugOf.getOrDefault(iface, TreePMap.empty()).values();
  }

  /** The snaps with a slot of {@code iface}, in installation order. */
  Collection<InstalledSnap> withSlotOf(String iface) {
    return withSlotOf.getOrDefault(iface, TreePMap.empty()).values();
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
        base.bySeq.plus(seq, snap), Math.max(nextSeq, seq + 1),
        plusAll(base.withPlugOf, plugIfaces(snap), seq, snap),
        plusAll(base.withSlotOf, slotIfaces(snap), seq, snap), entryIds);
  }

  /** This index without snap {@code name} (its entries' ids stay until they are removed). */
  StateIndex withoutSnap(String name) {
    Placed was = byName.get(name);
    return was == null ? this : without(was);
  }

  private StateIndex without(Placed was) {
    return new StateIndex(byName.minus(was.snap().name()), bySeq.minus(was.seq()), nextSeq,
        minusAll(withPlugOf, plugIfaces(was.snap()), was.seq()),
        minusAll(withSlotOf, slotIfaces(was.snap()), was.seq()), entryIds);
  }

  /** This index with entry {@code id} listed under both its snaps. */
  StateIndex withEntry(ConnectionId id) {
    HashPMap<String, TreePSet<ConnectionId>> ids = entryIds;
    for (String snap : snapsOf(id)) {
      ids = ids.plus(snap, ids.getOrDefault(snap, TreePSet.empty()).plus(id));
    }
    return new StateIndex(byName, bySeq, nextSeq, withPlugOf, withSlotOf, ids);
  }

  StateIndex withoutEntry(ConnectionId id) {
    HashPMap<String, TreePSet<ConnectionId>> ids = entryIds;
    for (String snap : snapsOf(id)) {
      TreePSet<ConnectionId> left = ids.getOrDefault(snap, TreePSet.empty()).minus(id);
      ids = left.isEmpty() ? ids.minus(snap) : ids.plus(snap, left);
    }
    return new StateIndex(byName, bySeq, nextSeq, withPlugOf, withSlotOf, ids);
  }

  private static List<String> snapsOf(ConnectionId id) {
    String plugSnap = id.plug().snap();
    String slotSnap = id.slot().snap();
    return plugSnap.equals(slotSnap) ? List.of(plugSnap) : List.of(plugSnap, slotSnap);
  }

  private static Set<String> plugIfaces(InstalledSnap snap) {
    Set<String> out = new HashSet<>();
    for (Plug p : snap.snap().plugs().values()) {
      out.add(p.iface());
    }
    return out;
  }

  private static Set<String> slotIfaces(InstalledSnap snap) {
    Set<String> out = new HashSet<>();
    for (Slot s : snap.snap().slots().values()) {
      out.add(s.iface());
    }
    return out;
  }

  private static HashPMap<String, TreePMap<Long, InstalledSnap>> plusAll(
      HashPMap<String, TreePMap<Long, InstalledSnap>> map, Set<String> ifaces, long seq,
      InstalledSnap snap) {
    HashPMap<String, TreePMap<Long, InstalledSnap>> out = map;
    for (String iface : ifaces) {
      out = out.plus(iface, out.getOrDefault(iface, TreePMap.empty()).plus(seq, snap));
    }
    return out;
  }

  private static HashPMap<String, TreePMap<Long, InstalledSnap>> minusAll(
      HashPMap<String, TreePMap<Long, InstalledSnap>> map, Set<String> ifaces, long seq) {
    HashPMap<String, TreePMap<Long, InstalledSnap>> out = map;
    for (String iface : ifaces) {
      TreePMap<Long, InstalledSnap> left = out.getOrDefault(iface, TreePMap.empty()).minus(seq);
      out = left.isEmpty() ? out.minus(iface) : out.plus(iface, left);
    }
    return out;
  }
}
