package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.InterfaceInfo;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.ConnectionListener;
import io.snapif.spi.DecisionLog;
import io.snapif.spi.InterfaceHook;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.StateStore;
import io.snapif.spi.StateStoreException;
import io.snapif.spi.SystemState;
import io.snapif.store.InMemoryStateStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures and opens an {@link InterfaceManager}. Only {@link #policy} is required.
 *
 * <pre>{@code
 * InterfaceManager manager = InterfaceManager.builder()
 *     .policy(evaluator)
 *     .store(FileStateStore.open(Path.of("/var/lib/snapif/state.json")))
 *     .listener(myListener)
 *     .build();
 * }</pre>
 *
 * <p>On {@link #build()} the store's state is loaded; when it holds none, a new state is
 * created with only the system snap installed (with its implicit slots) and saved. The device
 * and system snap configured here apply to a new state; a stored state keeps its own, and
 * configuring different ones explicitly is an error. Not thread-safe; arguments must not be
 * null.
 */
public final class InterfaceManagerBuilder {
  private PolicyEvaluator policy;
  private Device device;
  private String systemSnap;
  private InterfaceCatalog catalog = InterfaceCatalog.builtin();
  private ImmutableSet<String> implicitInterfaces;
  private StateStore store;
  private DecisionLog decisionLog;
  private final ImmutableList.Builder<ConnectionListener> listeners = ImmutableList.builder();
  private final ImmutableList.Builder<InterfaceHook> hooks = ImmutableList.builder();

  InterfaceManagerBuilder() {}

  /** The evaluator every policy decision is asked of. Required. */
  public InterfaceManagerBuilder policy(PolicyEvaluator policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * The device of a new state. Default: {@link Device#classicUbuntu()}. A stored state must be
   * for this device; when the device's model names no gadget snap, the one its seeding named is
   * accepted.
   */
  public InterfaceManagerBuilder device(Device device) {
    this.device = Objects.requireNonNull(device, "device");
    return this;
  }

  /**
   * The system snap of a new state: {@code core} (type {@code os}, the default) or {@code snapd}
   * (type {@code snapd}).
   *
   * @throws IllegalArgumentException for any other name
   */
  public InterfaceManagerBuilder systemSnap(String name) {
    if (!name.equals(SystemSnaps.CORE) && !name.equals(SystemSnaps.SNAPD)) {
      throw new IllegalArgumentException(
          "the system snap is \"core\" or \"snapd\", not \"" + name + "\"");
    }
    this.systemSnap = name;
    return this;
  }

  /**
   * The interface catalog; the system snap gets an implicit slot for each of its interfaces
   * implicit on the device's kind of system ({@link InterfaceCatalog#implicitOn}). Default:
   * {@link InterfaceCatalog#builtin()}. On open, a stored state's system snap is brought up to
   * date with it, as snapd adds the implicit slots anew when it starts.
   */
  public InterfaceManagerBuilder catalog(InterfaceCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    return this;
  }

  /**
   * Overrides the catalog's choice of implicit slots: the system snap gets exactly one slot per
   * interface named here (for tests and small embedded setups).
   */
  public InterfaceManagerBuilder implicitInterfaces(Iterable<String> interfaces) {
    this.implicitInterfaces = ImmutableSet.copyOf(interfaces);
    return this;
  }

  /**
   * Where the state is kept. Default: a new {@link InMemoryStateStore}. The manager closes the
   * store when it is closed (or when {@link #build()} fails).
   */
  public InterfaceManagerBuilder store(StateStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Adds a listener told about committed connection changes. */
  public InterfaceManagerBuilder listener(ConnectionListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Adds an interface hook, asked before every new connection and told after changes. */
  public InterfaceManagerBuilder hook(InterfaceHook hook) {
    hooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * Where every policy decision is logged: those of committed, refused and simulated operations
   * (the fates of the state entries they touch included) and those {@code explain} shows, one
   * {@link io.snapif.spi.DecisionRecord} each (see {@link
   * DecisionLog}). Default: none, and then no record is built. The manager does not close it.
   */
  public InterfaceManagerBuilder decisionLog(DecisionLog log) {
    this.decisionLog = Objects.requireNonNull(log, "log");
    return this;
  }

  /**
   * Opens the manager on the configured store.
   *
   * @throws IllegalStateException if no policy was configured
   * @throws StateStoreException if the store cannot be read or written, or holds a state made
   *     for another device or system snap than the ones configured here
   */
  public InterfaceManager build() {
    if (policy == null) {
      throw new IllegalStateException("an interface manager needs a policy evaluator: call policy(...)");
    }
    StateStore opened = store != null ? store : new InMemoryStateStore();
    try {
      SystemState state = open(opened);
      return new DefaultInterfaceManager(policy, opened, state, listeners.build(), hooks.build(),
          decisionLog);
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  private SystemState open(StateStore opened) {
    Optional<SystemState> loaded = opened.load();
    if (loaded.isEmpty()) {
      Device fresh = device != null ? device : Device.classicUbuntu();
      SystemState state = SystemState.builder()
          .device(fresh)
          .addSnaps(SystemSnaps.create(systemSnap != null ? systemSnap : SystemSnaps.CORE,
              implicitFor(fresh)))
          .build();
      opened.save(state);
      return state;
    }
    SystemState state = loaded.get();
    String stored = state.systemSnap().name();
    if (systemSnap != null && !systemSnap.equals(stored)) {
      throw new StateStoreException("the stored state has system snap \"" + stored
          + "\", not the configured \"" + systemSnap + "\"");
    }
    if (device != null && !device.equals(withoutNamedGadget(state.device()))) {
      throw new StateStoreException("the stored state is for device " + state.device()
          + ", not the configured " + device);
    }
    InstalledSnap system = SystemSnaps.create(stored, implicitFor(state.device()));
    if (!system.equals(state.systemSnap())) {
      ImmutableList.Builder<InstalledSnap> snaps = ImmutableList.builder();
      snaps.add(system).addAll(state.snaps().subList(1, state.snaps().size()));
      state = SystemState.builder().from(state).snaps(snaps.build()).build();
      opened.save(state);
    }
    return state;
  }

  /**
   * The stored device as configured: a model that names no gadget snap gets the seed's, so the
   * configured device lacks the gadget seeding named.
   */
  private Device withoutNamedGadget(Device stored) {
    return device.gadget().isPresent() || stored.gadget().isEmpty() ? stored
        : Device.builder().from(stored).gadget(Optional.empty()).build();
  }

  private ImmutableSet<String> implicitFor(Device device) {
    return implicitInterfaces != null ? implicitInterfaces
        : catalog.implicitOn(device.classic()).stream().map(InterfaceInfo::name)
            .collect(ImmutableSet.toImmutableSet());
  }
}
