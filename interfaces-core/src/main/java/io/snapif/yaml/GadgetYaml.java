package io.snapif.yaml;

import com.google.common.collect.ImmutableList;
import io.snapif.catalog.sanitizers.GoText;
import io.snapif.model.GadgetConnection;
import io.snapif.yaml.YamlNode.Entry;
import io.snapif.yaml.YamlNode.Mapping;
import io.snapif.yaml.YamlNode.Scalar;
import io.snapif.yaml.YamlNode.Sequence;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code connections:} of a gadget's {@code meta/gadget.yaml} as snapd 2.57.6's gadget
 * package does.
 *
 * <pre>{@code
 * connections:
 *   - plug: <plug-snap-id>:<plug>      # or system:<plug>
 *     slot: <slot-snap-id>:<slot>      # optional; without it, system:<plug>
 * }</pre>
 *
 * <p>Each end must be {@code <snap-id or system>:<name>} with exactly one colon and both parts
 * non-empty, and every entry needs a plug. The keys of {@code defaults:} must be
 * {@code system} or a snap-id, as snapd requires; {@code volumes:} and everything else is
 * tolerated unread (snapd checks volumes only against a model).
 *
 * <p>Stateless and thread-safe.
 */
public final class GadgetYaml {
  private static final Pattern SNAP_ID = Pattern.compile("^[a-z0-9A-Z]{32}$");

  private GadgetYaml() {}

  /**
   * The connections {@code text} asks for, in order.
   *
   * @param text the gadget.yaml content
   * @param source a label for messages (a file name, say)
   * @throws GadgetYamlException naming source, line, field and problem, if the text is not
   *     YAML, the connections are malformed, or a defaults key is not a snap-id
   */
  public static ImmutableList<GadgetConnection> readConnections(String text, String source) {
    try {
      return read(text);
    } catch (YamlProblem p) {
      throw new GadgetYamlException(source, p.line, p.path, p.problem);
    }
  }

  private static ImmutableList<GadgetConnection> read(String text) {
    Mapping root = YamlTree.parse(text)
        .map(n -> Decode.mapping(n, "", "gadget.Info"))
        .orElse(new Mapping(List.of(), 1));
    Mapping defaults =
        Decode.mapping(root, "defaults", "", "map[string]map[string]interface {}");
    for (Entry e : defaults.entries()) {
      String key = YamlTree.keyIdentity(e.key());
      if (!key.equals("system") && !SNAP_ID.matcher(key).matches()) {
        throw new YamlProblem(e.key().line(), "defaults",
            "default stanza not keyed by \"system\" or snap-id: " + key);
      }
      Decode.mapping(e.value(), "defaults." + key, "map[string]interface {}");
    }
    Decode.mapping(root, "volumes", "", "map[string]*gadget.Volume");
    YamlNode list = root.get("connections").orElse(new Scalar("", YamlNode.Null.NULL, 0));
    if (list instanceof Scalar s && s.isNull()) {
      return ImmutableList.of();
    }
    if (!(list instanceof Sequence seq)) {
      throw Decode.typeError(list, "connections", "[]gadget.Connection");
    }
    ImmutableList.Builder<GadgetConnection> out = ImmutableList.builder();
    for (int i = 0; i < seq.items().size(); i++) {
      String path = "connections[" + i + "]";
      Mapping entry = Decode.mapping(seq.items().get(i), path, "gadget.Connection");
      String[] plug = end(entry, "plug", path);
      String[] slot = end(entry, "slot", path);
      if (plug.length == 0) {
        throw new YamlProblem(entry.line(), path, "gadget connection plug cannot be empty");
      }
      out.add(GadgetConnection.builder()
          .plugSnapId(plug[0]).plugName(plug[1])
          .slotSnapId(slot.length == 0 ? "system" : slot[0])
          .slotName(slot.length == 0 ? plug[1] : slot[1])
          .build());
    }
    return out.build();
  }

  // {snap-id, name}, or an empty array when the key is absent or null.
  private static String[] end(Mapping entry, String key, String path) {
    Optional<YamlNode> given = entry.get(key).filter(n -> !(n instanceof Scalar s && s.isNull()));
    if (given.isEmpty()) {
      return new String[0];
    }
    YamlNode node = given.get();
    String value = Decode.text(node, path + "." + key);
    String[] parts = value.split(":", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new YamlProblem(node.line(), path + "." + key, "in gadget connection " + key
          + ": expected \"(<snap-id>|system):name\" not " + GoText.quote(value));
    }
    return parts;
  }
}
