package io.snapif.examples.scenario;

import io.snapif.SnapifException;

/**
 * A scenario file that cannot be read: not JSON or YAML, or not of the structure of the scenario
 * format. The message names the file and, when known, the path of the offending key ({@code
 * snaps.vlc.yaml}, {@code ops[3].snaps}).
 */
public final class ScenarioException extends SnapifException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String path;

  public ScenarioException(String source, String path, String message) {
    this(source, path, message, null);
  }

  public ScenarioException(String source, String path, String message, Throwable cause) {
    super(source + (path.isEmpty() ? "" : ": " + path) + ": " + message, cause);
    this.source = source;
    this.path = path;
  }

  /** The file (or other source) the scenario came from. */
  public String source() {
    return source;
  }

  /** The path of the offending key, empty for the document as a whole. */
  public String path() {
    return path;
  }
}
