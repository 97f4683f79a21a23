package io.snapif.spi;

import io.snapif.declaration.Side;
import io.snapif.model.Connection;

/**
 * The library's counterpart of snapd's interface hooks ({@code prepare-plug-NAME}, {@code
 * connect-slot-NAME}, {@code disconnect-plug-NAME}, ...), called for the plug side and the slot
 * side of every connection the manager makes or breaks, manual or automatic.
 *
 * <p>{@link #prepare} runs while an operation is being computed, plug side first, for
 * {@link io.snapif.manager.InterfaceManager#simulate simulations} too and possibly for
 * operations that fail later for another reason: it must decide without side effects. A veto
 * fails the whole operation with {@code conflict}. {@link #connect} and {@link #disconnect} run
 * after the change is committed (slot side first, as snapd orders its hooks), under the same
 * rules as a {@link ConnectionListener}; they cannot undo the change.
 *
 * <p>Every method has a default that does nothing.
 */
public interface InterfaceHook {
  /** Before a connection is made: proceed (maybe with dynamic attributes for {@code side}) or veto. */
  default HookOutcome prepare(Side side, HookContext context) {
    return HookOutcome.proceed();
  }

  /** After a connection was made and committed. */
  default void connect(Side side, Connection connection) {}

  /** After a connection was broken (disconnect, forget, removal of a snap) and committed. */
  default void disconnect(Side side, Connection connection) {}
}
