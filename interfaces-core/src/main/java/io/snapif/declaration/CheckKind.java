package io.snapif.declaration;

/** The three kinds of policy check; each has an allow and a deny key in a rule. */
public enum CheckKind {
  INSTALLATION("installation"),
  CONNECTION("connection"),
  AUTO_CONNECTION("auto-connection");

  private final String word;
  private final String allowKey;
  private final String denyKey;

  CheckKind(String word) {
    this.word = word;
    this.allowKey = "allow-" + word;
    this.denyKey = "deny-" + word;
  }

  /** {@code installation}, {@code connection} or {@code auto-connection}. */
  public String word() {
    return word;
  }

  /** The rule key {@code allow-<kind>}. */
  public String allowKey() {
    return allowKey;
  }

  /** The rule key {@code deny-<kind>}. */
  public String denyKey() {
    return denyKey;
  }
}
