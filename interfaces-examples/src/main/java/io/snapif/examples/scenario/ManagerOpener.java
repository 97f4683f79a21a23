package io.snapif.examples.scenario;

import io.snapif.manager.InterfaceManager;
import io.snapif.model.Device;
import java.nio.file.Path;

/**
 * Opens an {@link InterfaceManager} persisting to a state file, the way a scenario run (or the
 * CLI) wants it: with its policy and catalog chosen by whoever made the opener.
 */
@FunctionalInterface
public interface ManagerOpener {
  /**
   * Opens a manager on the state in {@code stateFile}, creating a fresh state for {@code device}
   * when the file does not exist yet. Opening the same file again after {@link
   * InterfaceManager#close()} must give the same state.
   */
  InterfaceManager open(Path stateFile, Device device);
}
