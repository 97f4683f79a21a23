package io.snapif.examples.scenario;

import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import io.snapif.spi.StateStore;
import io.snapif.store.FileStateStore;
import io.snapif.store.FileStateStore.Durability;
import java.nio.file.Path;

/**
 * Opens an {@link InterfaceManager} on a state store, the way a scenario run (or the CLI) wants
 * it: with its policy and catalog chosen by whoever made the opener. An open that fails leaves
 * nothing behind: the store is closed, which for a {@link FileStateStore} removes the lock file
 * and any directory the open created, and the state it holds is left as it was.
 */
@FunctionalInterface
public interface ManagerOpener {
  /**
   * Opens a manager on the state in {@code store}, creating a fresh state for {@code device}
   * when the store holds none. The manager owns the store from now on; it is closed if the open
   * fails.
   */
  InterfaceManager open(StateStore store, Device device);

  /**
   * Opens a manager on the state in {@code stateFile}, creating a fresh state for {@code device}
   * when the file does not exist yet, whose saves survive what {@code durability} says ({@link
   * Durability#PROCESS_CRASH} for scratch state deleted when the process ends). Opening the same
   * file again after {@link InterfaceManager#close()} must give the same state.
   *
   * @throws io.snapif.spi.StateStoreException if the file cannot be opened or read
   */
  default InterfaceManager open(Path stateFile, Device device, Durability durability) {
    return open(FileStateStore.open(stateFile, durability), device);
  }

  /** Opens a manager on a state file that must survive a machine crash: a user's state. */
  default InterfaceManager open(Path stateFile, Device device) {
    return open(stateFile, device, Durability.MACHINE_CRASH);
  }
}
