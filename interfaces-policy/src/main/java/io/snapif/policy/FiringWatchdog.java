package io.snapif.policy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;

/**
 * Stops rule firing that runs past its decision's deadline: one daemon thread for the whole JVM
 * looks, a few times per time limit, at the threads that are firing rules; a thread past its
 * deadline gets its session halted (stops a loop that keeps firing rules) and is interrupted
 * (stops a consequence that sleeps or waits).
 *
 * <p>Arming costs the decision no allocation and no lock: each thread has one {@link Slot},
 * registered once, and a fire only writes the session and deadline into it. A consequence that
 * loops in plain Java without firing rules or checking for interruption cannot be stopped.
 */
final class FiringWatchdog {
  private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MAX_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final Set<Slot> SLOTS = ConcurrentHashMap.newKeySet();
  private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(() -> {
    Slot slot = new Slot(Thread.currentThread());
    SLOTS.add(slot);
    return slot;
  });

  private static ScheduledThreadPoolExecutor timer; // guarded by the class; started on first use
  private static ScheduledFuture<?> round;
  private static long periodNanos = Long.MAX_VALUE;

  private FiringWatchdog() {}

  /**
   * Makes sure deadlines of {@code limitNanos} are enforced promptly: the watchdog looks every
   * tenth of the shortest limit in use (between 10 ms and 1 s), so a fire is stopped at most 10%
   * (or 10 ms) late.
   */
  static synchronized void watchFor(long limitNanos) {
    long period = Math.max(MIN_PERIOD_NANOS, Math.min(MAX_PERIOD_NANOS, limitNanos / 10));
    if (period >= periodNanos) {
      return;
    }
    if (timer == null) {
      timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "snapif-policy-watchdog");
        t.setDaemon(true);
        return t;
      });
    } else {
      round.cancel(false);
    }
    periodNanos = period;
    round = timer.scheduleWithFixedDelay(FiringWatchdog::check, period, period,
        TimeUnit.NANOSECONDS);
  }

  /** The calling thread's slot, to arm around each fire. */
  static Slot slot() {
    return SLOT.get();
  }

  private static void check() {
    long now = System.nanoTime();
    for (Slot slot : SLOTS) {
      if (!slot.thread.isAlive()) {
        SLOTS.remove(slot);
      } else {
        slot.stopIfLate(now);
      }
    }
  }

  /** One thread's firing, as the watchdog sees it. */
  static final class Slot {
    private final Thread thread;
    private KieSession session; // written before armed is set, read after it is seen set
    private long deadline;
    private volatile boolean armed;
    private boolean stopped; // guarded by this
    private boolean interrupted; // guarded by this: the watchdog interrupted the thread

    private Slot(Thread thread) {
      this.thread = thread;
    }

    /**
     * Watches {@code session} firing on this thread until {@link #disarm()}; past {@code
     * deadline} ({@link System#nanoTime()}) the watchdog stops it. Returns false, and watches
     * nothing, when this thread is firing already (a consequence that asks another evaluator):
     * the outer fire's deadline covers the inner one.
     */
    boolean arm(KieSession session, long deadline) {
      if (armed) {
        return false;
      }
      this.session = session;
      this.deadline = deadline;
      armed = true;
      return true;
    }

    /**
     * Ends the watch. Returns whether the watchdog stopped the fire; if it interrupted this
     * thread to do so, the interrupt is cleared (it was meant for the consequence only).
     */
    synchronized boolean disarm() {
      armed = false;
      session = null;
      boolean wasStopped = stopped;
      stopped = false;
      if (interrupted) {
        interrupted = false;
        Thread.interrupted();
      }
      return wasStopped;
    }

    private void stopIfLate(long now) {
      if (!armed || now - deadline < 0) {
        return;
      }
      synchronized (this) {
        // Re-checked under the lock: the fire may have ended (and disarm() cleared it) meanwhile.
        if (!armed || stopped || now - deadline < 0) {
          return;
        }
        stopped = true;
        session.halt();
        if (!thread.isInterrupted()) {
          interrupted = true;
          thread.interrupt();
        }
      }
    }
  }
}
