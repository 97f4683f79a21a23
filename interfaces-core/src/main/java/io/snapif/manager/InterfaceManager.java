package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import java.util.Optional;

/**
 * The entry point: manages which plugs of which installed snaps are connected to which slots,
 * asking a {@link io.snapif.spi.PolicyEvaluator} for every decision and persisting the state to a
 * {@link io.snapif.spi.StateStore}.
 *
 * <p>Every operation either succeeds and is persisted, or throws {@link OperationException} and
 * changes nothing. {@link #simulate} runs an operation on a copy of the state and reports what
 * would change. Implementations are thread-safe.
 *
 * <pre>{@code
 * try (InterfaceManager m = InterfaceManager.builder().policy(policy).build()) {
 *   m.apply(new Operation.Install(vlc));
 *   m.connections().keySet().forEach(System.out::println);
 * }
 * }</pre>
 */
public interface InterfaceManager extends AutoCloseable {

  /** A builder with an in-memory store, a classic Ubuntu device and the built-in catalog. */
  static InterfaceManagerBuilder builder() {
    return new InterfaceManagerBuilder();
  }

  /**
   * Applies and persists an operation.
   *
   * @throws OperationException when it is refused; nothing changed
   */
  ChangeReport apply(Operation operation);

  /**
   * Reports what {@code operation} would change, without changing anything.
   *
   * @throws OperationException when it would be refused
   */
  ChangeReport simulate(Operation operation);

  /** Every entry of the connection state (established and remembered), by id. */
  ImmutableSortedMap<ConnectionId, Connection> connections();

  /** The installed snaps (the system snap first), in installation order. */
  ImmutableList<InstalledSnap> snaps();

  Optional<InstalledSnap> snap(String name);

  /** The name of the system snap ({@code core} or {@code snapd}). */
  String systemSnapName();

  Device device();

  /** Closes the store; the manager cannot be used afterwards. */
  @Override
  void close();
}
