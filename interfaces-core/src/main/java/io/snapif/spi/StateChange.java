package io.snapif.spi;

import com.google.common.collect.ImmutableList;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What changed from one {@link SystemState} to the next, as {@link SystemState#apply} applies it:
 * first the snaps removed, then the snaps put (each replaces the installed snap of its name in
 * place, or else goes last), then the connection entries removed, then the entries put (each
 * replaces the entry of its id); the new state has {@link #seeded()} and {@link #generation()}.
 * The device stays, unless the change names a new one ({@link #device()}).
 *
 * <p>The manager commits each operation as such a change ({@link SystemState#changeFrom}), so a
 * {@link StateStore} can write the change instead of the whole state. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class StateChange {
  /** The new state's generation. */
  public abstract long generation();

  /** The new state's seeded flag. */
  public abstract boolean seeded();

  /** The new state's device, when it changes (seeding names the model's gadget snap). */
  public abstract Optional<Device> device();

  /** Names of the snaps removed (one not installed is ignored). */
  public abstract ImmutableList<String> removedSnaps();

  /** Snaps put after the removals, in order. */
  public abstract ImmutableList<InstalledSnap> putSnaps();

  /** Ids of the connection entries removed (one not in the state is ignored). */
  public abstract ImmutableList<ConnectionId> removedConnections();

  /** Connection entries put after the removals. */
  public abstract ImmutableList<Connection> putConnections();

  public static ImmutableStateChange.Builder builder() {
    return ImmutableStateChange.builder();
  }
}
