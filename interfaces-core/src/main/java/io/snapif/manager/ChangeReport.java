package io.snapif.manager;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What an operation changed (or, from a simulation, would change): the connection state entries
 * added, removed and changed, the policy decisions taken on the way (the checks, and the fates
 * of the state entries a disconnect, refresh or removal touched), and warnings for people
 * (plugs dropped for an unknown interface, ambiguous auto-connections).
 */
@Value.Immutable
public abstract class ChangeReport {
  public abstract Operation operation();

  /** Whether the change was committed ({@code false} for a simulation). */
  public abstract boolean committed();

  public abstract Map<ConnectionId, Connection> added();

  public abstract Map<ConnectionId, Connection> removed();

  /** Entries whose flags or attributes changed, with their new value. */
  public abstract Map<ConnectionId, Connection> changed();

  /**
   * The policy decisions of the checks: installation, connection and auto-connection, in the
   * order they were taken.
   */
  public abstract List<Decision> decisions();

  /**
   * What became (or, simulated, would become) of the state entries a disconnect, refresh or
   * removal touched, where it changes something, in the order policy decided them: each entry's
   * fate, the deciding rule and why. These are the entry fates the decision log logs. A
   * remembered or dormant entry that stays as it is changes nothing and is not listed.
   */
  public abstract List<EntryDecision> entryDecisions();

  public abstract List<String> warnings();

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
