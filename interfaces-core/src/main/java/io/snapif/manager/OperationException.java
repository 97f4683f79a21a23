package io.snapif.manager;

import io.snapif.SnapifException;
import java.util.Optional;

/**
 * An operation of the {@link InterfaceManager} that was refused; nothing was changed. {@link
 * #kind()} classifies it; {@link #decision()} holds the policy decision when policy refused.
 */
public class OperationException extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final ErrorKind kind;
  private final transient Decision decision;

  public OperationException(ErrorKind kind, String message) {
    this(kind, message, null);
  }

  public OperationException(ErrorKind kind, String message, Decision decision) {
    super(message);
    this.kind = kind;
    this.decision = decision;
  }

  public ErrorKind kind() {
    return kind;
  }

  public Optional<Decision> decision() {
    return Optional.ofNullable(decision);
  }
}
