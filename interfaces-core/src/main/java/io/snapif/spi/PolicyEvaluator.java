package io.snapif.spi;

import io.snapif.manager.Decision;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;

/**
 * The decisions the manager asks policy for. The {@code interfaces-policy} module implements it
 * with Drools over the base declaration, snap-declarations and custom rule files.
 *
 * <p>Implementations are thread-safe and hold no lifecycle state: everything a decision depends
 * on is in its arguments, so the manager can ask about a change before committing it.
 *
 * <p>Every question carries a {@link DecisionContext}: which operation asks, whether it is
 * committed, simulated or explained, and the connections in effect. The overloads without one
 * ask with {@link DecisionContext#UNSPECIFIED}, for callers outside an operation.
 */
public interface PolicyEvaluator {
  /** Whether {@code snap} may be installed on {@code device}; denied names the first failure. */
  Decision checkInstallation(InstalledSnap snap, Device device, DecisionContext context);

  /** Whether the plug may be connected to the slot by a manual (or gadget) connect. */
  Decision checkConnection(ConnectCandidate candidate, DecisionContext context);

  /** What auto-connect connects for a snap just installed or refreshed. */
  AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context);

  /**
   * What becomes of the state entries a lifecycle event touches: a disconnected auto-connection
   * is remembered as undesired, a refresh drops an automatic entry that lost an end, and so on.
   * The plan must decide every touched entry.
   */
  EntryPlan planEntries(EntryEvent event, DecisionContext context);

  /** {@link #checkInstallation(InstalledSnap, Device, DecisionContext)} outside an operation. */
  default Decision checkInstallation(InstalledSnap snap, Device device) {
    return checkInstallation(snap, device, DecisionContext.UNSPECIFIED);
  }

  /** {@link #checkConnection(ConnectCandidate, DecisionContext)} outside an operation. */
  default Decision checkConnection(ConnectCandidate candidate) {
    return checkConnection(candidate, DecisionContext.UNSPECIFIED);
  }

  /** {@link #planAutoConnect(AutoConnectRequest, DecisionContext)} outside an operation. */
  default AutoConnectPlan planAutoConnect(AutoConnectRequest request) {
    return planAutoConnect(request, DecisionContext.UNSPECIFIED);
  }

  /** {@link #planEntries(EntryEvent, DecisionContext)} outside an operation. */
  default EntryPlan planEntries(EntryEvent event) {
    return planEntries(event, DecisionContext.UNSPECIFIED);
  }

  /**
   * Names the rules this evaluator applies, for logs and explanations: two evaluators with the
   * same id decide alike. The default is the implementation's class name; the Drools evaluator
   * says {@code builtin}, or {@code sha256:} and a digest of its custom rules.
   */
  default String ruleSetId() {
    return getClass().getName();
  }
}
