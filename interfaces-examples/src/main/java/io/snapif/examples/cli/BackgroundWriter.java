package io.snapif.examples.cli;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Hands items to a writer on a thread of its own, in order. {@code scenario run --json} writes
 * each step's whole connection state (hundreds of kilobytes on a large system); on a second core
 * that overlaps the next operation instead of delaying it. The queue is bounded, so a slow output
 * holds the run back rather than filling memory. Items must be immutable.
 *
 * <p>A failure of the writer is thrown by the next {@link #submit} or by {@link #close}; items
 * after it are dropped. Used by one producer thread.
 */
final class BackgroundWriter<T> implements AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
  private final Thread thread;
  private volatile RuntimeException failure;
  private boolean closed;

  BackgroundWriter(String name, Consumer<? super T> write) {
    thread = new Thread(() -> drain(write), name);
    thread.setDaemon(true);
    thread.start();
  }

  @SuppressWarnings("unchecked")
  private void drain(Consumer<? super T> write) {
    try {
      for (Object item = queue.take(); item != END; item = queue.take()) {
        // after a failure keep taking, so that the producer never blocks on a full queue
        if (failure == null) {
          try {
            write.accept((T) item);
          } catch (RuntimeException e) {
            failure = e;
          } catch (Error e) {
            failure = new IllegalStateException("the writer failed: " + e, e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Queues {@code item}, waiting while the queue is full.
   *
   * @throws RuntimeException the writer's failure, if it failed on an earlier item
   * @throws IllegalStateException if closed
   */
  void submit(T item) {
    if (closed) {
      throw new IllegalStateException("writer closed");
    }
    rethrow();
    put(item);
  }

  /**
   * Waits until every queued item is written and stops the thread.
   *
   * @throws RuntimeException the writer's failure, if it failed
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    put(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the output was written", e);
    }
    rethrow();
  }

  private void put(Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the output was written", e);
    }
  }

  private void rethrow() {
    RuntimeException e = failure;
    if (e != null) {
      throw e;
    }
  }
}
