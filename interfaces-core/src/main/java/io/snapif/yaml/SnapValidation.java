package io.snapif.yaml;

import io.snapif.catalog.sanitizers.GoText;
import io.snapif.model.Names;
import io.snapif.model.Slot;
import io.snapif.model.SnapType;
import io.snapif.yaml.SnapYamlReader.RawApp;
import io.snapif.yaml.SnapYamlReader.RawSnap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of snapd's {@code snap.Validate} that concerns what snapif models, in snapd's order
 * and words: snap name, provenance, title, description, version, apps (daemon settings, names,
 * command fields, activation, ordering, modes), aliases, hooks, unique plug/slot names and base.
 */
final class SnapValidation {
  private static final Pattern VERSION =
      Pattern.compile("^[a-zA-Z0-9](?:[a-zA-Z0-9:.+~-]{0,30}[a-zA-Z0-9+~])?$");
  private static final Pattern VERSION_MIDDLE_INVALID = Pattern.compile("[^a-zA-Z0-9:.+~-]+");
  private static final Pattern APP_NAME = Pattern.compile("^[a-zA-Z0-9](?:-?[a-zA-Z0-9])*$");
  private static final Pattern ALIAS = Pattern.compile("^[a-zA-Z0-9][-_.a-zA-Z0-9]*$");
  private static final Pattern HOOK_NAME = Pattern.compile("^[a-z](?:-?[a-z0-9])*$");
  private static final Pattern PROVENANCE = Pattern.compile("^[a-zA-Z0-9](?:-?[a-zA-Z0-9])*$");
  // The sources are quoted in snapd's messages.
  private static final Pattern APP_CONTENT = Pattern.compile("^[A-Za-z0-9/. _#:$-]*$");
  private static final Pattern CHAIN_CONTENT = Pattern.compile("^[A-Za-z0-9/._#:$-]*$");
  private static final List<String> COMMAND_FIELDS =
      List.of("command", "stop-command", "reload-command", "post-stop-command", "bus-name");
  private static final List<String> STOP_MODES = List.of("", "sigterm", "sigterm-all", "sighup",
      "sighup-all", "sigusr1", "sigusr1-all", "sigusr2", "sigusr2-all", "sigint", "sigint-all");

  private SnapValidation() {}

  static void validate(RawSnap snap) {
    if (snap.name.isEmpty()) {
      throw fail(snap, "name", "snap name cannot be empty");
    }
    if (!snap.provenance.isEmpty()) {
      if (snap.provenance.equals("global-upload")) {
        throw fail(snap, "provenance",
            "provenance cannot be set to default (global-upload) explicitly");
      }
      if (!PROVENANCE.matcher(snap.provenance).matches()) {
        throw fail(snap, "provenance", "invalid provenance: " + GoText.quote(snap.provenance));
      }
    }
    if (!Names.isValidSnapName(snap.name)) {
      throw fail(snap, "name", "invalid snap name: " + GoText.quote(snap.name));
    }
    int titleLength = snap.title.codePointCount(0, snap.title.length());
    if (titleLength > 40) {
      throw fail(snap, "title", "title can have up to 40 codepoints, got " + titleLength);
    }
    int descriptionLength = snap.description.codePointCount(0, snap.description.length());
    if (descriptionLength > 4096) {
      throw fail(snap, "description",
          "description can have up to 4096 codepoints, got " + descriptionLength);
    }
    versionProblem(snap.version).ifPresent(p -> {
      throw fail(snap, "version", p);
    });
    for (RawApp app : snap.apps.values()) {
      String problem = appProblem(app, snap);
      if (!problem.isEmpty()) {
        throw fail(app.line, "apps." + app.name,
            "invalid definition of application " + GoText.quote(app.name) + ": " + problem);
      }
    }
    checkServiceOrder(snap);
    for (RawApp app : snap.apps.values()) {
      for (String alias : app.aliases) {
        if (!ALIAS.matcher(alias).matches()) {
          throw fail(app.line, "apps." + app.name + ".aliases", "cannot have "
              + GoText.quote(alias) + " as alias name for app " + GoText.quote(app.name)
              + " - use only letters, digits, dash, underscore and dot characters");
        }
      }
    }
    for (RawApp hook : snap.hooks.values()) {
      if (!HOOK_NAME.matcher(hook.name).matches()) {
        throw fail(hook.line, "hooks." + hook.name,
            "invalid hook name: " + GoText.quote(hook.name));
      }
      for (String link : hook.commandChain) {
        if (!CHAIN_CONTENT.matcher(link).matches()) {
          throw fail(hook.line, "hooks." + hook.name + ".command-chain", "hook command-chain "
              + "contains illegal " + GoText.quote(link) + " (legal: '" + CHAIN_CONTENT.pattern()
              + "')");
        }
      }
    }
    for (String plug : snap.keptPlugs.keySet()) {
      if (snap.keptSlots.containsKey(plug)) {
        throw fail(snap.lines.getOrDefault("slots", 0), "slots." + plug,
            "cannot have plug and slot with the same name: " + GoText.quote(plug));
      }
    }
    checkBase(snap);
  }

  private static YamlProblem fail(RawSnap snap, String key, String problem) {
    return new YamlProblem(snap.lines.getOrDefault(key, 0), key, problem);
  }

  private static YamlProblem fail(int line, String path, String problem) {
    return new YamlProblem(line, path, problem);
  }

  /** snapd's explanation of what is wrong with a version, if anything. */
  static Optional<String> versionProblem(String version) {
    if (VERSION.matcher(version).matches()) {
      return Optional.empty();
    }
    if (version.isEmpty()) {
      return Optional.of("invalid snap version: cannot be empty");
    }
    if (!version.chars().allMatch(c -> c > 32 && c < 127)) {
      return Optional.of("invalid snap version " + quoteAscii(version)
          + ": must be printable, non-whitespace ASCII");
    }
    List<String> reasons = new ArrayList<>();
    if (version.length() > 32) {
      reasons.add("cannot be longer than 32 characters (got: " + version.length() + ")");
    }
    if (!Character.isLetterOrDigit(version.charAt(0))) {
      reasons.add("must start with an ASCII alphanumeric (and not '" + version.charAt(0) + "')");
    }
    if (version.length() > 1) {
      char last = version.charAt(version.length() - 1);
      if (!Character.isLetterOrDigit(last) && last != '+' && last != '~') {
        reasons.add("must end with an ASCII alphanumeric or one of '+' or '~' (and not '"
            + last + "')");
      }
      if (version.length() > 2) {
        List<String> invalid = new ArrayList<>();
        Matcher m = VERSION_MIDDLE_INVALID.matcher(version.substring(1, version.length() - 1));
        while (m.find()) {
          invalid.add(GoText.quote(m.group()));
        }
        if (!invalid.isEmpty()) {
          reasons.add("contains invalid characters: " + String.join(", ", invalid));
        }
      }
    }
    String head = "invalid snap version " + GoText.quote(version);
    return Optional.of(switch (reasons.size()) {
      case 0 -> head;
      case 1 -> head + ": " + reasons.get(0);
      default -> head + ": " + String.join(", ", reasons.subList(0, reasons.size() - 1))
          + ", and " + reasons.get(reasons.size() - 1);
    });
  }

  // Go's strconv.QuoteToASCII: like %q, but every non-ASCII rune escaped.
  private static String quoteAscii(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      if (cp < 128) {
        String q = GoText.quote(new String(Character.toChars(cp)));
        out.append(q, 1, q.length() - 1);
      } else if (cp < 0x10000) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.append(String.format("\\U%08x", cp));
      }
    });
    return out.append('"').toString();
  }

  // Empty when the app is fine; the checks run in snapd's ValidateApp order.
  private static String appProblem(RawApp app, RawSnap snap) {
    String daemon = app.field("daemon");
    if (!List.of("", "simple", "forking", "oneshot", "dbus", "notify").contains(daemon)) {
      return "\"daemon\" field contains invalid value " + GoText.quote(daemon);
    }
    if (!app.field("daemon-scope").isEmpty() && daemon.isEmpty()) {
      return "\"daemon-scope\" can only be set for daemons";
    }
    if (!APP_NAME.matcher(app.name).matches()) {
      return "cannot have " + GoText.quote(app.name)
          + " as app name - use letters, digits, and dash as separator";
    }
    for (String field : COMMAND_FIELDS) {
      if (!APP_CONTENT.matcher(app.field(field)).matches()) {
        return illegal(field, app.field(field), APP_CONTENT);
      }
    }
    for (String link : app.commandChain) {
      if (!CHAIN_CONTENT.matcher(link).matches()) {
        return illegal("command-chain", link, CHAIN_CONTENT);
      }
    }
    if (app.sockets && !app.plugs.contains("network-bind")) {
      return "\"network-bind\" interface plug is required when sockets are used";
    }
    String activation = activationProblem(app, snap);
    if (!activation.isEmpty()) {
      return activation;
    }
    if (!app.field("restart-condition").isEmpty() && !app.isService()) {
      return "restart-condition is only applicable to services";
    }
    for (List<String> deps : List.of(app.before, app.after)) {
      String order = orderProblem(app, deps, snap);
      if (!order.isEmpty()) {
        return order;
      }
    }
    String stopMode = app.field("stop-mode");
    if (!STOP_MODES.contains(stopMode)) {
      return "\"stop-mode\" field contains invalid value " + GoText.quote(stopMode);
    }
    String refreshMode = app.field("refresh-mode");
    if (!List.of("", "endure", "restart", "ignore-running").contains(refreshMode)) {
      return "\"refresh-mode\" field contains invalid value " + GoText.quote(refreshMode);
    }
    String installMode = app.field("install-mode");
    if (!List.of("", "enable", "disable").contains(installMode)) {
      return "\"install-mode\" field contains invalid value " + GoText.quote(installMode);
    }
    if (!stopMode.isEmpty() && !app.isService()) {
      return "\"stop-mode\" cannot be used for " + GoText.quote(app.name) + ", only for services";
    }
    if (!refreshMode.isEmpty()) {
      if (app.isService() && refreshMode.equals("ignore-running")) {
        return "\"refresh-mode\" cannot be set to \"ignore-running\" for services";
      } else if (!app.isService() && !refreshMode.equals("ignore-running")) {
        return "\"refresh-mode\" for app " + GoText.quote(app.name)
            + " can only have value \"ignore-running\"";
      }
    }
    if (!installMode.isEmpty() && !app.isService()) {
      return "\"install-mode\" cannot be used for " + GoText.quote(app.name)
          + ", only for services";
    }
    if (!app.field("timer").isEmpty() && !app.isService()) {
      return "timer is only applicable to services";
    }
    return "";
  }

  private static String illegal(String field, String value, Pattern legal) {
    return "app description field '" + field + "' contains illegal " + GoText.quote(value)
        + " (legal: '" + legal.pattern() + "')";
  }

  private static String activationProblem(RawApp app, RawSnap snap) {
    List<Slot> slots = app.activatesOn.stream().map(snap.keptSlots::get)
        .filter(Objects::nonNull).toList();
    if (slots.isEmpty()) {
      return "";
    }
    if (!app.isService()) {
      return "activates-on is only applicable to services";
    }
    for (Slot slot : slots) {
      if (!slot.iface().equals("dbus")) {
        return "invalid activates-on value " + GoText.quote(slot.name())
            + ": slot does not use dbus interface";
      }
      String bus = slot.attributes().getString("bus").orElse("");
      String scope = app.field("daemon-scope");
      if (scope.equals("system") && !bus.equals("system")
          || scope.equals("user") && !bus.equals("session")) {
        return "invalid activates-on value " + GoText.quote(slot.name()) + ": bus "
            + GoText.quote(bus) + " does not match daemon-scope " + GoText.quote(scope);
      }
      for (RawApp other : snap.apps.values()) {
        if (other != app && other.slots.contains(slot.name())
            && other.activatesOn.contains(slot.name())) {
          return "invalid activates-on value " + GoText.quote(slot.name())
              + ": slot is also activatable on app " + GoText.quote(other.name);
        }
      }
    }
    return "";
  }

  private static String orderProblem(RawApp app, List<String> deps, RawSnap snap) {
    if (!deps.isEmpty() && !app.isService()) {
      return "must be a service to define before/after ordering";
    }
    for (String dep : deps) {
      RawApp other = snap.apps.get(dep);
      if (other == null) {
        return "before/after references a missing application " + GoText.quote(dep);
      }
      if (!other.isService()) {
        return "before/after references a non-service application " + GoText.quote(dep);
      }
      if (!app.field("daemon-scope").equals(other.field("daemon-scope"))) {
        return "before/after references service with different daemon-scope "
            + GoText.quote(dep);
      }
    }
    return "";
  }

  // Kahn's algorithm over the services; whatever keeps a predecessor is in a cycle.
  private static void checkServiceOrder(RawSnap snap) {
    List<RawApp> services = snap.apps.values().stream().filter(RawApp::isService).toList();
    Map<String, Integer> predecessors = new HashMap<>();
    Map<String, List<String>> successors = new HashMap<>();
    for (RawApp app : services) {
      for (String other : app.after) {
        if (snap.apps.containsKey(other) && snap.apps.get(other).isService()) {
          predecessors.merge(app.name, 1, Integer::sum);
          successors.computeIfAbsent(other, k -> new ArrayList<>()).add(app.name);
        }
      }
      for (String other : app.before) {
        if (snap.apps.containsKey(other) && snap.apps.get(other).isService()) {
          predecessors.merge(other, 1, Integer::sum);
          successors.computeIfAbsent(app.name, k -> new ArrayList<>()).add(other);
        }
      }
    }
    List<String> queue = new ArrayList<>();
    services.stream().filter(a -> !predecessors.containsKey(a.name))
        .forEach(a -> queue.add(a.name));
    while (!queue.isEmpty()) {
      String app = queue.remove(0);
      for (String next : successors.getOrDefault(app, List.of())) {
        if (predecessors.merge(next, -1, Integer::sum) == 0) {
          predecessors.remove(next);
          queue.add(next);
        }
      }
    }
    if (!predecessors.isEmpty()) {
      throw fail(snap, "apps", "applications are part of a before/after cycle: "
          + String.join(", ", new TreeSet<>(predecessors.keySet())));
    }
  }

  private static void checkBase(RawSnap snap) {
    String base = snap.base;
    if ((snap.type == SnapType.OS || snap.type == SnapType.BASE)
        && !base.isEmpty() && !base.equals("none")) {
      throw fail(snap, "base", "cannot have \"base\" field on " + GoText.quote(snap.type.yamlName())
          + " snap " + GoText.quote(snap.name));
    }
    if (base.equals("none") && (!snap.hooks.isEmpty() || !snap.apps.isEmpty())) {
      throw fail(snap, "base", "cannot have apps or hooks with base \"none\"");
    }
    if (!base.isEmpty()) {
      if (base.contains("_")) {
        throw fail(snap, "base", "base cannot specify a snap instance name: " + GoText.quote(base));
      }
      if (!Names.isValidSnapName(base)) {
        throw fail(snap, "base", "invalid base name: invalid snap name: " + GoText.quote(base));
      }
    }
  }
}
