package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Side;
import io.snapif.model.Attributes;
import io.snapif.model.Connection;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.HookContext;
import io.snapif.spi.HookOutcome;
import io.snapif.spi.InterfaceHook;
import io.snapif.spi.PolicyEvaluator;

/**
 * Makes connection state entries in a draft: asks the prepare hooks (plug side, then slot side)
 * for dynamic attributes or a veto, checks manual and gadget connections against the
 * connection rules, and records the entry with the static attributes of both ends.
 */
final class Connector {
  private final PolicyEvaluator policy;
  private final ImmutableList<InterfaceHook> hooks;

  Connector(PolicyEvaluator policy, ImmutableList<InterfaceHook> hooks) {
    this.policy = policy;
    this.hooks = hooks;
  }

  static ConnectCandidate candidate(StateDraft draft, Plug plug, Slot slot) {
    return ConnectCandidate.of(plug, draft.snap(plug.snap()).orElseThrow(), slot,
        draft.snap(slot.snap()).orElseThrow(), draft.device());
  }

  /**
   * The connection-rules decision for a manual or gadget connection. When either snap was
   * installed locally ({@code --dangerous}) the policy leaves the declarations out, as snapd does,
   * but custom rules still apply: that is the evaluator's call, so it is always asked.
   */
  Decision checkManual(StateDraft draft, ConnectCandidate candidate) {
    return policy.checkConnection(candidate, draft.context());
  }

  /**
   * A manual or gadget connection, made the way snapd's connect task makes it: the prepare hooks
   * run first, then the connection rules are checked with the dynamic attributes they set, then
   * the entry is recorded (replacing any entry of the same id).
   *
   * @throws OperationException ({@code conflict}) if a prepare hook vetoes it, ({@code
   *     connect-denied}) if the connection policy denies it
   */
  Connection connectChecked(StateDraft draft, ConnectCandidate candidate, boolean auto,
      boolean byGadget) {
    HookContext prepared = prepare(candidate, auto, byGadget);
    Decision decision = checkManual(draft, ConnectCandidate.builder().from(candidate)
        .plugDynamic(prepared.plugDynamic()).slotDynamic(prepared.slotDynamic()).build());
    draft.decision(decision);
    if (!decision.allowed()) {
      throw new OperationException(ErrorKind.CONNECT_DENIED,
          Lifecycle.taskFailure("Connect " + candidate.plug().ref() + " to "
              + candidate.slot().ref(), Lifecycle.refusal(decision)), decision);
    }
    return record(draft, prepared);
  }

  /**
   * Asks the prepare hooks, plug side first then slot side, for dynamic attributes.
   *
   * @throws OperationException ({@code conflict}) if one vetoes the connection
   */
  HookContext prepare(ConnectCandidate candidate, boolean auto, boolean byGadget) {
    HookContext context = HookContext.builder()
        .candidate(candidate).auto(auto).byGadget(byGadget).build();
    for (Side side : new Side[] {Side.PLUG, Side.SLOT}) {
      for (InterfaceHook hook : hooks) {
        HookOutcome outcome = hook.prepare(side, context);
        if (outcome.veto().isPresent()) {
          String endpoint = side == Side.PLUG ? candidate.plug().ref().toString()
              : candidate.slot().ref().toString();
          throw new OperationException(ErrorKind.CONFLICT,
              "cannot connect " + candidate.plug().ref() + " to " + candidate.slot().ref()
                  + ": prepare hook of " + side.word() + " " + endpoint + " refused: "
                  + outcome.veto().get());
        }
        if (outcome.dynamicAttributes().isPresent()) {
          Attributes dynamic = outcome.dynamicAttributes().get();
          context = side == Side.PLUG
              ? HookContext.builder().from(context).plugDynamic(dynamic).build()
              : HookContext.builder().from(context).slotDynamic(dynamic).build();
        }
      }
    }
    return context;
  }

  /** Records the prepared connection in {@code draft}, with the static attributes of both ends. */
  Connection record(StateDraft draft, HookContext prepared) {
    ConnectCandidate candidate = prepared.candidate();
    Connection entry = Connection.builder()
        .id(candidate.id())
        .iface(candidate.plug().iface())
        .auto(prepared.auto())
        .byGadget(prepared.byGadget())
        .plugStatic(candidate.plug().attributes())
        .slotStatic(candidate.slot().attributes())
        .plugDynamic(prepared.plugDynamic())
        .slotDynamic(prepared.slotDynamic())
        .build();
    draft.putEntry(entry);
    return entry;
  }
}
