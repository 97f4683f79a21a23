package io.snapif.store;

import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import java.util.Optional;

/**
 * Keeps the state in memory only: what the manager uses when no store is configured, and what
 * tests use. {@link #close()} keeps the state, so the same instance can back a new manager (a
 * "restart" within one process). Thread-safe.
 */
public final class InMemoryStateStore implements StateStore {
  private volatile SystemState state;

  public InMemoryStateStore() {}

  @Override
  public Optional<SystemState> load() {
    return Optional.ofNullable(state);
  }

  @Override
  public void save(SystemState state) {
    this.state = java.util.Objects.requireNonNull(state, "state");
  }

  @Override
  public void close() {
    // nothing held; the state stays for the next manager opened on this store
  }
}
