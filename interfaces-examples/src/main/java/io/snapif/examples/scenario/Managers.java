package io.snapif.examples.scenario;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.snapif.SnapifException;
import io.snapif.manager.Decision;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.policy.SitePolicy;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.DecisionLog;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
   * An opener of file-backed managers deciding with {@code policy} that log their decisions to
   * {@code decisionLog} (which the managers do not close).
   */
  public static ManagerOpener fileBacked(PolicyEvaluator policy, DecisionLog decisionLog) {
    return (store, device) -> open(store, policy, device, Optional.of(decisionLog));
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
    return open(store, policy, deviceForNewState, Optional.empty());
  }

  private static InterfaceManager open(StateStore store, PolicyEvaluator policy,
      Device deviceForNewState, Optional<DecisionLog> decisionLog) {
    Device device;
    try {
      device = store.load().map(SystemState::device).orElse(deviceForNewState);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    var builder = InterfaceManager.builder()
        .policy(policy)
        .device(device)
        .store(store);
    decisionLog.ifPresent(builder::decisionLog);
    return builder.build();
  }

  /**
   * The policy the examples decide with: the built-in rules plus {@code ruleFiles}.
   *
   * @throws SnapifException if a rule file cannot be read or compiled
   */
  public static PolicyEvaluator policy(List<Path> ruleFiles) {
    DroolsPolicyEvaluator.Builder policy = DroolsPolicyEvaluator.builder();
    ruleFiles.forEach(policy::addRuleFile);
    if (ruleFiles.isEmpty()) {
      // The built-in rules always compile, so the engine can wait for the first decision: a
      // command that only reads the state (snapif connections) never starts it.
      return new LazyPolicy(Suppliers.memoize(policy::build), "builtin");
    }
    return policy.build();
  }

  /**
   * The policy of the state in {@code stateFile}: the built-in rules, the site rules registered
   * with it ({@link SitePolicy#forStateFile}, by name) and then {@code ruleFiles}; compiled
   * custom rules are kept in {@code ruleBaseCache} when there is one. The site rules were
   * compiled when they were added, so the engine waits for the first decision; {@code
   * ruleFiles} are compiled now, so that a bad one fails before anything is done.
   *
   * @throws SnapifException if a rule file cannot be read, or one of {@code ruleFiles} does
   *     not compile
   */
  public static PolicyEvaluator sitePolicy(
      Path stateFile, List<Path> ruleFiles, Optional<Path> ruleBaseCache) {
    DroolsPolicyEvaluator.Builder policy = DroolsPolicyEvaluator.builder()
        .addRuleDirectory(SitePolicy.directoryFor(stateFile));
    ruleFiles.forEach(policy::addRuleFile);
    ruleBaseCache.ifPresent(policy::ruleBaseCache);
    if (ruleFiles.isEmpty()) {
      return new LazyPolicy(Suppliers.memoize(policy::build), policy.ruleSetId());
    }
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

  /**
   * A policy evaluator made on first use; thread-safe like the evaluator it makes. Its rule
   * set id is known without making it.
   */
  private record LazyPolicy(Supplier<PolicyEvaluator> engine, String id)
      implements PolicyEvaluator {
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
      return id;
    }
  }
}
