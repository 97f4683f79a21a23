package io.snapif.examples.scenario;

import java.util.Optional;

/**
 * Reads plug and slot references as the snap command line writes them. The snap name {@code
 * system}, like an empty one, means the system snap and is returned as the empty string.
 * Stateless.
 */
public final class EndpointText {
  private EndpointText() {}

  /**
   * {@code snap:name} or {@code :name}; {@code [snap, name]} with a non-empty name, or empty if
   * the text is of another shape.
   */
  public static Optional<String[]> strict(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 2 || parts[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new String[] {system(parts[0]), parts[1]});
  }

  /**
   * {@code snap:name}, {@code :name} or {@code snap}; {@code [snap, name]} where the name is
   * empty for the bare snap form, or empty if the text is of another shape.
   */
  public static Optional<String[]> loose(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length == 1 && !parts[0].isEmpty()) {
      return Optional.of(new String[] {system(parts[0]), ""});
    }
    if (parts.length == 2 && !parts[1].isEmpty()) {
      return Optional.of(new String[] {system(parts[0]), parts[1]});
    }
    return Optional.empty();
  }

  /** snap's complaint about a reference that {@link #strict} rejects. */
  public static String invalidStrict(String text) {
    return "invalid value: \"" + text + "\" (want snap:name or :name)";
  }

  /** snap's complaint about a reference that {@link #loose} rejects. */
  public static String invalidLoose(String text) {
    return "invalid value: \"" + text + "\" (want snap:name or snap)";
  }

  private static String system(String snap) {
    return snap.equals("system") ? "" : snap;
  }
}
