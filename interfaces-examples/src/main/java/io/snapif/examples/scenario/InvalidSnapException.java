package io.snapif.examples.scenario;

import io.snapif.SnapifException;

/**
 * A document of a snap (snap.yaml, snap-declaration, gadget.yaml) that cannot be parsed or
 * validated. The message names the document ({@code snaps/vlc/snap.yaml}, {@code vlc
 * declaration}) and the problem; the cause is the reader's own exception when there is one.
 */
public final class InvalidSnapException extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final String source;

  public InvalidSnapException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
  }

  /** Wraps a reader's own typed failure, whose message already names the document. */
  public InvalidSnapException(String source, SnapifException cause) {
    super(cause.getMessage(), cause);
    this.source = source;
  }

  /** The document that is invalid. */
  public String source() {
    return source;
  }
}
