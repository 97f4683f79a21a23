package io.snapif.policy.fact;

import io.snapif.spi.DecisionContext;
import io.snapif.spi.DecisionContext.Mode;
import io.snapif.spi.DecisionContext.OperationKind;

/**
 * The operation a decision is part of, one in every session: which operation, and whether it is
 * committed, simulated ({@code --dry-run}) or only explained. A site rule can deny only what is
 * really done, say:
 * <pre>{@code
 * rule "site: no new camera connections today"
 * when
 *   Operation(mode == Mode.COMMIT)
 *   $c : PairCheck(kind == CheckKind.CONNECTION, iface == "camera")
 * then
 *   insert(Verdict.deny(drools.getRule().getName(), $c, "the camera is frozen"));
 * end
 * }</pre>
 *
 * <p>A decision asked of the evaluator directly, without a {@link DecisionContext}, has kind
 * {@link OperationKind#UNSPECIFIED} and mode {@link Mode#COMMIT}. Immutable.
 */
public final class Operation {
  private final OperationKind kind;
  private final Mode mode;

  private Operation(OperationKind kind, Mode mode) {
    this.kind = kind;
    this.mode = mode;
  }

  /** The operation fact of {@code context}. */
  public static Operation of(DecisionContext context) {
    return new Operation(context.operation(), context.mode());
  }

  /** Which operation: {@code INSTALL}, {@code CONNECT}, ..., {@code EXPLAIN}. */
  public OperationKind getKind() {
    return kind;
  }

  /** {@code COMMIT}, {@code SIMULATE} ({@code --dry-run}) or {@code EXPLAIN}. */
  public Mode getMode() {
    return mode;
  }

  @Override
  public String toString() {
    return "operation " + kind + " (" + mode + ")";
  }
}
