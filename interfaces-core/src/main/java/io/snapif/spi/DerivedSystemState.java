package io.snapif.spi;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import java.lang.ref.WeakReference;
import java.util.NavigableMap;
import java.util.Optional;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;

/**
 * A {@link SystemState} made by {@link SystemState#apply}: its snaps and entries live in
 * persistent maps shared with the state it was made from, and the lists and maps of the public
 * accessors are made on first use.
 *
 * <p>Snaps are kept by a sequence number that grows with every snap added, so their order is
 * installation order: a replaced snap keeps its number, a new one gets the next.
 */
final class DerivedSystemState extends SystemState {
  private final Device device;
  private final boolean seeded;
  private final long generation;
  private final TreePMap<Long, InstalledSnap> bySeq;
  private final HashPMap<String, Long> seqByName;
  private final long nextSeq;
  private final TreePMap<ConnectionId, Connection> entries;
  /** The state this one was made from with {@link #change}; weak: states must not chain. */
  private final WeakReference<SystemState> parent;
  private final StateChange change;
  private volatile ImmutableList<InstalledSnap> snaps;

  private DerivedSystemState(Device device, boolean seeded, long generation,
      TreePMap<Long, InstalledSnap> bySeq, HashPMap<String, Long> seqByName, long nextSeq,
      TreePMap<ConnectionId, Connection> entries, SystemState parent, StateChange change) {
    this.device = device;
    this.seeded = seeded;
    this.generation = generation;
    this.bySeq = bySeq;
    this.seqByName = seqByName;
    this.nextSeq = nextSeq;
    this.entries = entries;
    this.parent = parent == null ? null : new WeakReference<>(parent);
    this.change = change;
  }

  /** {@code state} in persistent maps: itself when it has them, else one pass over it. */
  static DerivedSystemState of(SystemState state) {
    if (state instanceof DerivedSystemState derived) {
      return derived;
    }
    TreePMap<Long, InstalledSnap> bySeq = TreePMap.empty();
    HashPMap<String, Long> seqByName = HashTreePMap.empty();
    long seq = 0;
    for (InstalledSnap s : state.snaps()) {
      bySeq = bySeq.plus(seq, s);
      seqByName = seqByName.plus(s.name(), seq);
      seq++;
    }
    DerivedSystemState out = new DerivedSystemState(state.device(), state.seeded(),
        state.generation(), bySeq, seqByName, seq, TreePMap.fromSortedMap(state.connections()),
        null, null);
    out.snaps = state.snaps();
    return out;
  }

  /** This state's content changed by {@code change}, remembered as made from {@code from}. */
  DerivedSystemState apply(SystemState from, StateChange change) {
    TreePMap<Long, InstalledSnap> order = bySeq;
    HashPMap<String, Long> seqs = seqByName;
    long next = nextSeq;
    for (String name : change.removedSnaps()) {
      Long seq = seqs.get(name);
      if (seq != null) {
        order = order.minus(seq);
        seqs = seqs.minus(name);
      }
    }
    for (InstalledSnap snap : change.putSnaps()) {
      Long seq = seqs.get(snap.name());
      if (seq == null) {
        seq = next++;
        seqs = seqs.plus(snap.name(), seq);
      }
      order = order.plus(seq, snap);
    }
    // what check() asks of the snaps; names are unique and entries under their id by design
    Preconditions.checkArgument(!order.isEmpty(), "a system state holds the system snap");
    InstalledSnap first = order.firstEntry().getValue();
    Preconditions.checkArgument(first.snap().isSystemSnap(),
        "the first snap of a system state must be the system snap, not %s", first.name());
    TreePMap<ConnectionId, Connection> conns = entries;
    for (ConnectionId id : change.removedConnections()) {
      conns = conns.minus(id);
    }
    for (Connection c : change.putConnections()) {
      conns = conns.plus(c.id(), c);
    }
    return new DerivedSystemState(change.device().orElse(device), change.seeded(),
        change.generation(), order, seqs, next, conns, from, change);
  }

  @Override
  public Device device() {
    return device;
  }

  @Override
  public boolean seeded() {
    return seeded;
  }

  @Override
  public long generation() {
    return generation;
  }

  @Override
  public ImmutableList<InstalledSnap> snaps() {
    ImmutableList<InstalledSnap> out = snaps;
    if (out == null) {
      out = ImmutableList.copyOf(bySeq.values());
      snaps = out;
    }
    return out;
  }

  @Override
  public NavigableMap<ConnectionId, Connection> connections() {
    return entries; // persistent: its mutators throw
  }

  @Override
  InstalledSnap firstSnap() {
    return bySeq.firstEntry().getValue();
  }

  @Override
  Optional<InstalledSnap> findSnap(String name) {
    Long seq = seqByName.get(name);
    return seq == null ? Optional.empty() : Optional.of(bySeq.get(seq));
  }

  @Override
  Optional<Connection> findConnection(ConnectionId id) {
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  Optional<StateChange> madeFrom(SystemState before) {
    return parent != null && parent.get() == before ? Optional.of(change) : Optional.empty();
  }
}
