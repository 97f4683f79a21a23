package io.snapif.yaml;

import io.snapif.SnapifException;

/**
 * A document (snap.yaml, gadget.yaml, declaration, scenario) is larger than the reader accepts;
 * see {@link InputLimits}. Thrown before the document is read into memory when it comes from a
 * file.
 *
 * <p>The message reads {@code SOURCE: document too large: N bytes, limit M bytes}.
 */
public final class DocumentTooLargeException extends SnapifException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long size;
  private final long limit;

  DocumentTooLargeException(String source, long size, long limit) {
    super((source.isEmpty() ? "" : source + ": ") + problem(size, limit));
    this.source = source;
    this.size = size;
    this.limit = limit;
  }

  static String problem(long size, long limit) {
    return "document too large: " + size + " bytes, limit " + limit + " bytes";
  }

  /** The file or label of the document, empty when the caller gave none. */
  public String source() {
    return source;
  }

  /** The size of the document in bytes (UTF-8), or a lower bound when it was not read whole. */
  public long size() {
    return size;
  }

  /** The most bytes the reader accepts. */
  public long limit() {
    return limit;
  }

  /** The problem alone: {@code document too large: N bytes, limit M bytes}. */
  public String problem() {
    return problem(size, limit);
  }
}
