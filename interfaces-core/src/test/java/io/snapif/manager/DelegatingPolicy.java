package io.snapif.manager;

import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;

/** Asks {@code policy}; tests override what they need. */
class DelegatingPolicy implements PolicyEvaluator {
  final PolicyEvaluator policy;

  DelegatingPolicy(PolicyEvaluator policy) {
    this.policy = policy;
  }

  @Override
  public Decision checkInstallation(InstalledSnap snap, Device device,
      DecisionContext context) {
    return policy.checkInstallation(snap, device, context);
  }

  @Override
  public Decision checkConnection(ConnectCandidate candidate, DecisionContext context) {
    return policy.checkConnection(candidate, context);
  }

  @Override
  public AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context) {
    return policy.planAutoConnect(request, context);
  }

  @Override
  public EntryPlan planEntries(EntryEvent event, DecisionContext context) {
    return policy.planEntries(event, context);
  }
}
