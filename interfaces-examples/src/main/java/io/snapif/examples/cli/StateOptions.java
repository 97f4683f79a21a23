package io.snapif.examples.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --state FILE}, {@code --classic} and {@code --core}: where the system's state lives and,
 * when it is created, what kind of system it is. Global options: declared once on {@code
 * snapif} and inherited by every command, so that they go before or after the command's name.
 */
final class StateOptions {
  @Option(names = "--state", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "State file (default: $SNAPIF_STATE, else $XDG_DATA_HOME/snapif/state.json, "
          + "else ~/.local/share/snapif/state.json). Without one, commands start from a demo "
          + "system.")
  Path state;

  @Option(names = "--classic", scope = ScopeType.INHERIT,
      description = "When the state is created: a classic system (the default).")
  boolean classic;

  @Option(names = "--core", scope = ScopeType.INHERIT,
      description = "When the state is created: an Ubuntu Core device.")
  boolean core;

  /** The state file: {@code --state}, {@code SNAPIF_STATE}, then the user's data directory. */
  Path stateFile(Map<String, String> env) {
    if (state != null) {
      return state;
    }
    String explicit = env.get("SNAPIF_STATE");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return Path.of(xdg, "snapif", "state.json");
    }
    String home = Optional.ofNullable(env.get("HOME")).filter(h -> !h.isEmpty())
        .orElse(System.getProperty("user.home"));
    return Path.of(home, ".local", "share", "snapif", "state.json");
  }

  /**
   * Whether a state created now is classic: {@code --core} says no, otherwise yes.
   *
   * @throws CliFailure if both {@code --classic} and {@code --core} are given
   */
  boolean classicSystem() {
    if (classic && core) {
      throw new CliFailure("cannot use --classic and --core together");
    }
    return !core;
  }
}
