package io.snapif.yaml;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.sanitizers.AttributeCheckException;
import io.snapif.catalog.sanitizers.GoText;
import io.snapif.catalog.sanitizers.SnapContext;
import io.snapif.model.App;
import io.snapif.model.Attributes;
import io.snapif.model.Names;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import io.snapif.yaml.YamlNode.Entry;
import io.snapif.yaml.YamlNode.Mapping;
import io.snapif.yaml.YamlNode.Scalar;
import io.snapif.yaml.YamlNode.Sequence;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One read of one snap.yaml, in snapd's order: decode the fields, collect plugs and slots
 * (top-level, then those apps and hooks list), bind the unscoped ones everywhere, rename the
 * core snap's clashing plugs, run the interfaces' checks (dropping failures into the bad
 * interfaces), then validate the whole snap ({@link SnapValidation}).
 *
 * <p>Where snapd walks a Go map (random order) and the first problem wins, this walks the
 * document order.
 */
final class SnapYamlReader {
  private static final List<Pattern> SUPPORTED_HOOKS = List.of(
      "prepare-device", "install-device", "configure", "install", "pre-refresh", "post-refresh",
      "remove", "prepare-(?:plug|slot)-[-a-z0-9]+", "unprepare-(?:plug|slot)-[-a-z0-9]+",
      "connect-(?:plug|slot)-[-a-z0-9]+", "disconnect-(?:plug|slot)-[-a-z0-9]+", "check-health",
      "fde-setup", "gate-auto-refresh").stream().map(Pattern::compile).toList();

  /** The string fields of an app, in the order snapd decodes them. */
  private static final List<String> APP_TEXT_FIELDS = List.of("command", "stop-command",
      "reload-command", "post-stop-command", "bus-name", "daemon", "daemon-scope",
      "restart-condition", "stop-mode", "refresh-mode", "install-mode", "timer", "common-id",
      "completer", "autostart", "start-timeout", "stop-timeout", "watchdog-timeout",
      "restart-delay");

  private final InterfaceCatalog catalog;

  SnapYamlReader(InterfaceCatalog catalog) {
    this.catalog = catalog;
  }

  /** A plug or slot before the interface checks. */
  static final class RawEndpoint {
    String name;
    final String iface;
    final Map<String, Object> attrs;
    final int line;
    boolean scoped;

    RawEndpoint(String name, String iface, Map<String, Object> attrs, int line) {
      this.name = name;
      this.iface = iface;
      this.attrs = attrs;
      this.line = line;
    }
  }

  /** An app or hook with its bindings and the fields validation looks at. */
  static final class RawApp {
    final String name;
    final int line;
    final Set<String> plugs = new LinkedHashSet<>();
    final Set<String> slots = new LinkedHashSet<>();
    final Map<String, String> fields = new LinkedHashMap<>();
    List<String> commandChain = List.of();
    List<String> aliases = List.of();
    List<String> before = List.of();
    List<String> after = List.of();
    List<String> activatesOn = List.of();
    boolean sockets;

    RawApp(String name, int line) {
      this.name = name;
      this.line = line;
    }

    String field(String key) {
      return fields.getOrDefault(key, "");
    }

    boolean isService() {
      return !field("daemon").isEmpty();
    }
  }

  /** Everything read, for {@link SnapValidation}. */
  static final class RawSnap {
    String name = "";
    String version = "";
    SnapType type = SnapType.APP;
    String base = "";
    String title = "";
    String description = "";
    String provenance = "";
    /** Line of each top-level key, for validation errors. */
    final Map<String, Integer> lines = new LinkedHashMap<>();
    final Map<String, RawEndpoint> plugs = new LinkedHashMap<>();
    final Map<String, RawEndpoint> slots = new LinkedHashMap<>();
    final Map<String, RawApp> apps = new LinkedHashMap<>();
    final Map<String, RawApp> hooks = new LinkedHashMap<>();
    final Map<String, String> bad = new LinkedHashMap<>();
    final Map<String, Plug> keptPlugs = new LinkedHashMap<>();
    final Map<String, Slot> keptSlots = new LinkedHashMap<>();
  }

  Snap read(String text) {
    Mapping root = YamlTree.parse(text)
        .map(n -> Decode.mapping(n, "", "snap.snapYaml"))
        .orElse(new Mapping(List.of(), 1));
    RawSnap snap = new RawSnap();
    readHeader(root, snap);
    readEndpoints(Decode.mapping(root, "plugs", "", "map[string]interface {}"), "plug",
        snap.plugs);
    readEndpoints(Decode.mapping(root, "slots", "", "map[string]interface {}"), "slot",
        snap.slots);
    readApps(Decode.mapping(root, "apps", "", "map[string]snap.appYaml"), snap);
    readHooks(Decode.mapping(root, "hooks", "", "map[string]snap.hookYaml"), snap);
    bindUnscoped(snap);
    renameClashingCorePlugs(snap);
    sanitize(snap);
    SnapValidation.validate(snap);
    return build(snap);
  }

  private static void readHeader(Mapping root, RawSnap snap) {
    for (Entry e : root.entries()) {
      String key = YamlTree.keyIdentity(e.key());
      YamlNode value = e.value();
      snap.lines.put(key, e.key().line());
      switch (key) {
        case "name" -> snap.name = Decode.text(value, key);
        case "version" -> snap.version = Decode.text(value, key);
        case "type" -> snap.type = snapType(Decode.text(value, key), value.line());
        case "base" -> snap.base = Decode.text(value, key);
        case "title" -> snap.title = Decode.text(value, key);
        case "description" -> snap.description = Decode.text(value, key);
        case "provenance" -> snap.provenance = Decode.text(value, key);
        case "summary", "license" -> Decode.text(value, key);
        case "confinement" -> {
          String c = Decode.text(value, key);
          if (!c.isEmpty() && !List.of("devmode", "classic", "strict").contains(c)) {
            throw new YamlProblem(value.line(), key,
                "invalid confinement type: " + GoText.quote(c));
          }
        }
        case "architectures", "assumes" -> Decode.texts(root, key, "");
        case "environment", "layout", "system-usernames", "links" ->
            Decode.mapping(value, key, "map[string]interface {}");
        case "layouts" -> {
          if (!(value instanceof Scalar s && s.isNull())) {
            throw new YamlProblem(value.line(), key,
                "typo detected: use singular \"layout\" instead of plural \"layouts\"");
          }
        }
        default -> { } // snapd ignores fields it does not know
      }
    }
    // snapd forces the type of the snap named snapd, whatever snap.yaml says.
    if (snap.name.equals("snapd")) {
      snap.type = SnapType.SNAPD;
    }
  }

  private static SnapType snapType(String value, int line) {
    if (value.isEmpty() || value.equals("application")) {
      return SnapType.APP; // the store spells app "application"
    }
    for (SnapType t : SnapType.values()) {
      if (t.yamlName().equals(value)) {
        return t;
      }
    }
    throw new YamlProblem(line, "type", "invalid snap type: " + GoText.quote(value));
  }

  private static void readEndpoints(Mapping map, String kind, Map<String, RawEndpoint> into) {
    for (Entry e : map.entries()) {
      String name = YamlTree.keyIdentity(e.key());
      into.put(name, endpoint(kind, name, e.value(), kind + "s." + name));
    }
  }

  // The three spellings of a plug or slot: null, an interface name, or a map of attributes.
  private static RawEndpoint endpoint(String kind, String name, YamlNode node, String path) {
    if (node instanceof Scalar s && s.isNull()) {
      return new RawEndpoint(name, name, Map.of(), node.line());
    }
    if (node instanceof Scalar s && s.value() instanceof String iface) {
      return new RawEndpoint(name, iface, Map.of(), node.line());
    }
    if (!(node instanceof Mapping map)) {
      throw new YamlProblem(node.line(), path,
          what(kind, name) + " has malformed definition (found " + node.goType() + ")");
    }
    String iface = name;
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (Entry e : map.entries()) {
      if (!(e.key().value() instanceof String key)) {
        throw new YamlProblem(e.key().line(), path, what(kind, name)
            + " has attribute key that is not a string (found " + e.key().goType() + ")");
      }
      if (key.startsWith("$")) {
        throw new YamlProblem(e.key().line(), path,
            what(kind, name) + " uses reserved attribute " + GoText.quote(key));
      }
      YamlNode value = e.value();
      switch (key) {
        case "" -> throw new YamlProblem(e.key().line(), path,
            what(kind, name) + " has an empty attribute key");
        case "interface" -> {
          if (!(value instanceof Scalar s && s.value() instanceof String v)) {
            throw new YamlProblem(value.line(), path + ".interface", "interface name on "
                + what(kind, name) + " is not a string (found " + value.goType() + ")");
          }
          iface = v;
        }
        case "label" -> {
          if (!(value instanceof Scalar s && s.value() instanceof String)) {
            throw new YamlProblem(value.line(), path + ".label", "label of " + what(kind, name)
                + " is not a string (found " + value.goType() + ")");
          }
        }
        default -> {
          try {
            attrs.put(key, attributeValue(value));
          } catch (IllegalArgumentException bad) {
            throw new YamlProblem(value.line(), path + "." + key, "attribute "
                + GoText.quote(key) + " of " + what(kind, name) + ": " + bad.getMessage());
          }
        }
      }
    }
    return new RawEndpoint(name, iface, attrs, node.line());
  }

  // Only for messages: quoting costs more than reading a well-formed endpoint.
  private static String what(String kind, String name) {
    return kind + " " + GoText.quote(name);
  }

  /** An attribute value as snapd stores it; null and unsigned-only integers are refused. */
  private static Object attributeValue(YamlNode node) {
    if (node instanceof Sequence seq) {
      List<Object> out = new ArrayList<>(seq.items().size());
      seq.items().forEach(item -> out.add(attributeValue(item)));
      return out;
    }
    if (node instanceof Mapping map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Entry e : map.entries()) {
        if (!(e.key().value() instanceof String key)) {
          throw new IllegalArgumentException("non-string key: " + goValue(e.key()));
        }
        out.put(key, attributeValue(e.value()));
      }
      return out;
    }
    Scalar s = (Scalar) node;
    if (s.isNull() || s.value() instanceof BigInteger) {
      throw new IllegalArgumentException("invalid scalar: " + goValue(s));
    }
    return s.value();
  }

  private static String goValue(Scalar s) {
    return s.isNull() ? "<nil>" : GoText.value(s.value());
  }

  private static void readApps(Mapping apps, RawSnap snap) {
    Map<String, String> aliasOwner = new LinkedHashMap<>();
    for (Entry e : apps.entries()) {
      String name = YamlTree.keyIdentity(e.key());
      String path = "apps." + name;
      Mapping def = Decode.mapping(e.value(), path, "snap.appYaml");
      RawApp app = new RawApp(name, e.key().line());
      for (String field : APP_TEXT_FIELDS) {
        String value = Decode.text(def, field, path);
        if (!value.isEmpty()) {
          app.fields.put(field, value);
        }
      }
      checkAppEnums(app, def, path);
      app.commandChain = Decode.texts(def, "command-chain", path);
      app.aliases = Decode.texts(def, "aliases", path);
      app.before = Decode.texts(def, "before", path);
      app.after = Decode.texts(def, "after", path);
      app.activatesOn = Decode.texts(def, "activates-on", path);
      app.sockets = !Decode.mapping(def, "sockets", path, "map[string]snap.socketsYaml")
          .entries().isEmpty();
      Decode.mapping(def, "environment", path, "map[string]interface {}");
      if (app.isService() && app.field("daemon-scope").isEmpty()) {
        app.fields.put("daemon-scope", "system"); // daemons are system daemons by default
      }
      snap.apps.put(name, app);
      for (String alias : app.aliases) {
        String owner = aliasOwner.putIfAbsent(alias, name);
        if (owner != null) {
          throw new YamlProblem(app.line, path + ".aliases", "cannot set " + GoText.quote(alias)
              + " as alias for both " + GoText.quote(owner) + " and " + GoText.quote(name));
        }
      }
      bind(snap, app, Decode.texts(def, "plugs", path), Decode.texts(def, "slots", path));
      for (String slotName : app.activatesOn) {
        RawEndpoint slot = snap.slots.get(slotName);
        if (slot == null) {
          throw new YamlProblem(app.line, path + ".activates-on", "invalid activates-on value "
              + GoText.quote(slotName) + " on app " + GoText.quote(name) + ": slot not found");
        }
        slot.scoped = true;
        app.slots.add(slotName);
      }
    }
  }

  // Values snapd checks while decoding (its types reject them), not later in validation.
  private static void checkAppEnums(RawApp app, Mapping def, String path) {
    String scope = app.field("daemon-scope");
    if (!scope.isEmpty() && !scope.equals("system") && !scope.equals("user")) {
      throw new YamlProblem(def.get("daemon-scope").orElseThrow().line(), path + ".daemon-scope",
          "invalid daemon scope: " + GoText.quote(scope));
    }
    String restart = app.field("restart-condition");
    if (!restart.isEmpty() && !List.of("no", "never", "on-success", "on-failure", "on-abnormal",
        "on-abort", "on-watchdog", "always").contains(restart)) {
      throw new YamlProblem(def.get("restart-condition").orElseThrow().line(),
          path + ".restart-condition", "invalid restart condition");
    }
  }

  private static void readHooks(Mapping hooks, RawSnap snap) {
    for (Entry e : hooks.entries()) {
      String name = YamlTree.keyIdentity(e.key());
      if (SUPPORTED_HOOKS.stream().noneMatch(p -> p.matcher(name).matches())) {
        continue; // snapd ignores hooks it does not support, with their plugs and slots
      }
      String path = "hooks." + name;
      Mapping def = Decode.mapping(e.value(), path, "snap.hookYaml");
      RawApp hook = new RawApp(name, e.key().line());
      hook.commandChain = Decode.texts(def, "command-chain", path);
      Decode.mapping(def, "environment", path, "map[string]interface {}");
      snap.hooks.put(name, hook);
      bind(snap, hook, Decode.texts(def, "plugs", path), Decode.texts(def, "slots", path));
    }
  }

  // Names an app or hook lists without a top-level entry become plugs/slots of that interface.
  private static void bind(RawSnap snap, RawApp app, List<String> plugs, List<String> slots) {
    for (String plug : plugs) {
      snap.plugs.computeIfAbsent(plug, n -> new RawEndpoint(n, n, Map.of(), app.line))
          .scoped = true;
      app.plugs.add(plug);
    }
    for (String slot : slots) {
      snap.slots.computeIfAbsent(slot, n -> new RawEndpoint(n, n, Map.of(), app.line))
          .scoped = true;
      app.slots.add(slot);
    }
  }

  private static void bindUnscoped(RawSnap snap) {
    for (RawApp app : concat(snap.apps, snap.hooks)) {
      snap.plugs.values().stream().filter(p -> !p.scoped).forEach(p -> app.plugs.add(p.name));
      snap.slots.values().stream().filter(s -> !s.scoped).forEach(s -> app.slots.add(s.name));
    }
  }

  // The old core snap declared plugs named like system slots; snapd renames them on read.
  private static void renameClashingCorePlugs(RawSnap snap) {
    if (!snap.name.equals("core") || snap.type != SnapType.OS) {
      return;
    }
    for (String old : List.of("network-bind", "core-support")) {
      RawEndpoint plug = snap.plugs.remove(old);
      if (plug == null) {
        continue;
      }
      plug.name = old + "-plug";
      snap.plugs.put(plug.name, plug);
      for (RawApp app : concat(snap.apps, snap.hooks)) {
        if (app.plugs.remove(old)) {
          app.plugs.add(plug.name);
        }
      }
    }
  }

  private void sanitize(RawSnap snap) {
    SnapContext context = SnapContext.builder()
        .snapName(snap.name)
        .snapType(snap.type)
        .plugInterfaces(interfaces(snap.plugs))
        .slotInterfaces(interfaces(snap.slots))
        .build();
    for (RawEndpoint raw : snap.plugs.values()) {
      try {
        checkDeclared(raw, "plug");
        Plug plug = Plug.builder().snap(snap.name).name(raw.name).iface(raw.iface)
            .attributes(Attributes.of(raw.attrs)).build();
        snap.keptPlugs.put(raw.name, catalog.sanitizePlug(plug, context));
      } catch (AttributeCheckException e) {
        snap.bad.put(raw.name, e.reason());
      }
    }
    for (RawEndpoint raw : snap.slots.values()) {
      try {
        checkDeclared(raw, "slot");
        Slot slot = Slot.builder().snap(snap.name).name(raw.name).iface(raw.iface)
            .attributes(Attributes.of(raw.attrs)).build();
        snap.keptSlots.put(raw.name, catalog.sanitizeSlot(slot, context));
      } catch (AttributeCheckException e) {
        snap.bad.put(raw.name, e.reason());
      }
    }
    for (RawApp app : concat(snap.apps, snap.hooks)) {
      app.plugs.retainAll(snap.keptPlugs.keySet());
      app.slots.retainAll(snap.keptSlots.keySet());
    }
  }

  // snapd checks the interface is known before the name is valid.
  private void checkDeclared(RawEndpoint raw, String kind) {
    if (!catalog.contains(raw.iface)) {
      throw new AttributeCheckException("unknown interface " + GoText.quote(raw.iface));
    }
    if (!Names.isValidEndpointName(raw.name)) {
      throw new AttributeCheckException("invalid " + kind + " name: " + GoText.quote(raw.name));
    }
  }

  private static ImmutableMap<String, String> interfaces(Map<String, RawEndpoint> endpoints) {
    return endpoints.values().stream()
        .collect(ImmutableMap.toImmutableMap(e -> e.name, e -> e.iface, (a, b) -> b));
  }

  static List<RawApp> concat(Map<String, RawApp> apps, Map<String, RawApp> hooks) {
    List<RawApp> all = new ArrayList<>(apps.values());
    all.addAll(hooks.values());
    return all;
  }

  private static Snap build(RawSnap snap) {
    return Snap.builder()
        .name(snap.name)
        .type(snap.type)
        .version(snap.version)
        .plugs(ImmutableSortedMap.copyOf(snap.keptPlugs))
        .slots(ImmutableSortedMap.copyOf(snap.keptSlots))
        .apps(apps(snap.apps))
        .hooks(apps(snap.hooks))
        .badInterfaces(ImmutableSortedMap.copyOf(snap.bad))
        .build();
  }

  private static ImmutableSortedMap<String, App> apps(Map<String, RawApp> raw) {
    ImmutableSortedMap.Builder<String, App> out = ImmutableSortedMap.naturalOrder();
    raw.values().forEach(a -> out.put(a.name, App.builder().name(a.name)
        .plugs(ImmutableSortedSet.copyOf(a.plugs)).slots(ImmutableSortedSet.copyOf(a.slots))
        .build()));
    return out.build();
  }
}
