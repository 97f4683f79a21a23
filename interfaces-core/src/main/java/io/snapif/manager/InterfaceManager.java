package io.snapif.manager;

import com.google.common.collect.ImmutableMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The entry point: manages which plugs of which installed snaps are connected to which slots,
 * asking a {@link io.snapif.spi.PolicyEvaluator} for every decision and persisting the state to a
 * {@link io.snapif.spi.StateStore}.
 *
 * <p>Every operation either succeeds and is persisted, or throws {@link OperationException} and
 * changes nothing. {@link #simulate} runs an operation on a copy of the state and reports what
 * would change.
 *
 * <p>Thread-safety: operations ({@link #apply}, {@link #simulate}, {@link #importConnections})
 * are serialized by one lock, so concurrent callers see the same result as some serial order of
 * their operations. Queries do not wait for that lock: each reads one immutable snapshot of the
 * state, the one of the last committed operation, so what a single query returns is always
 * consistent. Two queries in a row may see different snapshots if an operation committed in
 * between.
 *
 * <p>References: an empty snap name, or {@code system}, means the system snap; results spell it
 * with its real name ({@code core} or {@code snapd}).
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
   * Applies an operation, saves the new state to the store, then tells listeners and hooks.
   * Semantics are snapd 2.57.6's: see {@link Operation} for each kind. An operation that
   * succeeds without changing anything (connecting what is connected) saves nothing and keeps
   * the generation.
   *
   * @throws OperationException when it is refused; nothing changed
   * @throws io.snapif.spi.StateStoreException when the new state cannot be saved; nothing
   *     changed
   * @throws IllegalStateException when the manager is closed, or when called from a listener
   */
  ChangeReport apply(Operation operation);

  /**
   * Reports what {@code operation} would change, without changing or saving anything and
   * without telling listeners; the report equals what {@link #apply} would return then, except
   * that it is not {@link ChangeReport#committed() committed}. Prepare hooks are asked as for
   * {@code apply}.
   *
   * @throws OperationException when it would be refused
   * @throws IllegalStateException when the manager is closed, or when called from a listener
   */
  ChangeReport simulate(Operation operation);

  /**
   * Every entry of the connection state (established and remembered), by id: an unmodifiable
   * snapshot, which later operations do not change. Asking for it costs nothing: the state
   * shares it with the states before and after it.
   */
  NavigableMap<ConnectionId, Connection> connections();

  /**
   * The connections in effect: entries that are not undesired and whose plug and slot exist
   * with the same interface; an unmodifiable snapshot.
   */
  NavigableMap<ConnectionId, Connection> established();

  /**
   * The entries kept but not in effect (undesired or dormant), with why, by connection id; an
   * unmodifiable list.
   */
  List<RememberedConnection> remembered();

  /**
   * The rows of a connections listing: with {@code snap} present, its connections in effect
   * (as plug or slot side) and its unconnected plugs and slots; without, every connection in
   * effect and every unconnected plug and slot of every snap. Sorted by interface, plug, slot;
   * an unmodifiable list.
   *
   * @throws OperationException ({@code not-installed}) if {@code snap} is not installed
   */
  List<ConnectionRow> connectionRows(Optional<String> snap);

  /** The plugs and slots of interface {@code iface} on the installed snaps. */
  InterfaceEndpoints endpointsOf(String iface);

  /**
   * Explains plug or slot {@code snap:name}: its state entries and what policy says about it
   * now (asked of the policy evaluator; nothing is changed).
   *
   * @throws OperationException ({@code not-found}) if the snap is not installed or has no plug
   *     or slot of that name
   */
  Explanation explain(String snap, String name);

  /**
   * Imports connection state entries (e.g. read from snapd's {@code state.json} with {@code
   * io.snapif.store.SnapdStateFile}); each replaces the entry of the same id. Snapd keeps the
   * name {@code core} for the system snap in its state whatever the system snap is, so {@code
   * core} is read as the system snap when no snap of that name is installed. Entries naming a
   * snap that is not installed are skipped with a warning, as snapd drops such stale entries
   * when it starts. Atomic and persisted like any operation; same as {@code apply(new
   * Operation.ImportConnections(entries))}.
   *
   * @throws OperationException ({@code conflict}) if an entry is filed under another id
   */
  default ChangeReport importConnections(Map<ConnectionId, Connection> entries) {
    return apply(new Operation.ImportConnections(ImmutableMap.copyOf(entries)));
  }

  /** The installed snaps (the system snap first), in installation order; unmodifiable. */
  List<InstalledSnap> snaps();

  /** The installed snap named {@code name}, if any. */
  Optional<InstalledSnap> snap(String name);

  /** The name of the system snap ({@code core} or {@code snapd}). */
  String systemSnapName();

  /** The device whose state this manager keeps (classic or Core, and its model). */
  Device device();

  /** Whether first boot (seeding) is over. */
  boolean seeded();

  /**
   * The generation of the committed state: one more with every committed change (what {@link
   * ChangeReport#generation()} and the decision log's records say).
   */
  long generation();

  /** Closes the store; the manager cannot be used afterwards. */
  @Override
  void close();
}
