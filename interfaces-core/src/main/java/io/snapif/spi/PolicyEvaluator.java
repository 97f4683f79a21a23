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
 * <p>The manager asks the overloads that take a {@link DecisionContext} (which operation, committed
 * or simulated or explained, the connections in effect). Their defaults ignore the context and
 * call the methods without one, so an implementation that does not need it implements only
 * those; one that wraps another evaluator should forward the overloads too.
 */
public interface PolicyEvaluator {
  /** Whether {@code snap} may be installed on {@code device}; denied names the first failure. */
  Decision checkInstallation(InstalledSnap snap, Device device);

  /** Whether the plug may be connected to the slot by a manual (or gadget) connect. */
  Decision checkConnection(ConnectCandidate candidate);

  /** What auto-connect connects for a snap just installed or refreshed. */
  AutoConnectPlan planAutoConnect(AutoConnectRequest request);

  /** {@link #checkInstallation(InstalledSnap, Device)} within {@code context}. */
  default Decision checkInstallation(InstalledSnap snap, Device device, DecisionContext context) {
    return checkInstallation(snap, device);
  }

  /** {@link #checkConnection(ConnectCandidate)} within {@code context}. */
  default Decision checkConnection(ConnectCandidate candidate, DecisionContext context) {
    return checkConnection(candidate);
  }

  /** {@link #planAutoConnect(AutoConnectRequest)} within {@code context}. */
  default AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context) {
    return planAutoConnect(request);
  }

  /** {@link #planEntries(EntryEvent)} within {@code context}. */
  default EntryPlan planEntries(EntryEvent event, DecisionContext context) {
    return planEntries(event);
  }

  /**
   * What becomes of the state entries a lifecycle event touches: a disconnected auto-connection
   * is remembered as undesired, a refresh drops an automatic entry that lost an end, and so on.
   * The plan must decide every touched entry.
   */
  EntryPlan planEntries(EntryEvent event);

  /**
   * Names the rules this evaluator applies, for logs and explanations: two evaluators with the
   * same id decide alike. The default is the implementation's class name; the Drools evaluator
   * says {@code builtin}, or {@code sha256:} and a digest of its custom rules.
   */
  default String ruleSetId() {
    return getClass().getName();
  }
}
