package io.snapif.examples.cli;

import io.snapif.SnapifException;

/**
 * A command that cannot do what was asked; {@link SnapifCli} prints {@code error: MESSAGE} and
 * exits with status 1.
 */
final class CliFailure extends SnapifException {
  private static final long serialVersionUID = 1L;

  CliFailure(String message) {
    super(message);
  }

  CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
