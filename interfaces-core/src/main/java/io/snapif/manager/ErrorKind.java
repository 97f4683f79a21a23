package io.snapif.manager;

/**
 * Why an operation failed; the names are the {@code error.kind} values of the scenario format.
 */
public enum ErrorKind {
  /** snap.yaml, gadget.yaml or declaration cannot be parsed or validated. */
  INVALID_SNAP("invalid-snap"),
  INSTALL_DENIED("install-denied"),
  CONNECT_DENIED("connect-denied"),
  /** No such snap, plug or slot. */
  NOT_FOUND("not-found"),
  NOT_INSTALLED("not-installed"),
  ALREADY_INSTALLED("already-installed"),
  /** Plug and slot interfaces differ. */
  MISMATCH("mismatch"),
  /** A short form matches several slots. */
  AMBIGUOUS("ambiguous"),
  NOT_CONNECTED("not-connected"),
  /** Any other refusal. */
  CONFLICT("conflict");

  private final String word;

  ErrorKind(String word) {
    this.word = word;
  }

  /** The scenario format's spelling, e.g. {@code connect-denied}. */
  public String word() {
    return word;
  }
}
