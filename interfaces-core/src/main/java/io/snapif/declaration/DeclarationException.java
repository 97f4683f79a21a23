package io.snapif.declaration;

import io.snapif.SnapifException;
import java.util.OptionalInt;

/**
 * A snap-declaration or base declaration that cannot be parsed or violates the constraint
 * language. {@link #path()} is the path of the bad key ({@code plugs/camera/allow-connection}),
 * list elements are named by their 0-based index ({@code allow-connection/1/plug-names}).
 *
 * <p>The message reads {@code [source[:line]: ][path: ]detail}.
 */
public final class DeclarationException extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final int line;
  private final String path;
  private final String detail;

  public DeclarationException(String path, String message) {
    this("", 0, path, message);
  }

  /**
   * @param source what was parsed (file name or a description such as {@code declaration of
   *     "vlc"}); empty if unknown
   * @param line the 1-based line of the bad key in the source text, 0 if unknown
   * @param path the path of the bad key, empty for the whole document
   * @param detail what is wrong
   */
  public DeclarationException(String source, int line, String path, String detail) {
    super(format(source, line, path, detail));
    this.source = source;
    this.line = line;
    this.path = path;
    this.detail = detail;
  }

  private static String format(String source, int line, String path, String detail) {
    StringBuilder sb = new StringBuilder();
    if (!source.isEmpty()) {
      sb.append(source);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
    }
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(detail).toString();
  }

  /** The path of the bad key, empty when the whole document is at fault. */
  public String path() {
    return path;
  }

  /** What was parsed, empty if unknown. */
  public String source() {
    return source;
  }

  /** The 1-based line of the bad key when the declaration was read from text. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The problem alone, without source and path. */
  public String detail() {
    return detail;
  }

  /** This error located in {@code source} at {@code line} (0 if unknown). */
  DeclarationException locate(String newSource, int newLine) {
    DeclarationException located = new DeclarationException(newSource, newLine, path, detail);
    located.setStackTrace(getStackTrace());
    return located;
  }
}
