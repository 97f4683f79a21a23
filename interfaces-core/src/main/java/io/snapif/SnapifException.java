package io.snapif;

/**
 * Base of every exception snapif throws for misuse or bad input. A refusal by policy is not an
 * exception but a {@code Decision}; see {@code io.snapif.manager}.
 */
public class SnapifException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SnapifException(String message) {
    super(message);
  }

  public SnapifException(String message, Throwable cause) {
    super(message, cause);
  }
}
