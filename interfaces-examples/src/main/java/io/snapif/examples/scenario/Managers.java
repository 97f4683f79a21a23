package io.snapif.examples.scenario;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.snapif.SnapifException;
import io.snapif.declaration.DeclarationParser;
import io.snapif.manager.Decision;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import java.nio.file.Path;
import java.util.List;

/**
 * How the examples make managers: the built-in catalog's implicit slots, the Drools policy (with
 * the user's rule files, if any) and a file state store. The one place that knows the library's
 * builders, so the CLI, the scenario runner and the tests all get the same setup.
 */
public final class Managers {
  private Managers() {}

  /**
   * An opener of file-backed managers deciding with the built-in policy plus {@code ruleFiles}
   * (Drools {@code .drl} files, in order).
   *
   * @throws SnapifException if a rule file cannot be read or compiled
   */
  public static ManagerOpener fileBacked(List<Path> ruleFiles) {
    return fileBacked(policy(ruleFiles));
  }

  /** An opener of file-backed managers deciding with {@code policy}. */
  public static ManagerOpener fileBacked(PolicyEvaluator policy) {
    return (store, device) -> open(store, policy, device);
  }

  /**
   * Opens a manager on {@code store}. A stored state keeps the device it was made for; a new one
   * is made for {@code deviceForNewState}. Either way the system snap gets the built-in
   * catalog's implicit slots for that kind of device (classic or core).
   *
   * @throws io.snapif.spi.StateStoreException if the store cannot be read
   */
  public static InterfaceManager open(
      StateStore store, PolicyEvaluator policy, Device deviceForNewState) {
    Device device;
    try {
      device = store.load().map(SystemState::device).orElse(deviceForNewState);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return InterfaceManager.builder()
        .policy(policy)
        .device(device)
        .store(store)
        .build();
  }

  /**
   * The policy the examples decide with: the built-in rules plus {@code ruleFiles}.
   *
   * @throws SnapifException if a rule file cannot be read or compiled
   */
  public static PolicyEvaluator policy(List<Path> ruleFiles) {
    if (ruleFiles.isEmpty()) {
      // The built-in rules always compile, so the engine can wait for the first decision: a
      // command that only reads the state (snapif connections) never starts it.
      return new LazyPolicy(Suppliers.memoize(() -> build(ruleFiles)));
    }
    return build(ruleFiles);
  }

  private static PolicyEvaluator build(List<Path> ruleFiles) {
    DroolsPolicyEvaluator.Builder policy = DroolsPolicyEvaluator.builder()
        .baseDeclaration(DeclarationParser.builtinBaseDeclaration());
    ruleFiles.forEach(policy::addRuleFile);
    return policy.build();
  }

  /**
   * Starts the engine now rather than at the first decision, so that start-up is not counted
   * as the first operation's time.
   */
  public static void warmUp(PolicyEvaluator policy) {
    if (policy instanceof LazyPolicy lazy) {
      lazy.engine.get();
    }
  }

  /** A policy evaluator made on first use; thread-safe like the evaluator it makes. */
  private record LazyPolicy(Supplier<PolicyEvaluator> engine) implements PolicyEvaluator {
    @Override
    public Decision checkInstallation(InstalledSnap snap, Device device) {
      return engine.get().checkInstallation(snap, device);
    }

    @Override
    public Decision checkConnection(ConnectCandidate candidate) {
      return engine.get().checkConnection(candidate);
    }

    @Override
    public AutoConnectPlan planAutoConnect(AutoConnectRequest request) {
      return engine.get().planAutoConnect(request);
    }

    @Override
    public EntryPlan planEntries(EntryEvent event) {
      return engine.get().planEntries(event);
    }

    @Override
    public Decision checkInstallation(InstalledSnap snap, Device device,
        DecisionContext context) {
      return engine.get().checkInstallation(snap, device, context);
    }

    @Override
    public Decision checkConnection(ConnectCandidate candidate, DecisionContext context) {
      return engine.get().checkConnection(candidate, context);
    }

    @Override
    public AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context) {
      return engine.get().planAutoConnect(request, context);
    }

    @Override
    public EntryPlan planEntries(EntryEvent event, DecisionContext context) {
      return engine.get().planEntries(event, context);
    }

    @Override
    public String ruleSetId() {
      return engine.get().ruleSetId();
    }
  }
}
