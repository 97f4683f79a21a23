package io.snapif.spi;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everything the {@link io.snapif.manager.InterfaceManager} persists, as one immutable value: the
 * device, the installed snaps (with their snap.yaml model, declaration and gadget connections),
 * every connection state entry (established and remembered), whether the system is seeded, and
 * a generation counter that grows by one with every committed change.
 *
 * <p>A {@link StateStore} saves and loads it. Immutable and thread-safe.
 *
 * <p>Design notes. A state made with {@link #apply} keeps its snaps and entries in persistent
 * maps shared with the state it was made from, so a change costs what it touches, not the size
 * of the system; its {@link #snaps()} and {@link #connections()} are made on first use. It
 * needs no validation of the whole: {@code apply} keeps snaps by name and entries by their id,
 * and checks the first snap, which is all {@link #check()} asks.
 */
@Value.Immutable
public abstract class SystemState {
  public abstract Device device();

  /** Installed snaps in installation order; the first is the system snap. */
  public abstract ImmutableList<InstalledSnap> snaps();

  /**
   * Every entry of the connection state, by id: an unmodifiable map, which a state made with
   * {@link #apply} shares with the states before it instead of copying it (reading it costs what
   * is read, however often it is asked for).
   */
  @Value.NaturalOrder
  public abstract NavigableMap<ConnectionId, Connection> connections();

  /** Whether first boot (seeding) is over. */
  @Value.Default
  public boolean seeded() {
    return false;
  }

  /** How many changes were committed to this state since it was created. */
  @Value.Default
  public long generation() {
    return 0;
  }

  /** The system snap ({@code core} or {@code snapd}). */
  public final InstalledSnap systemSnap() {
    return firstSnap();
  }

  /** The installed snap named {@code name}. */
  public final Optional<InstalledSnap> snap(String name) {
    return findSnap(name);
  }

  /** The connection state entry of {@code id}. */
  public final Optional<Connection> connection(ConnectionId id) {
    return findConnection(id);
  }

  /**
   * This state changed by {@code change} (see {@link StateChange} for the order of its parts).
   * Costs about the size of the change when this state was itself made by {@code apply}; else
   * one pass over this state first.
   *
   * @throws IllegalArgumentException if the result would not be a valid state (its first snap
   *     not a system snap)
   */
  public final SystemState apply(StateChange change) {
    return DerivedSystemState.of(this).apply(this, change);
  }

  /**
   * The change this state was made with from {@code before} (by {@code before.apply(change)},
   * the very same object); empty for any other pair, whose difference the caller then has to
   * find by comparing them.
   */
  public final Optional<StateChange> changeFrom(SystemState before) {
    return madeFrom(before);
  }

  // What a state made by apply answers from its persistent maps (see DerivedSystemState).
  InstalledSnap firstSnap() {
    return snaps().get(0);
  }

  Optional<InstalledSnap> findSnap(String name) {
    return snaps().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  Optional<Connection> findConnection(ConnectionId id) {
    return Optional.ofNullable(connections().get(id));
  }

  Optional<StateChange> madeFrom(SystemState before) {
    return Optional.empty();
  }

  /** One entry that differs between two connection states. */
  @FunctionalInterface
  public interface EntryChange {
    /**
     * Called with the entry's id and the entry before and after; one side is empty when the
     * entry was added or removed.
     */
    void changed(ConnectionId id, Optional<Connection> before, Optional<Connection> after);
  }

  /**
   * Calls {@code change} for every entry added, removed or changed from {@code before}'s
   * connections to {@code after}'s, in id order. One pass over both sorted maps, so it costs a
   * comparison per entry (an entry that is the same object in both is not compared further),
   * not a lookup.
   */
  public static void forEachConnectionChange(
      SortedMap<ConnectionId, Connection> before, SortedMap<ConnectionId, Connection> after,
      EntryChange change) {
    Iterator<Connection> old = before.values().iterator();
    Iterator<Connection> now = after.values().iterator();
    Connection o = old.hasNext() ? old.next() : null;
    Connection n = now.hasNext() ? now.next() : null;
    while (o != null || n != null) {
      // states made from one another share their unchanged entries: same object, same id
      int order = o == n ? 0 : o == null ? 1 : n == null ? -1 : o.id().compareTo(n.id());
      if (order < 0) {
        change.changed(o.id(), Optional.of(o), Optional.empty());
        o = old.hasNext() ? old.next() : null;
      } else if (order > 0) {
        change.changed(n.id(), Optional.empty(), Optional.of(n));
        n = now.hasNext() ? now.next() : null;
      } else {
        if (o != n && !o.equals(n)) {
          change.changed(n.id(), Optional.of(o), Optional.of(n));
        }
        o = old.hasNext() ? old.next() : null;
        n = now.hasNext() ? now.next() : null;
      }
    }
  }

  public static ImmutableSystemState.Builder builder() {
    return ImmutableSystemState.builder();
  }

  /** Equal states hold the same values, however each was made. */
  @Override
  public final boolean equals(Object other) {
    return this == other || other instanceof SystemState s
        && generation() == s.generation()
        && seeded() == s.seeded()
        && device().equals(s.device())
        && snaps().equals(s.snaps())
        && connections().equals(s.connections());
  }

  @Override
  public final int hashCode() {
    return Objects.hash(device(), snaps(), connections(), seeded(), generation());
  }

  @Override
  public final String toString() {
    return "SystemState{device=" + device() + ", snaps=" + snaps() + ", connections="
        + connections() + ", seeded=" + seeded() + ", generation=" + generation() + "}";
  }

  @Value.Check
  protected void check() {
    Preconditions.checkArgument(!snaps().isEmpty(), "a system state holds the system snap");
    Preconditions.checkArgument(snaps().get(0).snap().isSystemSnap(),
        "the first snap of a system state must be the system snap, not %s", snaps().get(0).name());
    Set<String> names = new HashSet<>();
    for (InstalledSnap s : snaps()) {
      Preconditions.checkArgument(names.add(s.name()), "snap %s is listed twice", s.name());
    }
    connections().forEach((id, c) -> Preconditions.checkArgument(
        id.equals(c.id()), "connection %s is stored under id %s", c.id(), id));
  }
}
