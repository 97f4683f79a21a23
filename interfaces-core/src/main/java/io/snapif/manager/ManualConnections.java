package io.snapif.manager;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import java.util.ArrayList;
import io.snapif.spi.EntryEvent;
import java.util.List;
import java.util.Optional;

/**
 * {@code connect} and {@code disconnect} as the snap command asks snapd for them: the request
 * checks of {@code daemon/api_interfaces.go}, reference resolution as {@code
 * Repository.ResolveConnect} and {@code InterfaceManager.ResolveDisconnect} do it, and the state
 * changes of the {@code connect} and {@code disconnect} task handlers. Error messages are
 * snapd's.
 */
final class ManualConnections {
  private final Connector connector;
  private final EntryFates fates;

  ManualConnections(Connector connector, EntryFates fates) {
    this.connector = connector;
    this.fates = fates;
  }

  void connect(StateDraft draft, Operation.Connect op) {
    String plugSnap = remap(draft, op.plugSnap());
    if (plugSnap.isEmpty()) {
      throw new OperationException(ErrorKind.NOT_FOUND,
          "cannot resolve connection, plug snap name is empty");
    }
    checkInstalled(draft, plugSnap);
    String requestedSlotSnap = remap(draft, op.slotSnap().orElse(""));
    checkInstalled(draft, requestedSlotSnap);
    String slotSnap = orSystem(draft, requestedSlotSnap);

    Plug plug = draft.plug(PlugRef.of(plugSnap, op.plug())).orElseThrow(() ->
        new OperationException(ErrorKind.NOT_FOUND,
            "snap \"" + plugSnap + "\" has no plug named \"" + op.plug() + "\""));
    String slotName = op.slot().filter(s -> !s.isEmpty())
        .orElseGet(() -> onlySlotOf(draft, plug, slotSnap));
    Slot slot = draft.slot(SlotRef.of(slotSnap, slotName)).orElseThrow(() ->
        new OperationException(ErrorKind.NOT_FOUND,
            "snap \"" + slotSnap + "\" has no slot named \"" + slotName + "\""));
    if (!slot.iface().equals(plug.iface())) {
      throw new OperationException(ErrorKind.MISMATCH,
          "cannot connect " + plug.ref() + " (\"" + plug.iface() + "\" interface) to "
              + slot.ref() + " (\"" + slot.iface() + "\" interface)");
    }
    ConnectionId id = ConnectionId.of(plug.ref(), slot.ref());
    if (draft.entry(id).filter(e -> !e.undesired()).isPresent()) {
      return; // already connected: snapd answers with a change that is done at once
    }
    // replaces an undesired entry: the user asked for it, so it is a manual connection now
    connector.connectChecked(draft, Connector.candidate(draft, plug, slot), false, false);
  }

  /** The slot of the plug's interface on {@code slotSnap}, when there is exactly one. */
  private static String onlySlotOf(StateDraft draft, Plug plug, String slotSnap) {
    List<String> candidates = draft.snap(slotSnap).orElseThrow().snap().slots().values().stream()
        .filter(s -> s.iface().equals(plug.iface()))
        .map(Slot::name)
        .sorted()
        .toList();
    if (candidates.isEmpty()) {
      throw new OperationException(ErrorKind.NOT_FOUND,
          "snap \"" + slotSnap + "\" has no \"" + plug.iface() + "\" interface slots");
    }
    if (candidates.size() > 1) {
      throw new OperationException(ErrorKind.AMBIGUOUS,
          "snap \"" + slotSnap + "\" has multiple \"" + plug.iface() + "\" interface slots: "
              + String.join(", ", candidates));
    }
    return candidates.get(0);
  }

  void disconnect(StateDraft draft, Operation.Disconnect op) {
    String snap = remap(draft, op.snap());
    checkInstalled(draft, snap);
    Optional<String> otherSnap = op.otherSnap().map(s -> remap(draft, s));
    if (otherSnap.isPresent()) {
      checkInstalled(draft, otherSnap.get());
    }
    List<Connection> targets;
    if (op.otherName().filter(n -> !n.isEmpty()).isPresent() && !op.name().isEmpty()) {
      targets = List.of(resolvePair(draft, op, orSystem(draft, snap),
          orSystem(draft, otherSnap.orElse(""))));
    } else if (!op.name().isEmpty() && otherSnap.filter(s -> !s.isEmpty()).isEmpty()) {
      targets = resolveEnd(draft, orSystem(draft, snap), op.name(), op.forget());
    } else {
      throw new OperationException(ErrorKind.CONFLICT,
          "allowed forms are <snap>:<plug> <snap>:<slot> or <snap>:<plug or slot>");
    }
    if (targets.isEmpty()) {
      throw new OperationException(ErrorKind.NOT_CONNECTED, "nothing to do");
    }
    // policy decides what each disconnected entry becomes (remembered, or gone)
    fates.decide(draft, EntryEvent.Kind.DISCONNECT, snap, op.forget(), targets);
  }

  /** {@code snap:plug snap:slot}: the entry (with forget) or the connection in effect. */
  private static Connection resolvePair(StateDraft draft, Operation.Disconnect op,
      String plugSnap, String slotSnap) {
    ConnectionId id = ConnectionId.of(PlugRef.of(plugSnap, op.name()),
        SlotRef.of(slotSnap, op.otherName().orElseThrow()));
    if (op.forget()) {
      return draft.entry(id).orElseThrow(() -> new OperationException(ErrorKind.NOT_CONNECTED,
          "cannot forget connection " + id.plug() + " from " + id.slot()
              + ", it was not connected"));
    }
    if (draft.plug(id.plug()).isEmpty()) {
      throw new OperationException(ErrorKind.NOT_FOUND,
          "snap \"" + plugSnap + "\" has no plug named \"" + id.plug().name() + "\"");
    }
    if (draft.slot(id.slot()).isEmpty()) {
      throw new OperationException(ErrorKind.NOT_FOUND,
          "snap \"" + slotSnap + "\" has no slot named \"" + id.slot().name() + "\"");
    }
    return draft.entry(id).filter(draft::inEffect).orElseThrow(() -> new OperationException(
        ErrorKind.NOT_CONNECTED,
        "cannot disconnect " + id.plug() + " from " + id.slot() + ", it is not connected"));
  }

  /**
   * {@code snap:plug-or-slot}: with forget every state entry of that end (whether or not it
   * still exists), else its connections in effect.
   */
  private static List<Connection> resolveEnd(StateDraft draft, String snap, String name,
      boolean forget) {
    PlugRef plugRef = PlugRef.of(snap, name);
    SlotRef slotRef = SlotRef.of(snap, name);
    if (!forget && draft.plug(plugRef).isEmpty() && draft.slot(slotRef).isEmpty()) {
      throw new OperationException(ErrorKind.NOT_FOUND,
          "snap \"" + snap + "\" has no plug or slot named \"" + name + "\"");
    }
    List<Connection> out = new ArrayList<>();
    for (Connection e : draft.entriesOf(snap)) {
      boolean atThisEnd = e.id().plug().equals(plugRef) || e.id().slot().equals(slotRef);
      if (atThisEnd && (forget || draft.inEffect(e))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The daemon's request check; an empty name stands for the system snap and passes. */
  private static void checkInstalled(StateDraft draft, String snap) {
    if (!snap.isEmpty() && draft.snap(snap).isEmpty()) {
      throw new OperationException(ErrorKind.NOT_FOUND, "snap \"" + snap + "\" is not installed");
    }
  }

  /** snapd's request remapping: {@code system} is the system snap; empty stays empty. */
  private static String remap(StateDraft draft, String snap) {
    return snap.equals("system") ? draft.systemSnapName() : snap;
  }

  private static String orSystem(StateDraft draft, String snap) {
    return snap.isEmpty() ? draft.systemSnapName() : snap;
  }
}
