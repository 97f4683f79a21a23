package io.snapif.examples.scenario;

import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import io.snapif.store.FileStateStore.Durability;
import java.nio.file.Path;

/**
 * Opens an {@link InterfaceManager} persisting to a state file, the way a scenario run (or the
 * CLI) wants it: with its policy and catalog chosen by whoever made the opener.
 */
@FunctionalInterface
public interface ManagerOpener {
  /**
   * Opens a manager on the state in {@code stateFile}, creating a fresh state for {@code device}
   * when the file does not exist yet, whose saves survive what {@code durability} says ({@link
   * Durability#PROCESS_CRASH} for scratch state deleted when the process ends). Opening the same
   * file again after {@link InterfaceManager#close()} must give the same state.
   */
  InterfaceManager open(Path stateFile, Device device, Durability durability);

  /** Opens a manager on a state file that must survive a machine crash: a user's state. */
  default InterfaceManager open(Path stateFile, Device device) {
    return open(stateFile, device, Durability.MACHINE_CRASH);
  }
}
