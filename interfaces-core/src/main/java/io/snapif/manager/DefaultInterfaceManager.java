package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Side;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.ConnectionListener;
import io.snapif.spi.DecisionLog;
import io.snapif.spi.DecisionRecord.Mode;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.InterfaceHook;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.StateChange;
import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link InterfaceManager}: serializes operations, runs each on a {@link StateDraft},
 * saves the result and publishes it as a new immutable {@link Snapshot}.
 *
 * <p>Design notes. An operation holds {@link #lock} from start to event dispatch, so operations
 * are totally ordered and events reach listeners in commit order. The committed state lives in
 * the volatile {@link #current}; it is replaced only after the store saved the new state, so a
 * failed save leaves memory and store agreeing on the old state. Queries read {@link #current}
 * once and answer from it without locking.
 */
final class DefaultInterfaceManager implements InterfaceManager {
  private final PolicyEvaluator policy;
  private final StateStore store;
  private final Lifecycle lifecycle;
  private final Connector connector;
  private final ChangeEvents events;
  /** Null without a decision log: then no record is built. */
  private final DecisionAudit audit;
  private final ReentrantLock lock = new ReentrantLock();
  /** Set while listeners run, to refuse operations started from inside a listener. */
  private final ThreadLocal<Boolean> dispatching = ThreadLocal.withInitial(() -> false);
  private volatile Snapshot current;
  private volatile boolean closed;

  DefaultInterfaceManager(PolicyEvaluator policy, StateStore store, SystemState state,
      ImmutableList<ConnectionListener> listeners, ImmutableList<InterfaceHook> hooks,
      DecisionLog decisionLog) {
    this.policy = policy;
    this.audit = decisionLog == null ? null : new DecisionAudit(decisionLog, policy);
    this.store = store;
    this.connector = new Connector(policy, hooks);
    this.lifecycle = new Lifecycle(policy, connector);
    this.events = new ChangeEvents(listeners, hooks);
    this.current = new Snapshot(state);
  }

  @Override
  public ChangeReport apply(Operation operation) {
    return run(operation, true);
  }

  @Override
  public ChangeReport simulate(Operation operation) {
    return run(operation, false);
  }

  private ChangeReport run(Operation operation, boolean commit) {
    if (dispatching.get()) {
      throw new IllegalStateException(
          "a connection listener or hook must not apply or simulate operations");
    }
    lock.lock();
    try {
      checkOpen();
      Snapshot before = current;
      StateDraft draft = new StateDraft(before, OperationKinds.of(operation),
          commit ? DecisionContext.Mode.COMMIT : DecisionContext.Mode.SIMULATE, audit != null);
      try {
        lifecycle.apply(draft, operation);
      } catch (OperationException refused) {
        if (audit != null) {
          audit.operation(operation, commit ? Mode.REFUSED : Mode.SIMULATED,
              before.state.generation(), draft);
        }
        throw refused;
      }
      boolean changed = draft.differsFromBase();
      long generation = before.state.generation() + (changed ? 1 : 0);
      ChangeReport report = report(operation, commit, generation, draft);
      if (commit && changed) {
        StateChange change = draft.change(generation);
        SystemState after = before.state.apply(change);
        store.save(after);
        Snapshot next = new Snapshot(after, draft.index(), draft.retired());
        current = next;
        if (!events.isEmpty()) {
          dispatching.set(true);
          try {
            events.fire(before, next, change);
          } finally {
            dispatching.set(false);
          }
        }
      }
      if (audit != null) {
        audit.operation(operation, commit ? Mode.COMMITTED : Mode.SIMULATED, generation, draft);
      }
      return report;
    } finally {
      lock.unlock();
    }
  }

  private static ChangeReport report(Operation operation, boolean commit, long generation,
      StateDraft draft) {
    ImmutableChangeReport.Builder report = ChangeReport.builder()
        .operation(operation)
        .committed(commit)
        .generation(generation)
        .addAllDecisions(draft.decisions())
        .addAllEntryDecisions(draft.entryDecisions())
        .addAllWarnings(draft.warnings());
    draft.forEachEntryChange((id, old, now) -> {
          if (now.isEmpty()) {
            report.putRemoved(id, old.get());
          } else if (old.isEmpty()) {
            report.putAdded(id, now.get());
          } else {
            report.putChanged(id, now.get());
          }
        });
    return report.build();
  }

  @Override
  public NavigableMap<ConnectionId, Connection> connections() {
    return current.state.connections();
  }

  @Override
  public NavigableMap<ConnectionId, Connection> established() {
    return current.established();
  }

  @Override
  public List<RememberedConnection> remembered() {
    return current.remembered().values().asList();
  }

  @Override
  public List<ConnectionRow> connectionRows(Optional<String> snap) {
    Snapshot s = current;
    Optional<String> name = snap.map(n -> systemOr(s, n));
    if (name.isPresent() && s.snap(name.get()) == null) {
      throw new OperationException(ErrorKind.NOT_INSTALLED,
          "snap \"" + name.get() + "\" is not installed");
    }
    List<ConnectionRow> rows = new ArrayList<>();
    Set<PlugRef> connectedPlugs = new HashSet<>();
    Set<SlotRef> connectedSlots = new HashSet<>();
    for (Connection c : s.established().values()) {
      connectedPlugs.add(c.id().plug());
      connectedSlots.add(c.id().slot());
      if (name.isEmpty() || Lifecycle.involves(c, name.get())) {
        rows.add(ConnectionRow.builder().iface(c.iface()).plug(c.id().plug())
            .slot(c.id().slot()).connection(c).build());
      }
    }
    for (InstalledSnap installed : s.state.snaps()) {
      if (name.isPresent() && !installed.name().equals(name.get())) {
        continue;
      }
      for (Plug p : installed.snap().plugs().values()) {
        if (!connectedPlugs.contains(p.ref())) {
          rows.add(ConnectionRow.builder().iface(p.iface()).plug(p.ref()).build());
        }
      }
      for (Slot sl : installed.snap().slots().values()) {
        if (!connectedSlots.contains(sl.ref())) {
          rows.add(ConnectionRow.builder().iface(sl.iface()).slot(sl.ref()).build());
        }
      }
    }
    rows.sort(Comparator.comparing(ConnectionRow::iface)
        .thenComparing(r -> r.plug().map(PlugRef::toString).orElse(""))
        .thenComparing(r -> r.slot().map(SlotRef::toString).orElse("")));
    return ImmutableList.copyOf(rows);
  }

  @Override
  public InterfaceEndpoints endpointsOf(String iface) {
    ImmutableInterfaceEndpoints.Builder out = InterfaceEndpoints.builder().iface(iface);
    for (InstalledSnap installed : current.state.snaps()) {
      installed.snap().plugs().values().stream().filter(p -> p.iface().equals(iface))
          .forEach(out::addPlugs);
      installed.snap().slots().values().stream().filter(p -> p.iface().equals(iface))
          .forEach(out::addSlots);
    }
    return out.build();
  }

  @Override
  public Explanation explain(String snap, String name) {
    Snapshot s = current;
    String snapName = systemOr(s, snap);
    InstalledSnap installed = Optional.ofNullable(s.snap(snapName)).orElseThrow(() ->
        new OperationException(ErrorKind.NOT_FOUND, "snap \"" + snapName + "\" is not installed"));
    Plug plug = installed.snap().plugs().get(name);
    Slot slot = installed.snap().slots().get(name);
    if (plug == null && slot == null) {
      throw new OperationException(ErrorKind.NOT_FOUND,
          "snap \"" + snapName + "\" has no plug or slot named \"" + name + "\"");
    }
    Side side = plug != null ? Side.PLUG : Side.SLOT;
    StateDraft draft = new StateDraft(s, DecisionContext.OperationKind.EXPLAIN,
        DecisionContext.Mode.EXPLAIN, false);
    AutoConnectRequest full = lifecycle.autoConnector().request(draft, snapName);
    // ask about this endpoint only
    ImmutableList<ConnectCandidate> candidates = side == Side.PLUG
        ? full.plugCandidates().get(name) : full.slotCandidates().get(name);
    AutoConnectRequest narrowed = AutoConnectRequest.builder()
        .snap(full.snap())
        .putAllExisting(full.existing())
        .putAllPlugCandidates(side == Side.PLUG ? Map.of(name, candidates) : Map.of())
        .putAllSlotCandidates(side == Side.SLOT ? Map.of(name, candidates) : Map.of())
        .build();
    AutoConnectPlan plan = policy.planAutoConnect(narrowed, draft.context());
    ImmutableExplanation.Builder out = Explanation.builder()
        .side(side)
        .snap(snapName)
        .name(name)
        .iface(side == Side.PLUG ? plug.iface() : slot.iface())
        .autoConnect(plan.endpoints().stream()
            .filter(e -> e.side() == side && e.name().equals(name)).findFirst());
    for (ConnectionId id : s.index.entryIds(snapName)) {
      Connection c = s.state.connection(id).orElseThrow();
      boolean mine = side == Side.PLUG ? c.id().plug().equals(plug.ref())
          : c.id().slot().equals(slot.ref());
      if (mine) {
        out.addEntries(c);
        Optional.ofNullable(s.remembered().get(c.id())).ifPresent(out::addRemembered);
      }
    }
    candidates.forEach(c -> out.addConnectDecisions(connector.checkManual(draft, c)));
    Explanation explanation = out.build();
    if (audit != null) {
      List<Decision> shown = new ArrayList<>();
      explanation.autoConnect().ifPresent(p -> shown.addAll(p.candidates()));
      shown.addAll(explanation.connectDecisions());
      audit.explain(snapName, name, s.state.generation(), shown);
    }
    return explanation;
  }

  private static String systemOr(Snapshot s, String snap) {
    return snap.isEmpty() || snap.equals("system") ? s.state.systemSnap().name() : snap;
  }

  @Override
  public List<InstalledSnap> snaps() {
    return current.state.snaps();
  }

  @Override
  public Optional<InstalledSnap> snap(String name) {
    return Optional.ofNullable(current.snap(name));
  }

  @Override
  public String systemSnapName() {
    return current.state.systemSnap().name();
  }

  @Override
  public Device device() {
    return current.state.device();
  }

  @Override
  public boolean seeded() {
    return current.state.seeded();
  }

  @Override
  public long generation() {
    return current.state.generation();
  }

  /** The remembered entries of removed snaps kept aside until close (see {@link StateDraft}). */
  Map<ConnectionId, Connection> retired() {
    return current.retired;
  }

  /** A draft over the committed state, for tests. */
  StateDraft draft() {
    return new StateDraft(current);
  }

  /** The committed state, for tests and the store round trip. */
  SystemState state() {
    return current.state;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the interface manager is closed");
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        store.close();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    SystemState s = current.state;
    return "InterfaceManager[" + s.snaps().size() + " snaps, " + s.connections().size()
        + " connection entries, generation " + s.generation() + "]";
  }

}
