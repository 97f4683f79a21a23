package io.snapif.examples.scenario;

import com.google.common.collect.ImmutableMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;

/**
 * The connection state after a step as the scenario format writes it: every entry keyed by its
 * connection id with the system snap spelled {@code core}, in the manager's order.
 *
 * <p>It holds the manager's own (unmodifiable) sorted map rather than a copy: a run takes one
 * after every op, and on a large system copying (and re-keying) thousands of entries per step
 * costs more than writing them. The keyed map is made only when asked for. Immutable and
 * thread-safe as long as the map it was made from does not change.
 */
public final class ScenarioState {
  private static final String CORE = "core";
  private static final ScenarioState EMPTY = new ScenarioState(Collections.emptySortedMap(), CORE);

  private final SortedMap<ConnectionId, Connection> entries;
  private final String systemSnap;
  /** {@link #asMap()}, made on first use. */
  private volatile ImmutableMap<String, Connection> byId;

  private ScenarioState(
      SortedMap<ConnectionId, Connection> entries, String systemSnap) {
    this.entries = entries;
    this.systemSnap = systemSnap;
  }

  /**
   * The state of {@code entries} on a system whose system snap is {@code systemSnap}. The map is
   * kept, not copied: pass a snapshot that does not change, such as
   * {@link io.snapif.manager.InterfaceManager#connections()}.
   */
  public static ScenarioState of(
      SortedMap<ConnectionId, Connection> entries, String systemSnap) {
    return entries.isEmpty() && systemSnap.equals(CORE) ? EMPTY
        : new ScenarioState(entries, systemSnap);
  }

  /** No entries. */
  public static ScenarioState empty() {
    return EMPTY;
  }

  /** The name of the system snap, which ids spell {@code core}. */
  public String systemSnap() {
    return systemSnap;
  }

  /** The scenario id of {@code entry}: its connection id with the system snap spelled core. */
  public String id(Connection entry) {
    ConnectionId id = entry.id();
    String plugSnap = id.plug().snap().equals(systemSnap) ? CORE : id.plug().snap();
    String slotSnap = id.slot().snap().equals(systemSnap) ? CORE : id.slot().snap();
    return plugSnap + ":" + id.plug().name() + " " + slotSnap + ":" + id.slot().name();
  }

  /**
   * The entries in the order of {@link #asMap()}, one per scenario id; {@link #id} gives each
   * one's key. Costs nothing when the system snap is {@code core}.
   */
  public Collection<Connection> entries() {
    // With the system snap named core, spelling changes no id, so no two entries share one.
    return systemSnap.equals(CORE) ? entries.values() : asMap().values();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * The entries by scenario id, in the manager's order. On a system whose system snap is not
   * {@code core} a snap named {@code core} spells its ids like the system snap; of two entries
   * with one id, the later one counts, at the earlier one's place.
   */
  public ImmutableMap<String, Connection> asMap() {
    ImmutableMap<String, Connection> map = byId;
    if (map == null) {
      ImmutableMap.Builder<String, Connection> b =
          ImmutableMap.builderWithExpectedSize(entries.size());
      entries.values().forEach(c -> b.put(id(c), c));
      map = b.buildKeepingLast();
      byId = map;
    }
    return map;
  }

  /** Equal when {@link #asMap()} is: the same entries under the same ids. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ScenarioState s && asMap().equals(s.asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
