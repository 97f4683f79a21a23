package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.GadgetConnection;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import io.snapif.model.SnapType;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.SlotCandidates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The automatic connections made when a snap is installed or refreshed: the gadget's {@code
 * connections:} while seeding, then whatever the policy evaluator's auto-connect plan says.
 *
 * <p>Design notes. The plan is policy (which candidates are allowed, the arity rule); this class
 * only gathers the candidates (every same-interface endpoint on the installed snaps, as snapd's
 * repository does) and the state entries among them, and then makes the planned connections.
 * The plan must leave out pairs that have an entry (an undesired entry is how a user's
 * disconnect survives refreshes); a plan that does not is refused loudly.
 */
final class AutoConnector {
  private final PolicyEvaluator policy;
  private final Connector connector;

  AutoConnector(PolicyEvaluator policy, Connector connector) {
    this.policy = policy;
    this.connector = connector;
  }

  /** The auto-connect request for every plug and slot of installed snap {@code snapName}. */
  AutoConnectRequest request(StateDraft draft, String snapName) {
    InstalledSnap snap = draft.snap(snapName).orElseThrow();
    // The draft's index lists the snaps with endpoints of each interface in installation
    // order, so the candidates cost what they are, not a pass over the system.
    StateIndex index = draft.index();
    Device device = draft.device();
    // Every candidate pair involves this snap, so its entries are the only ones to look for:
    // usually none or a few, where looking up every candidate would cost a search each.
    Map<ConnectionId, Connection> entries = new HashMap<>();
    draft.entriesOf(snapName).forEach(e -> entries.put(e.id(), e));
    Map<String, ImmutableList<ConnectCandidate>> plugCandidates = new LinkedHashMap<>();
    Map<String, ImmutableList<ConnectCandidate>> slotCandidates = new LinkedHashMap<>();
    Map<ConnectionId, Connection> existing = new HashMap<>();
    for (Plug plug : snap.snap().plugs().values()) {
      ImmutableList.Builder<ConnectCandidate> candidates = ImmutableList.builder();
      for (StateIndex.Ends<Slot> other : index.slotsOf(plug.iface())) {
        for (Slot slot : other.ends()) {
          ConnectCandidate c = ConnectCandidate.of(plug, snap, slot, other.snap(), device);
          candidates.add(c);
          Connection entry = entries.isEmpty() ? null : entries.get(c.id());
          if (entry != null) {
            existing.put(entry.id(), entry);
          }
        }
      }
      plugCandidates.put(plug.name(), candidates.build());
    }
    for (Slot slot : snap.snap().slots().values()) {
      ImmutableList.Builder<ConnectCandidate> candidates = ImmutableList.builder();
      for (StateIndex.Ends<Plug> other : index.plugsOf(slot.iface())) {
        for (Plug plug : other.ends()) {
          ConnectCandidate c = ConnectCandidate.of(plug, other.snap(), slot, snap, device);
          candidates.add(c);
          Connection entry = entries.isEmpty() ? null : entries.get(c.id());
          if (entry != null) {
            existing.put(entry.id(), entry);
          }
        }
      }
      slotCandidates.put(slot.name(), candidates.build());
    }
    return AutoConnectRequest.builder()
        .snap(snap)
        .putAllPlugCandidates(plugCandidates)
        .putAllSlotCandidates(slotCandidates)
        .putAllExisting(existing)
        .otherSlotsOfPlug(otherSlotsOf(index, device, snapName))
        .build();
  }

  /**
   * For the policy's slot-side arity rule: plug {@code ref} (of another snap) with every slot of
   * its interface on the installed snaps other than {@code snapName}. Answers from the index the
   * request was made with (immutable) whenever it is asked, at the cost of what it returns: a
   * slot may have thousands of such plugs on a large system.
   */
  private static SlotCandidates otherSlotsOf(StateIndex index, Device device, String snapName) {
    return ref -> {
      InstalledSnap plugSnap = index.snap(ref.snap());
      Plug plug = plugSnap == null ? null : plugSnap.snap().plugs().get(ref.name());
      if (plug == null) {
        return List.of();
      }
      List<ConnectCandidate> out = new ArrayList<>();
      for (StateIndex.Ends<Slot> other : index.slotsOf(plug.iface())) {
        if (!other.snap().name().equals(snapName)) {
          other.ends().forEach(
              slot -> out.add(ConnectCandidate.of(plug, plugSnap, slot, other.snap(), device)));
        }
      }
      return out;
    };
  }

  /** Asks policy for the plan of {@code snapName} and makes the planned connections. */
  void autoConnect(StateDraft draft, String snapName) {
    AutoConnectRequest request = request(draft, snapName);
    AutoConnectPlan plan = policy.planAutoConnect(request, draft.context());
    for (AutoConnectPlan.EndpointPlan endpoint : plan.endpoints()) {
      endpoint.candidates().forEach(draft::candidate);
      if (endpoint.outcome() == AutoConnectPlan.Outcome.AMBIGUOUS) {
        draft.warn("cannot auto-connect " + endpoint.side().word() + " " + snapName + ":"
            + endpoint.name() + ", candidates found: "
            + endpoint.candidates().stream().filter(Decision::allowed).map(Decision::subject)
                .collect(Collectors.joining(", ")));
      }
    }
    if (draft.logging()) {
      DecisionAudit.autoConnect(draft, request, plan);
    }
    for (ConnectionId id : plan.connections()) {
      ConnectCandidate candidate = plannedCandidate(request, id);
      if (draft.entry(id).isPresent()) {
        // policy must leave pairs in state alone: an undesired one is a user's disconnect
        throw new IllegalStateException("the policy evaluator planned connection " + id
            + ", which is in state already");
      }
      connector.record(draft, connector.prepare(candidate, true, false));
    }
  }

  /** The candidate a planned connection stands for; anything else is a broken evaluator. */
  private static ConnectCandidate plannedCandidate(AutoConnectRequest request, ConnectionId id) {
    String snapName = request.snap().name();
    Optional<ConnectCandidate> found = Optional.empty();
    if (id.plug().snap().equals(snapName)) {
      found = request.plugCandidates().getOrDefault(id.plug().name(), ImmutableList.of()).stream()
          .filter(c -> c.id().equals(id)).findFirst();
    }
    if (found.isEmpty() && id.slot().snap().equals(snapName)) {
      found = request.slotCandidates().getOrDefault(id.slot().name(), ImmutableList.of()).stream()
          .filter(c -> c.id().equals(id)).findFirst();
    }
    return found.orElseThrow(() -> new IllegalStateException(
        "the policy evaluator planned connection " + id + ", which is not a candidate of "
            + snapName));
  }

  /**
   * While seeding, the entries of the gadget's {@code connections:} that involve {@code
   * snapName} (by snap-id), checked with the connection rules. An entry whose other side is not
   * installed yet, or whose plug or slot does not exist, is skipped (a later snap's turn may
   * make it); one already in state is left alone. A denied entry or one joining different
   * interfaces fails the operation (and so the whole seeding).
   */
  void gadgetConnect(StateDraft draft, String snapName) {
    InstalledSnap snap = draft.snap(snapName).orElseThrow();
    Optional<String> snapId = snap.snap().snapId();
    if (draft.seeded() || snapId.isEmpty()) {
      return;
    }
    Optional<InstalledSnap> gadget = draft.snaps().stream()
        .filter(s -> s.snap().type() == SnapType.GADGET).findFirst();
    if (gadget.isEmpty()) {
      return;
    }
    for (GadgetConnection entry : gadget.get().gadgetConnections()) {
      boolean plugSide = entry.plugSnapId().equals(snapId.get());
      boolean slotSide = entry.slotSnapId().equals(snapId.get());
      if (!plugSide && !slotSide) {
        continue;
      }
      Optional<Plug> plug = snapNameById(draft, entry.plugSnapId())
          .flatMap(name -> draft.plug(PlugRef.of(name, entry.plugName())));
      if (plug.isEmpty()) {
        draft.warn("gadget connections: ignoring missing plug " + entry.plugSnapId() + ":"
            + entry.plugName());
        continue;
      }
      Optional<Slot> slot = snapNameById(draft, entry.slotSnapId())
          .flatMap(name -> draft.slot(SlotRef.of(name, entry.slotName())));
      if (slot.isEmpty()) {
        draft.warn("gadget connections: ignoring missing slot " + entry.slotSnapId() + ":"
            + entry.slotName());
        continue;
      }
      ConnectionId id = ConnectionId.of(plug.get().ref(), slot.get().ref());
      if (draft.entry(id).isPresent()) {
        continue;
      }
      if (!plug.get().iface().equals(slot.get().iface())) {
        throw new OperationException(ErrorKind.MISMATCH,
            "cannot connect plug \"" + plug.get().ref() + "\" (interface \"" + plug.get().iface()
                + "\") to \"" + slot.get().ref() + "\" (interface \"" + slot.get().iface()
                + "\")");
      }
      connector.connectChecked(draft, Connector.candidate(draft, plug.get(), slot.get()),
          true, true);
    }
  }

  /** The installed snap a gadget entry names by snap-id ({@code system}: the system snap). */
  private static Optional<String> snapNameById(StateDraft draft, String snapId) {
    if (snapId.equals("system")) {
      return Optional.of(draft.systemSnapName());
    }
    return draft.snaps().stream()
        .filter(s -> s.snap().snapId().filter(snapId::equals).isPresent())
        .map(InstalledSnap::name)
        .findFirst();
  }
}
