package io.snapif.yaml;

import io.snapif.SnapifException;
import java.util.OptionalInt;

/**
 * A snap metadata file (snap.yaml, gadget.yaml) could not be read: malformed YAML, a value of
 * the wrong shape, or a rule snapd enforces. Carries where: the source (a file name or any label
 * the caller gave), the line when known, and the path of the field in the document
 * ({@code apps.vlc.plugs}).
 *
 * <p>The message reads {@code SOURCE:LINE: PATH: PROBLEM}.
 */
public abstract class MetadataYamlException extends SnapifException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String path;
  private final String problem;

  MetadataYamlException(String source, int line, String path, String problem) {
    super(format(source, line, path, problem));
    this.source = source;
    this.line = line;
    this.path = path;
    this.problem = problem;
  }

  private static String format(String source, int line, String path, String problem) {
    return source + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ")
        + problem;
  }

  /** The label of the text that was read, as the caller gave it. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, when known. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** The dotted path of the offending field ({@code plugs.foo}), empty for the whole file. */
  public String path() {
    return path;
  }

  /** What is wrong, in snapd's words where snapd has them. */
  public String problem() {
    return problem;
  }
}
