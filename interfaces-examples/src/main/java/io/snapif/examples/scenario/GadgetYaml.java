package io.snapif.examples.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import io.snapif.model.GadgetConnection;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * Reads the parts of a gadget.yaml that matter to interfaces, with the checks snapd makes when it
 * reads one without a model: {@code connections:} entries {@code plug: <snap-id>:<plug>} and
 * optional {@code slot: <snap-id>:<slot>} ({@code system} names the system snap; without a slot,
 * the system snap's slot named as the plug), and {@code defaults:} keyed by {@code system} or a
 * snap-id. Volumes are not checked (snapd checks them only against a model).
 */
final class GadgetYaml {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern SNAP_ID = Pattern.compile("^[a-z0-9A-Z]{32}$");

  private GadgetYaml() {}

  /**
   * The gadget's connections in file order.
   *
   * @throws InvalidSnapException naming {@code source} if the text is not a valid gadget.yaml
   */
  static ImmutableList<GadgetConnection> connections(String text, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidSnapException(source,
          "cannot parse gadget metadata: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return ImmutableList.of();
    }
    if (!root.isObject()) {
      throw new InvalidSnapException(source, "cannot parse gadget metadata: not a map", null);
    }
    checkDefaults(root.get("defaults"), source);
    JsonNode conns = root.get("connections");
    if (conns == null || conns.isNull()) {
      return ImmutableList.of();
    }
    if (!conns.isArray()) {
      throw new InvalidSnapException(source,
          "cannot parse gadget metadata: connections is not a list", null);
    }
    ImmutableList.Builder<GadgetConnection> out = ImmutableList.builder();
    for (JsonNode entry : conns) {
      if (!entry.isObject()) {
        throw new InvalidSnapException(source,
            "cannot parse gadget metadata: a connection is not a map", null);
      }
      String[] plug = end(entry.get("plug"), "plug", source);
      String[] slot = end(entry.get("slot"), "slot", source);
      if (plug == null) {
        throw new InvalidSnapException(source, "gadget connection plug cannot be empty", null);
      }
      if (slot == null) {
        slot = new String[] {"system", plug[1]};
      }
      out.add(GadgetConnection.builder()
          .plugSnapId(plug[0]).plugName(plug[1])
          .slotSnapId(slot[0]).slotName(slot[1])
          .build());
    }
    return out.build();
  }

  /** {@code [snap-id, name]}, or null when the end is absent. */
  private static String[] end(JsonNode node, String which, String source) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = node.isValueNode() ? node.asText() : null;
    String[] parts = text == null ? new String[0] : text.split(":", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new InvalidSnapException(source, "cannot parse gadget metadata: in gadget connection "
          + which + ": expected \"(<snap-id>|system):name\" not \"" + (text == null ? node : text)
          + "\"", null);
    }
    return parts;
  }

  private static void checkDefaults(JsonNode defaults, String source) {
    if (defaults == null || defaults.isNull()) {
      return;
    }
    if (!defaults.isObject()) {
      throw new InvalidSnapException(source,
          "cannot parse gadget metadata: defaults is not a map", null);
    }
    for (Iterator<String> it = defaults.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("system") && !SNAP_ID.matcher(key).matches()) {
        throw new InvalidSnapException(source,
            "default stanza not keyed by \"system\" or snap-id: " + key, null);
      }
    }
  }
}
