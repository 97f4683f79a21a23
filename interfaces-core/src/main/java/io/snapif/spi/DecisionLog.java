package io.snapif.spi;

import java.util.List;

/**
 * Where the manager writes its decision log: every policy decision an operation commits, a
 * refused operation was refused by, a simulation would take or {@code explain} shows, and the
 * fates policy gives the state entries an operation touches, as one {@link DecisionRecord} each.
 * Set it with {@code InterfaceManagerBuilder.decisionLog(...)}; without one the manager builds
 * no records at all.
 *
 * <p>The manager calls {@link #record} once per operation, after the operation's outcome is
 * settled (committed, refused, simulated), with that operation's records in the order the
 * decisions were taken. Operations call it under the manager's operation lock, {@code explain}
 * without it, so implementations must be thread-safe. A log that throws does not undo or fail
 * the operation: the manager warns through SLF4J ({@code io.snapif.manager}) and goes on, so a
 * full disk can cost log lines but never the state. The manager does not close the log; whoever
 * made it does, after closing the manager.
 *
 * <p>{@code io.snapif.store.JsonLinesDecisionLog} appends JSON lines to a file, {@code
 * io.snapif.store.Slf4jDecisionLog} logs them to SLF4J.
 */
@FunctionalInterface
public interface DecisionLog {
  /** Logs the decisions of one operation (never an empty list; unmodifiable). */
  void record(List<DecisionRecord> decisions);
}
