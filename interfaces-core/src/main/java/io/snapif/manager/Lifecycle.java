package io.snapif.manager;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.PolicyEvaluator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one {@link Operation} on a {@link StateDraft}, with snapd 2.57.6's semantics
 * ({@code overlord/ifacestate}): install, seed, refresh and remove here; connect and disconnect
 * in {@link ManualConnections}. Throws {@link OperationException} on refusal; the caller then
 * drops the draft, so nothing done before the refusal counts.
 */
final class Lifecycle {
  private final PolicyEvaluator policy;
  private final AutoConnector autoConnector;
  private final ManualConnections manual;
  private final EntryFates fates;

  Lifecycle(PolicyEvaluator policy, Connector connector) {
    this.policy = policy;
    this.autoConnector = new AutoConnector(policy, connector);
    this.fates = new EntryFates(policy);
    this.manual = new ManualConnections(connector, fates);
  }

  AutoConnector autoConnector() {
    return autoConnector;
  }

  void apply(StateDraft draft, Operation operation) {
    if (operation instanceof Operation.Install op) {
      install(draft, op.snap());
      draft.markSeeded();
    } else if (operation instanceof Operation.Seed op) {
      seed(draft, op.snaps());
    } else if (operation instanceof Operation.Refresh op) {
      refresh(draft, op.snap());
    } else if (operation instanceof Operation.Remove op) {
      remove(draft, op.snap());
    } else if (operation instanceof Operation.Connect op) {
      manual.connect(draft, op);
    } else if (operation instanceof Operation.Disconnect op) {
      manual.disconnect(draft, op);
    } else if (operation instanceof Operation.ImportConnections op) {
      importConnections(draft, op.entries());
    } else {
      throw new IllegalArgumentException("unknown operation " + operation);
    }
  }

  private static void importConnections(StateDraft draft, Map<ConnectionId, Connection> entries) {
    for (Map.Entry<ConnectionId, Connection> e : entries.entrySet()) {
      if (!e.getKey().equals(e.getValue().id())) {
        throw new OperationException(ErrorKind.CONFLICT,
            "connection " + e.getValue().id() + " is filed under id " + e.getKey());
      }
    }
    for (Connection entry : entries.values()) {
      ConnectionId id = ConnectionId.of(
          PlugRef.of(fromSnapdState(draft, entry.id().plug().snap()), entry.id().plug().name()),
          SlotRef.of(fromSnapdState(draft, entry.id().slot().snap()), entry.id().slot().name()));
      if (draft.snap(id.plug().snap()).isEmpty() || draft.snap(id.slot().snap()).isEmpty()) {
        draft.warn("skipping connection " + id + ": snap \""
            + (draft.snap(id.plug().snap()).isEmpty() ? id.plug().snap() : id.slot().snap())
            + "\" is not installed");
        continue;
      }
      draft.putEntry(entry.toBuilder().id(id).build());
    }
  }

  /** snapd stores the system snap as {@code core}, whatever its real name. */
  private static String fromSnapdState(StateDraft draft, String snap) {
    return snap.equals("core") && draft.snap("core").isEmpty() ? draft.systemSnapName() : snap;
  }

  /** snapd's wording when a task of a change fails. */
  static String taskFailure(String taskSummary, String error) {
    return "cannot perform the following tasks:\n- " + taskSummary + " (" + error + ")";
  }

  /**
   * What a refusal by {@code decision} tells the user: its message, and when a custom rule
   * refused, that rule's detail after a colon as {@code explain} shows it (the declarations'
   * messages stay snapd's own). A blank detail, or one the message already says, adds nothing.
   */
  static String refusal(Decision decision) {
    return decision.reasons().stream().findFirst()
        .filter(r -> r.layer() == DecisionLayer.CUSTOM_RULE && !r.detail().isBlank()
            && !decision.message().contains(r.detail()))
        .map(r -> decision.message() + ": " + r.detail())
        .orElse(decision.message());
  }

  private void install(StateDraft draft, InstalledSnap snap) {
    if (draft.snap(snap.name()).isPresent()) {
      throw new OperationException(ErrorKind.ALREADY_INSTALLED,
          "snap \"" + snap.name() + "\" is already installed");
    }
    checkInstallation(draft, snap);
    draft.putSnap(snap);
    draft.restoreRetired();
    reloadConnections(draft, snap.name());
    autoConnector.gadgetConnect(draft, snap.name());
    autoConnector.autoConnect(draft, snap.name());
  }

  /**
   * First boot: each snap in turn goes through install, the gadget's connections applying while
   * the state is not seeded. Any failure fails the whole seeding (the draft is dropped).
   */
  private void seed(StateDraft draft, List<InstalledSnap> snaps) {
    if (draft.seeded()) {
      throw new OperationException(ErrorKind.CONFLICT, "cannot populate state: already seeded");
    }
    if (draft.index().size() > 1) {
      throw new OperationException(ErrorKind.CONFLICT,
          "cannot populate state: snaps are installed already");
    }
    Set<String> names = new HashSet<>();
    for (InstalledSnap snap : snaps) {
      if (snap.name().equals(draft.systemSnapName())) {
        throw new OperationException(ErrorKind.CONFLICT, "cannot seed snap \"" + snap.name()
            + "\": the system snap is always installed");
      }
      if (!names.add(snap.name())) {
        throw new OperationException(ErrorKind.CONFLICT,
            "cannot seed snap \"" + snap.name() + "\" twice");
      }
    }
    // the model names the seed's gadget, unless it names one already
    if (draft.device().gadget().isEmpty()) {
      snaps.stream().filter(s -> s.snap().type() == SnapType.GADGET).findFirst()
          .ifPresent(gadget -> draft.nameGadget(gadget.name()));
    }
    for (InstalledSnap snap : snaps) {
      install(draft, snap);
    }
    draft.markSeeded();
  }

  private void refresh(StateDraft draft, InstalledSnap snap) {
    InstalledSnap current = draft.snap(snap.name()).orElseThrow(() -> new OperationException(
        ErrorKind.NOT_INSTALLED, "snap \"" + snap.name() + "\" is not installed"));
    if (current.name().equals(draft.systemSnapName())) {
      throw new OperationException(ErrorKind.CONFLICT,
          "cannot refresh the system snap \"" + snap.name() + "\": snapif manages it");
    }
    checkInstallation(draft, snap);
    // every refresh is a new revision, whatever the caller's snap.yaml model says
    int revision = Math.max(snap.snap().revision(), current.snap().revision() + 1);
    InstalledSnap next = snap.snap().revision() == revision ? snap
        : InstalledSnap.builder().from(snap)
            .snap(Snap.builder().from(snap.snap()).revision(revision).build()).build();
    draft.putSnap(next);
    reloadConnections(draft, snap.name());
    autoConnector.autoConnect(draft, snap.name());
  }

  private void remove(StateDraft draft, String name) {
    if (draft.snap(name).isEmpty()) {
      throw new OperationException(ErrorKind.NOT_INSTALLED,
          "snap \"" + name + "\" is not installed");
    }
    if (name.equals(draft.systemSnapName())) {
      throw new OperationException(ErrorKind.CONFLICT,
          "cannot remove the system snap \"" + name + "\"");
    }
    // policy decides: deleted (a reinstall may auto-connect again) or retired until close
    fates.decide(draft, EntryEvent.Kind.REMOVE, name, false, draft.entriesOf(name));
    draft.removeSnap(name);
  }

  private void checkInstallation(StateDraft draft, InstalledSnap snap) {
    // the model allows one gadget snap, whatever the policy says
    Optional<String> gadget = draft.device().expectedGadget();
    if (snap.snap().type() == SnapType.GADGET && gadget.isPresent()
        && !gadget.get().equals(snap.name())) {
      throw new OperationException(ErrorKind.INSTALL_DENIED, "cannot install gadget \""
          + snap.name() + "\", model assertion requests \"" + gadget.get() + "\"");
    }
    Decision decision = policy.checkInstallation(snap, draft.device(), draft.context());
    draft.decision(decision);
    if (!decision.allowed()) {
      throw new OperationException(ErrorKind.INSTALL_DENIED, refusal(decision), decision);
    }
    snap.snap().badInterfaces().forEach((name, why) ->
        draft.warn("snap \"" + snap.name() + "\": " + name + " dropped: " + why));
  }

  /**
   * After a snap's plugs and slots were replaced (snapd's {@code reloadConnections}): policy
   * decides what becomes of the entries that lost their plug or slot (dropped, or kept dormant
   * until their ends return). Entries still in effect are not checked against policy again;
   * only {@code content} (when both ends still name the same content) and {@code system-files}
   * get their static attributes refreshed.
   */
  private void reloadConnections(StateDraft draft, String snapName) {
    List<Connection> endLost = new ArrayList<>();
    for (Connection entry : draft.entriesOf(snapName)) {
      Optional<Plug> plug = draft.plug(entry.id().plug());
      Optional<Slot> slot = draft.slot(entry.id().slot());
      if (plug.isEmpty() || slot.isEmpty()) {
        endLost.add(entry);
        continue;
      }
      if (entry.undesired() || !plug.get().iface().equals(slot.get().iface())) {
        continue; // cannot be connected; kept as it is
      }
      if (refreshesStaticAttributes(plug.get(), slot.get())) {
        draft.putEntry(entry.toBuilder()
            .plugStatic(plug.get().attributes())
            .slotStatic(slot.get().attributes())
            .build());
      }
    }
    fates.decide(draft, EntryEvent.Kind.REFRESH, snapName, false, endLost);
  }

  private static boolean refreshesStaticAttributes(Plug plug, Slot slot) {
    switch (plug.iface()) {
      case "content": {
        Optional<String> content = plug.attributes().getString("content");
        return content.isPresent() && !content.get().isEmpty()
            && content.equals(slot.attributes().getString("content"));
      }
      case "system-files":
        return true;
      default:
        return false;
    }
  }

  static boolean involves(Connection entry, String snapName) {
    return entry.id().plug().snap().equals(snapName) || entry.id().slot().snap().equals(snapName);
  }
}
