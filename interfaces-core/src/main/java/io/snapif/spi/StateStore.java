package io.snapif.spi;

import java.util.Optional;

/**
 * Where the {@link io.snapif.manager.InterfaceManager} keeps its {@link SystemState}. The manager
 * loads the state once when it is built and saves the new state after every committed change,
 * before the change becomes visible. The state an operation saves was made from the one saved
 * before it by {@link SystemState#apply}, so a store can write only the change ({@link
 * SystemState#changeFrom}) instead of the whole state.
 *
 * <p>Contract: {@link #save} is atomic (after a crash, {@link #load} returns either the previous
 * or the new state, never a mix); {@link #load} returns exactly what the last completed save
 * stored, and reports damage with {@link StateStoreException} instead of answering empty. The
 * manager calls a store from one thread at a time; implementations need not be thread-safe
 * beyond that.
 *
 * <p>Implementations: {@code io.snapif.store.InMemoryStateStore}, {@code
 * io.snapif.store.FileStateStore}.
 */
public interface StateStore extends AutoCloseable {
  /**
   * The stored state, or empty when nothing was ever saved.
   *
   * @throws StateStoreException if what is stored cannot be read back intact
   */
  Optional<SystemState> load();

  /**
   * Replaces the stored state with {@code state}, atomically.
   *
   * @throws StateStoreException if it could not be saved; the previously stored state is intact
   */
  void save(SystemState state);

  /** Releases the store (files, locks); it is not used afterwards. */
  @Override
  void close();
}
