package io.snapif.declaration;

import io.snapif.SnapifException;

/**
 * A snap-declaration or base declaration that cannot be parsed or violates the constraint
 * language. {@link #path()} is the path of the bad key ({@code plugs/camera/allow-connection}).
 */
public final class DeclarationException extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final String path;

  public DeclarationException(String path, String message) {
    super(path.isEmpty() ? message : path + ": " + message);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
