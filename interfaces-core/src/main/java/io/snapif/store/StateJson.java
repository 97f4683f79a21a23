package io.snapif.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.model.App;
import io.snapif.model.Attributes;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.GadgetConnection;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import io.snapif.spi.SystemState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of a {@link SystemState} (the {@code data} object of a state file):
 *
 * <pre>
 * {"generation": 7, "seeded": true,
 *  "device": {"classic": true, "distro": "ubuntu", "brand": ..., "model": ..., "store": ...,
 *             "gadget": ...},
 *  "snaps": [{"name": "vlc", "type": "app", "version": "3.0", "revision": 2,
 *             "snap-id": ..., "publisher-id": ..., "declaration": {...} (absent: --dangerous),
 *             "plugs": {"camera": {"interface": "camera", "attrs": {...}}}, "slots": {...},
 *             "apps": {"vlc": {"plugs": [...], "slots": [...]}}, "hooks": {...},
 *             "bad-interfaces": {"name": "why"},
 *             "gadget-connections": [{"plug": "id:plug", "slot": "id:slot"}]}],
 *  "conns": {"vlc:camera core:camera": {"interface": "camera", "auto": true, ...}}}
 * </pre>
 *
 * {@code conns} is written as snapd writes it in its own {@code state.json}: flags ({@code
 * auto}, {@code by-gadget}, {@code undesired}) and attribute maps ({@code plug-static}, {@code
 * plug-dynamic}, {@code slot-static}, {@code slot-dynamic}) only when set, so the same reader
 * serves {@link SnapdStateFile}.
 */
final class StateJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StateJson() {}

  static ObjectNode write(SystemState state) {
    ObjectNode out = NODES.objectNode();
    out.put("generation", state.generation());
    out.put("seeded", state.seeded());
    out.set("device", writeDevice(state.device()));
    ArrayNode snaps = out.putArray("snaps");
    state.snaps().forEach(s -> snaps.add(writeSnap(s)));
    out.set("conns", writeConns(state.connections().values()));
    return out;
  }

  static SystemState read(JsonInput in) {
    try {
      return SystemState.builder()
          .generation(in.field("generation").integer())
          .seeded(in.field("seeded").bool())
          .device(readDevice(in.field("device")))
          .addAllSnaps(in.field("snaps").array().stream().map(StateJson::readSnap).toList())
          .putAllConnections(readConns(in.field("conns")))
          .build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a value type refused what was read: the file is consistent JSON but not a valid state
      throw in.problem("invalid state: " + e.getMessage());
    }
  }

  private static ObjectNode writeDevice(Device device) {
    ObjectNode out = NODES.objectNode();
    out.put("classic", device.classic());
    out.put("distro", device.distro());
    device.brand().ifPresent(v -> out.put("brand", v));
    device.model().ifPresent(v -> out.put("model", v));
    device.store().ifPresent(v -> out.put("store", v));
    device.gadget().ifPresent(v -> out.put("gadget", v));
    return out;
  }

  private static Device readDevice(JsonInput in) {
    return Device.builder()
        .classic(in.field("classic").bool())
        .distro(in.field("distro").text())
        .brand(in.optField("brand").map(JsonInput::text))
        .model(in.optField("model").map(JsonInput::text))
        .store(in.optField("store").map(JsonInput::text))
        .gadget(in.optField("gadget").map(JsonInput::text))
        .build();
  }

  static ObjectNode writeSnap(InstalledSnap installed) {
    Snap snap = installed.snap();
    ObjectNode out = NODES.objectNode();
    out.put("name", snap.name());
    out.put("type", snap.type().yamlName());
    out.put("version", snap.version());
    out.put("revision", snap.revision());
    snap.snapId().ifPresent(v -> out.put("snap-id", v));
    snap.publisherId().ifPresent(v -> out.put("publisher-id", v));
    installed.declaration().ifPresent(d -> out.set("declaration", DeclarationJson.write(d)));
    ObjectNode plugs = out.putObject("plugs");
    snap.plugs().forEach((name, p) -> plugs.set(name, writeEndpoint(p.iface(), p.attributes())));
    ObjectNode slots = out.putObject("slots");
    snap.slots().forEach((name, s) -> slots.set(name, writeEndpoint(s.iface(), s.attributes())));
    out.set("apps", writeApps(snap.apps()));
    out.set("hooks", writeApps(snap.hooks()));
    ObjectNode bad = out.putObject("bad-interfaces");
    snap.badInterfaces().forEach(bad::put);
    ArrayNode gadget = out.putArray("gadget-connections");
    for (GadgetConnection g : installed.gadgetConnections()) {
      gadget.addObject()
          .put("plug", g.plugSnapId() + ":" + g.plugName())
          .put("slot", g.slotSnapId() + ":" + g.slotName());
    }
    return out;
  }

  static InstalledSnap readSnap(JsonInput in) {
    String name = in.field("name").text();
    Map<String, Plug> plugs = new LinkedHashMap<>();
    in.field("plugs").object().forEach((plug, e) -> plugs.put(plug, Plug.builder()
        .snap(name).name(plug).iface(e.field("interface").text())
        .attributes(readAttributes(e.optField("attrs"))).build()));
    Map<String, Slot> slots = new LinkedHashMap<>();
    in.field("slots").object().forEach((slot, e) -> slots.put(slot, Slot.builder()
        .snap(name).name(slot).iface(e.field("interface").text())
        .attributes(readAttributes(e.optField("attrs"))).build()));
    Map<String, String> bad = new LinkedHashMap<>();
    in.field("bad-interfaces").object().forEach((k, v) -> bad.put(k, v.text()));
    JsonInput type = in.field("type");
    Snap snap;
    try {
      snap = Snap.builder()
          .name(name)
          .type(SnapType.fromYaml(type.text()))
          .version(in.field("version").text())
          .revision(Math.toIntExact(in.field("revision").integer()))
          .snapId(in.optField("snap-id").map(JsonInput::text))
          .publisherId(in.optField("publisher-id").map(JsonInput::text))
          .putAllPlugs(plugs)
          .putAllSlots(slots)
          .putAllApps(readApps(in.field("apps")))
          .putAllHooks(readApps(in.field("hooks")))
          .putAllBadInterfaces(bad)
          .build();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw in.problem("invalid snap: " + e.getMessage());
    }
    return InstalledSnap.builder()
        .snap(snap)
        .declaration(in.optField("declaration").map(DeclarationJson::read))
        .addAllGadgetConnections(in.field("gadget-connections").array().stream()
            .map(StateJson::readGadgetConnection).toList())
        .build();
  }

  private static GadgetConnection readGadgetConnection(JsonInput in) {
    String[] plug = splitRef(in.field("plug"));
    String[] slot = splitRef(in.field("slot"));
    return GadgetConnection.builder().plugSnapId(plug[0]).plugName(plug[1])
        .slotSnapId(slot[0]).slotName(slot[1]).build();
  }

  private static String[] splitRef(JsonInput in) {
    String text = in.text();
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw in.problem("expected snap-id:name, not \"" + text + "\"");
    }
    return new String[] {text.substring(0, colon), text.substring(colon + 1)};
  }

  private static ObjectNode writeEndpoint(String iface, Attributes attributes) {
    ObjectNode out = NODES.objectNode();
    out.put("interface", iface);
    if (!attributes.isEmpty()) {
      out.set("attrs", writeValue(attributes.asMap()));
    }
    return out;
  }

  private static ObjectNode writeApps(Map<String, App> apps) {
    ObjectNode out = NODES.objectNode();
    apps.forEach((name, app) -> {
      ObjectNode a = out.putObject(name);
      ArrayNode plugs = a.putArray("plugs");
      app.plugs().forEach(plugs::add);
      ArrayNode slots = a.putArray("slots");
      app.slots().forEach(slots::add);
    });
    return out;
  }

  private static Map<String, App> readApps(JsonInput in) {
    Map<String, App> out = new LinkedHashMap<>();
    in.object().forEach((name, a) -> out.put(name, App.builder().name(name)
        .addAllPlugs(a.field("plugs").texts())
        .addAllSlots(a.field("slots").texts())
        .build()));
    return out;
  }

  static ObjectNode writeConns(Iterable<Connection> connections) {
    ObjectNode out = NODES.objectNode();
    for (Connection c : connections) {
      ObjectNode e = out.putObject(c.id().toString());
      e.put("interface", c.iface());
      if (c.auto()) {
        e.put("auto", true);
      }
      if (c.byGadget()) {
        e.put("by-gadget", true);
      }
      if (c.undesired()) {
        e.put("undesired", true);
      }
      putAttributes(e, "plug-static", c.plugStatic());
      putAttributes(e, "plug-dynamic", c.plugDynamic());
      putAttributes(e, "slot-static", c.slotStatic());
      putAttributes(e, "slot-dynamic", c.slotDynamic());
    }
    return out;
  }

  private static void putAttributes(ObjectNode entry, String key, Attributes attributes) {
    if (!attributes.isEmpty()) {
      entry.set(key, writeValue(attributes.asMap()));
    }
  }

  /**
   * Reads a {@code conns} object. Fields snapd has and snapif does not model ({@code
   * hotplug-key}, {@code hotplug-gone}) are ignored.
   */
  static ImmutableMap<ConnectionId, Connection> readConns(JsonInput in) {
    ImmutableMap.Builder<ConnectionId, Connection> out = ImmutableMap.builder();
    in.object().forEach((key, e) -> {
      ConnectionId id;
      try {
        id = ConnectionId.parse(key);
      } catch (IllegalArgumentException bad) {
        throw e.problem(bad.getMessage());
      }
      out.put(id, Connection.builder()
          .id(id)
          .iface(e.field("interface").text())
          .auto(e.flag("auto"))
          .byGadget(e.flag("by-gadget"))
          .undesired(e.flag("undesired"))
          .plugStatic(readAttributes(e.optField("plug-static")))
          .plugDynamic(readAttributes(e.optField("plug-dynamic")))
          .slotStatic(readAttributes(e.optField("slot-static")))
          .slotDynamic(readAttributes(e.optField("slot-dynamic")))
          .build());
    });
    return out.buildOrThrow();
  }

  private static JsonNode writeValue(Object value) {
    if (value instanceof String s) {
      return NODES.textNode(s);
    } else if (value instanceof Long l) {
      return NODES.numberNode(l);
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof List<?> list) {
      ArrayNode out = NODES.arrayNode();
      list.forEach(v -> out.add(writeValue(v)));
      return out;
    } else {
      ObjectNode out = NODES.objectNode();
      ((Map<?, ?>) value).forEach((k, v) -> out.set((String) k, writeValue(v)));
      return out;
    }
  }

  private static Attributes readAttributes(Optional<JsonInput> in) {
    if (in.isEmpty()) {
      return Attributes.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    in.get().object().forEach((k, v) -> values.put(k, readValue(v)));
    return Attributes.of(values);
  }

  /** An attribute value as {@link Attributes} holds it: integers become longs. */
  private static Object readValue(JsonInput in) {
    JsonNode node = in.node();
    if (node.isTextual()) {
      return node.textValue();
    } else if (node.isBoolean()) {
      return node.booleanValue();
    } else if (node.isIntegralNumber()) {
      return in.integer();
    } else if (node.isNumber()) {
      return node.doubleValue();
    } else if (node.isArray()) {
      return ImmutableList.copyOf(in.array().stream().map(StateJson::readValue).toList());
    } else if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      in.object().forEach((k, v) -> out.put(k, readValue(v)));
      return out;
    }
    throw in.problem("unsupported attribute value " + node.getNodeType());
  }
}
