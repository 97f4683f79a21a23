package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import io.snapif.spi.DecisionRecord;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.StateChange;
import io.snapif.spi.SystemState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pcollections.TreePMap;

/**
 * The state that one operation works on, with the decisions and warnings gathered on the way.
 * The manager commits it only when the whole operation succeeded, which is how a failed
 * operation changes nothing.
 *
 * <p>Design notes. A draft costs what the operation touches, not the size of the system. Its
 * snaps and the lookups by interface and by snap are a {@link StateIndex}, persistent: the draft
 * starts from the committed one and changes its own copy. Its connection entries are an overlay
 * on the committed state: the entries put or removed, read through to the (immutable) base for
 * the rest. The draft records what it changed, which becomes the {@link StateChange} the new
 * state is made with.
 */
final class StateDraft {
  private final SystemState base;
  private final StateIndex baseIndex;
  private StateIndex index;
  private Device device;
  private final String systemSnapName;
  /** Base snaps removed (a base snap removed and put again goes last). */
  private final Set<String> removed = new LinkedHashSet<>();
  /** Snaps put, in the order they came: in place of a base snap not removed, else last. */
  private final LinkedHashMap<String, InstalledSnap> put = new LinkedHashMap<>();
  /** Entries put (present) or removed (empty) by the operation, by id. */
  private final TreeMap<ConnectionId, Optional<Connection>> changedEntries = new TreeMap<>();
  private TreePMap<ConnectionId, Connection> retired;
  private boolean seeded;
  private final List<Decision> decisions = new ArrayList<>();
  private final List<EntryDecision> entryDecisions = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  /** The decisions for the decision log; null when the manager keeps none. */
  private final List<DecisionAudit.Logged> logged;
  private final DecisionContext context;

  /** A draft over the committed snapshot {@code base}, for no operation in particular. */
  StateDraft(Snapshot base) {
    this(base, DecisionContext.OperationKind.UNSPECIFIED, DecisionContext.Mode.COMMIT, false);
  }

  /**
   * A draft over {@code base} for {@code operation}, committed, simulated or explained;
   * {@code logging}: it gathers the decisions for a decision log.
   */
  StateDraft(Snapshot base, DecisionContext.OperationKind operation, DecisionContext.Mode mode,
      boolean logging) {
    this.logged = logging ? new ArrayList<>() : null;
    // policy sees the connections in effect as the operation has changed them so far
    this.context = new DecisionContext(operation, mode,
        snap -> entriesOf(snap).stream().filter(this::inEffect).toList());
    this.base = base.state;
    this.baseIndex = base.index;
    this.index = base.index;
    this.device = base.state.device();
    this.systemSnapName = base.state.systemSnap().name();
    this.retired = base.retired;
    this.seeded = base.state.seeded();
  }

  Device device() {
    return device;
  }

  /** What policy is told about the operation this draft is for. */
  DecisionContext context() {
    return context;
  }

  /** Records that the device's model names {@code gadget} as its gadget snap. */
  void nameGadget(String gadget) {
    device = Device.builder().from(device).gadget(gadget).build();
  }

  String systemSnapName() {
    return systemSnapName;
  }

  Optional<InstalledSnap> snap(String name) {
    return Optional.ofNullable(index.snap(name));
  }

  /** The snaps in installation order (a view). */
  Collection<InstalledSnap> snaps() {
    return index.snaps();
  }

  /** The snaps, the lookups by interface and by snap, as they are now in the draft. */
  StateIndex index() {
    return index;
  }

  /** Adds a new snap last, or replaces an installed one keeping its place. */
  void putSnap(InstalledSnap snap) {
    put.put(snap.name(), snap);
    index = index.withSnap(snap);
  }

  void removeSnap(String name) {
    put.remove(name);
    if (baseIndex.snap(name) != null) {
      removed.add(name);
    }
    index = index.withoutSnap(name);
  }

  Optional<Plug> plug(PlugRef ref) {
    return snap(ref.snap()).map(s -> s.snap().plugs().get(ref.name()));
  }

  Optional<Slot> slot(SlotRef ref) {
    return snap(ref.snap()).map(s -> s.snap().slots().get(ref.name()));
  }

  Optional<Connection> entry(ConnectionId id) {
    Optional<Connection> changed = changedEntries.get(id);
    return changed != null ? changed : base.connection(id);
  }

  /** The entries whose plug or slot is on snap {@code name}, in id order. */
  List<Connection> entriesOf(String name) {
    List<Connection> out = new ArrayList<>();
    for (ConnectionId id : index.entryIds(name)) {
      out.add(entry(id).orElseThrow());
    }
    return out;
  }

  void putEntry(Connection entry) {
    changedEntries.put(entry.id(), Optional.of(entry));
    index = index.withEntry(entry.id());
  }

  void removeEntry(ConnectionId id) {
    changedEntries.put(id, Optional.empty());
    index = index.withoutEntry(id);
  }

  /**
   * Takes a remembered entry of a snap being removed out of the state, but keeps it aside: snapd
   * 2.57.6 leaves such entries in its state (a reinstall then finds them) until it restarts.
   */
  void retire(Connection entry) {
    removeEntry(entry.id());
    retired = retired.plus(entry.id(), entry);
  }

  /** Puts back the retired entries whose snaps are both installed again. */
  void restoreRetired() {
    List<Connection> back = retired.values().stream()
        .filter(e -> index.snap(e.id().plug().snap()) != null
            && index.snap(e.id().slot().snap()) != null)
        .toList();
    back.forEach(e -> {
      retired = retired.minus(e.id());
      putEntry(e);
    });
  }

  TreePMap<ConnectionId, Connection> retired() {
    return retired;
  }

  boolean inEffect(Connection entry) {
    return EntryStatus.inEffect(entry, index::snap);
  }

  /** Whether {@code entry} was in effect in the committed state the operation started from. */
  boolean wasInEffect(Connection entry) {
    return EntryStatus.inEffect(entry, baseIndex::snap);
  }

  boolean seeded() {
    return seeded;
  }

  void markSeeded() {
    seeded = true;
  }

  /** A decision taken (installation, connection): reported, and logged when logging. */
  void decision(Decision decision) {
    decisions.add(decision);
    if (logged != null) {
      logged.add(new DecisionAudit.Check(decision, Optional.empty()));
    }
  }

  /** An auto-connect candidate's decision: reported; {@link DecisionAudit} picks what is logged. */
  void candidate(Decision decision) {
    decisions.add(decision);
  }

  /** Whether the draft gathers decisions for a decision log. */
  boolean logging() {
    return logged != null;
  }

  /** Logs an auto-connect decision with what the plan made of it (only while logging). */
  void logDecision(Decision decision, DecisionRecord.Effect effect) {
    logged.add(new DecisionAudit.Check(decision, Optional.of(effect)));
  }

  /** A state entry's fate that changes something: reported, and logged when logging. */
  void entryDecision(EntryDecision decision) {
    entryDecisions.add(decision);
    if (logged != null) {
      logged.add(new DecisionAudit.Fate(decision));
    }
  }

  /** The decisions for the decision log, in the order they were taken (empty if not logging). */
  List<DecisionAudit.Logged> loggedDecisions() {
    return logged == null ? List.of() : logged;
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  ImmutableList<Decision> decisions() {
    return ImmutableList.copyOf(decisions);
  }

  ImmutableList<EntryDecision> entryDecisions() {
    return ImmutableList.copyOf(entryDecisions);
  }

  ImmutableList<String> warnings() {
    return ImmutableList.copyOf(warnings);
  }

  /**
   * Calls {@code change} for every entry the draft adds, removes or changes from the base, in
   * id order (the contract of {@link SystemState#forEachConnectionChange}).
   */
  void forEachEntryChange(SystemState.EntryChange change) {
    changedEntries.forEach((id, now) -> {
      Optional<Connection> old = base.connection(id);
      if (old.isPresent() != now.isPresent()
          || (old.isPresent() && old.get() != now.get() && !old.get().equals(now.get()))) {
        change.changed(id, old, now);
      }
    });
  }

  /** Whether the draft differs from its base in anything but the generation. */
  boolean differsFromBase() {
    if (seeded != base.seeded() || !device.equals(base.device()) || !removed.isEmpty()
        || put.values().stream().anyMatch(this::changesBase)) {
      return true;
    }
    boolean[] differs = {false};
    forEachEntryChange((id, before, after) -> differs[0] = true);
    return differs[0];
  }

  /** Whether putting {@code snap} changes the base: it is new there, or differs. */
  private boolean changesBase(InstalledSnap snap) {
    InstalledSnap was = baseIndex.snap(snap.name());
    return removed.contains(snap.name()) || was == null || (was != snap && !was.equals(snap));
  }

  /** What the draft changed from its base, as the state of {@code generation} is made with. */
  StateChange change(long generation) {
    var change = StateChange.builder()
        .generation(generation)
        .seeded(seeded)
        .device(device.equals(base.device()) ? Optional.empty() : Optional.of(device))
        .addAllRemovedSnaps(removed);
    put.values().stream().filter(this::changesBase).forEach(change::addPutSnaps);
    forEachEntryChange((id, before, after) -> {
      if (after.isPresent()) {
        change.addPutConnections(after.get());
      } else {
        change.addRemovedConnections(id);
      }
    });
    return change.build();
  }
}
