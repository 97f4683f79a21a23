package io.snapif.examples.cli;

import io.snapif.examples.scenario.Scenario;
import io.snapif.model.Device;
import io.snapif.model.Names;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --state FILE}, {@code --classic}, {@code --core}, {@code --model} and {@code --gadget}:
 * where the system's state lives and, when it is created, what kind of system it is. Global
 * options: declared once on {@code snapif} and inherited by every command, so that they go before
 * or after the command's name.
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

  @Option(names = "--model", scope = ScopeType.INHERIT, paramLabel = "BRAND/MODEL[/STORE]",
      description = "When the state is created: the device's model assertion names this brand, "
          + "model and store (for on-brand, on-model and on-store constraints).")
  String model;

  @Option(names = "--gadget", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "When the state is created: the gadget snap the model names; no other "
          + "gadget may be installed.")
  String gadget;

  @Option(names = "--decision-log", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Append every policy decision the command takes or shows to FILE, one JSON "
          + "line each (default: $SNAPIF_DECISION_LOG, else none).")
  Path decisionLog;

  /** The decision log file: {@code --decision-log}, else {@code SNAPIF_DECISION_LOG}, else none. */
  Optional<Path> decisionLogFile(Map<String, String> env) {
    if (decisionLog != null) {
      return Optional.of(decisionLog);
    }
    return Optional.ofNullable(env.get("SNAPIF_DECISION_LOG")).filter(f -> !f.isEmpty())
        .map(Path::of);
  }

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

  /**
   * {@code scenario} (a new system) with the model {@code --model} and {@code --gadget} give.
   *
   * @throws CliFailure if {@code --model} is not {@code BRAND/MODEL[/STORE]}
   */
  Scenario withModel(Scenario scenario) {
    var b = Scenario.builder().from(scenario);
    if (model != null) {
      ModelName m = modelName();
      b.brandId(m.brand()).modelName(m.model()).store(m.store());
    }
    if (gadget != null) {
      if (!Names.isValidSnapName(gadget)) {
        throw new CliFailure("invalid --gadget \"" + gadget + "\": not a snap name");
      }
      b.gadget(gadget);
    }
    return b.build();
  }

  /**
   * Checks that {@code stored}, the device of a state that exists, is the one {@code --model} and
   * {@code --gadget} name, if given: they cannot change the device of a state.
   *
   * @throws CliFailure if it is another device
   */
  void checkExisting(Device stored, Path file) {
    if (model != null) {
      ModelName m = modelName();
      if (!stored.brand().equals(Optional.of(m.brand()))
          || !stored.model().equals(Optional.of(m.model())) || !stored.store().equals(m.store())) {
        throw new CliFailure("cannot use --model " + model + ": the state " + file
            + " exists for model " + describe(stored) + " (--model only applies when a state"
            + " is created)");
      }
    }
    if (gadget != null && !stored.gadget().equals(Optional.of(gadget))) {
      throw new CliFailure("cannot use --gadget " + gadget + ": the state " + file
          + " exists for " + stored.gadget().map(g -> "gadget " + g).orElse("no model gadget")
          + " (--gadget only applies when a state is created)");
    }
  }

  /** {@code --model BRAND/MODEL[/STORE]}, read. */
  private record ModelName(String brand, String model, Optional<String> store) {}

  private ModelName modelName() {
    List<String> parts = List.of(model.split("/", -1));
    if (parts.size() < 2 || parts.size() > 3
        || parts.stream().anyMatch(p -> p.isEmpty() || !p.equals(p.strip()))) {
      throw new CliFailure("invalid --model \"" + model + "\": want BRAND/MODEL or "
          + "BRAND/MODEL/STORE");
    }
    return new ModelName(parts.get(0), parts.get(1),
        parts.size() > 2 ? Optional.of(parts.get(2)) : Optional.empty());
  }

  private static String describe(Device d) {
    return d.brand().orElse("-") + "/" + d.model().orElse("-") + d.store().map(s -> "/" + s)
        .orElse("");
  }
}
