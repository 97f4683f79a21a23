package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import org.immutables.value.Value;

/**
 * What an operation changed (or, from a simulation, would change): the connection state entries
 * added, removed and changed, the policy decisions taken on the way, and warnings for people
 * (plugs dropped for an unknown interface, ambiguous auto-connections).
 */
@Value.Immutable
public abstract class ChangeReport {
  public abstract Operation operation();

  /** Whether the change was committed ({@code false} for a simulation). */
  public abstract boolean committed();

  public abstract ImmutableMap<ConnectionId, Connection> added();

  public abstract ImmutableMap<ConnectionId, Connection> removed();

  /** Entries whose flags or attributes changed, with their new value. */
  public abstract ImmutableMap<ConnectionId, Connection> changed();

  public abstract ImmutableList<Decision> decisions();

  public abstract ImmutableList<String> warnings();

  /**
   * The state generation after the change: one more than before for a committed change (or a
   * simulated one), unchanged when the operation left the state as it was.
   */
  @Value.Default
  public long generation() {
    return 0;
  }

  public final boolean isEmpty() {
    return added().isEmpty() && removed().isEmpty() && changed().isEmpty();
  }

  public static ImmutableChangeReport.Builder builder() {
    return ImmutableChangeReport.builder();
  }
}
