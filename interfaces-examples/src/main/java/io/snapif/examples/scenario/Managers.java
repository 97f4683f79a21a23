package io.snapif.examples.scenario;

import com.google.common.collect.ImmutableList;
import io.snapif.SnapifException;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.InterfaceInfo;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import io.snapif.store.FileStateStore;
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
    return (stateFile, device) -> open(FileStateStore.open(stateFile), policy, device);
  }

  /**
   * Opens a manager on {@code store}. A stored state keeps the device it was made for; a new one
   * is made for {@code deviceForNewState}. Either way the system snap gets the implicit slots of
   * that kind of device (classic or core), as snapd gives them at every start.
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
    ImmutableList<String> implicit = InterfaceCatalog.builtin().implicitOn(device.classic())
        .stream().map(InterfaceInfo::name).collect(ImmutableList.toImmutableList());
    return InterfaceManager.builder()
        .policy(policy)
        .device(device)
        .implicitInterfaces(implicit)
        .store(store)
        .build();
  }

  /**
   * The policy the examples decide with: the built-in rules plus {@code ruleFiles}.
   *
   * @throws SnapifException if a rule file cannot be read or compiled
   */
  public static PolicyEvaluator policy(List<Path> ruleFiles) {
    ImmutableList<Path> files = ImmutableList.copyOf(ruleFiles);
    throw new SnapifException("no policy evaluator in this build (rules: " + files + ")");
  }
}
