package io.snapif.manager;

import io.snapif.spi.DecisionContext.OperationKind;

/** The {@link OperationKind} policy is told for an {@link Operation}. */
final class OperationKinds {
  private OperationKinds() {}

  static OperationKind of(Operation operation) {
    if (operation instanceof Operation.Install) {
      return OperationKind.INSTALL;
    } else if (operation instanceof Operation.Seed) {
      return OperationKind.SEED;
    } else if (operation instanceof Operation.Refresh) {
      return OperationKind.REFRESH;
    } else if (operation instanceof Operation.Remove) {
      return OperationKind.REMOVE;
    } else if (operation instanceof Operation.Connect) {
      return OperationKind.CONNECT;
    } else if (operation instanceof Operation.Disconnect) {
      return OperationKind.DISCONNECT;
    } else if (operation instanceof Operation.ImportConnections) {
      return OperationKind.IMPORT;
    }
    throw new AssertionError("unknown operation " + operation);
  }
}
