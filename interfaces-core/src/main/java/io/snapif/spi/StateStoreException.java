package io.snapif.spi;

import io.snapif.SnapifException;

/**
 * A state store cannot load or save: the file is corrupt, truncated or of an unknown format, or
 * an I/O operation failed. The message names the file and the problem. A store that throws this
 * on load never falls back to an empty state.
 */
public class StateStoreException extends SnapifException {
  private static final long serialVersionUID = 1L;

  public StateStoreException(String message) {
    super(message);
  }

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
