package io.snapif.spi;

import java.util.Objects;

/**
 * What the manager is doing when it asks policy for a decision: the operation, whether it is
 * committed, simulated ({@code --dry-run}) or only explained, and a view of the connections in
 * effect at that moment. Policy may decide differently by it (a site that denies only committed
 * operations, or caps how many connections a snap holds).
 *
 * <p>The manager passes one with every question to the {@link PolicyEvaluator}; its overloads
 * without one ask with {@link #UNSPECIFIED}.
 *
 * @param operation the operation the decision is part of
 * @param mode whether the operation is committed, simulated or explained
 * @param connections the connections in effect, as the operation has changed them so far
 */
public record DecisionContext(OperationKind operation, Mode mode, ConnectionLookup connections) {
  /** The operation a decision is part of. */
  public enum OperationKind {
    /** {@code Operation.Install}. */
    INSTALL,
    /** {@code Operation.Seed}: first boot, gadget connections included. */
    SEED,
    /** {@code Operation.Refresh}. */
    REFRESH,
    /** {@code Operation.Remove}. */
    REMOVE,
    /** {@code Operation.Connect}. */
    CONNECT,
    /** {@code Operation.Disconnect}. */
    DISCONNECT,
    /** {@code Operation.ImportConnections}. */
    IMPORT,
    /** {@code InterfaceManager.explain}: what policy would say about a plug or slot. */
    EXPLAIN,
    /** Not said: the evaluator was asked directly, without a context. */
    UNSPECIFIED
  }

  /** Whether the operation's outcome is kept. */
  public enum Mode {
    /** {@code InterfaceManager.apply}: the outcome is committed if the operation succeeds. */
    COMMIT,
    /** {@code InterfaceManager.simulate} ({@code --dry-run}): nothing is kept. */
    SIMULATE,
    /** {@code InterfaceManager.explain}: decisions are shown, nothing is done. */
    EXPLAIN
  }

  /**
   * A question asked without a context: operation {@link OperationKind#UNSPECIFIED}, mode
   * {@link Mode#COMMIT} (so rules about committed operations apply), no connections.
   */
  public static final DecisionContext UNSPECIFIED =
      new DecisionContext(OperationKind.UNSPECIFIED, Mode.COMMIT, ConnectionLookup.none());

  /** All parts are required. */
  public DecisionContext {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(connections, "connections");
  }

  /** A context without connections. */
  public static DecisionContext of(OperationKind operation, Mode mode) {
    return new DecisionContext(operation, mode, ConnectionLookup.none());
  }
}
