package io.snapif.examples.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.snapif.yaml.DocumentTooLargeException;
import io.snapif.yaml.InputLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads scenario files (JSON or YAML, the same structure) into {@link Scenario}s, checking the
 * structure of the scenario format.
 *
 * <p>Unknown keys and values of the wrong type are errors of the whole file ({@link
 * ScenarioException} naming the key's path). An op the runner cannot run (an unknown {@code op},
 * an endpoint reference of the wrong shape) is kept as {@link ScenarioOp.Unsupported}, so the run
 * reports it as a failed step in its place.
 *
 * <p>A file is bounded by {@link InputLimits}: at most {@link InputLimits#MAX_SCENARIO_BYTES}
 * (checked before reading it) and {@link InputLimits#MAX_NESTING_DEPTH} levels; YAML aliases
 * are refused. Stateless and thread-safe.
 */
public final class ScenarioReader {
  private static final ObjectMapper JSON =
      JsonMapper.builder(InputLimits.jsonFactory(InputLimits.MAX_SCENARIO_BYTES))
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder(InputLimits.yamlFactory(InputLimits.MAX_SCENARIO_BYTES))
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private static final ImmutableSet<String> TOP_KEYS =
      ImmutableSet.of("name", "description", "classic", "distro", "model", "snaps", "ops");
  private static final ImmutableSet<String> MODEL_KEYS =
      ImmutableSet.of("brand-id", "model", "store", "gadget");
  private static final ImmutableSet<String> SNAP_KEYS = ImmutableSet.of(
      "yaml", "snap-id", "publisher-id", "declaration", "dangerous", "gadget-yaml");

  private ScenarioReader() {}

  /**
   * Reads a scenario file; {@code .yaml}/{@code .yml} files are YAML, others JSON unless they do
   * not start with <code>{</code>.
   *
   * @throws ScenarioException if the file cannot be read, is too large or is not a valid
   *     scenario
   */
  public static Scenario read(Path file) {
    return parse(readTree(file), file.toString(), defaultName(file));
  }

  /**
   * Reads a scenario file as a tree, without checking its structure: for files that carry more
   * than a scenario (a rule test's expectations), which take their part out and {@link
   * #parse(JsonNode, String, String) parse} the rest.
   *
   * @throws ScenarioException if the file cannot be read, is too large or is not JSON or YAML
   */
  public static JsonNode readTree(Path file) {
    String text;
    try {
      text = InputLimits.readText(file, InputLimits.MAX_SCENARIO_BYTES);
    } catch (DocumentTooLargeException e) {
      throw new ScenarioException(file.toString(), "", e.problem(), e);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), "", "cannot read: " + e.getMessage(), e);
    }
    return tree(text, file.toString());
  }

  /** The scenario's name when its file gives none: the file name without its extension. */
  public static String defaultName(Path file) {
    String base = file.getFileName().toString();
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  /**
   * Parses scenario text.
   *
   * @param source names the text in error messages
   * @param defaultName the scenario's name when the text has no {@code name}
   * @throws ScenarioException if the text is not a valid scenario or is over a limit
   */
  public static Scenario parse(String text, String source, String defaultName) {
    return parse(tree(text, source), source, defaultName);
  }

  /**
   * Reads a scenario from a tree of JSON or YAML.
   *
   * @param source names the tree in error messages
   * @param defaultName the scenario's name when the tree has no {@code name}
   * @throws ScenarioException if the tree is not a valid scenario
   */
  public static Scenario parse(JsonNode root, String source, String defaultName) {
    return new Reading(source).scenario(root, defaultName);
  }

  private static JsonNode tree(String text, String source) {
    try {
      InputLimits.checkSize(text, source, InputLimits.MAX_SCENARIO_BYTES);
    } catch (DocumentTooLargeException e) {
      throw new ScenarioException(source, "", e.problem(), e);
    }
    boolean json = !(source.endsWith(".yaml") || source.endsWith(".yml"))
        && text.stripLeading().startsWith("{");
    ObjectMapper mapper = json ? JSON : YAML;
    try (JsonParser parser = InputLimits.refusingAliases(mapper.createParser(text))) {
      return mapper.readTree(parser);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(source, "", InputLimits.problem(e).orElseGet(() -> "not valid "
          + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage()) + location(e), e);
    } catch (IOException e) {
      throw new ScenarioException(source, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  /** One reading of one document; carries the source for error messages. */
  private record Reading(String source) {

    Scenario scenario(JsonNode root, String defaultName) {
      object(root, "");
      onlyKeys(root, "", TOP_KEYS);
      var b = Scenario.builder()
          .name(string(root, "name", "").orElse(defaultName))
          .description(string(root, "description", ""))
          .classic(bool(root, "classic", "").orElse(true))
          .distro(string(root, "distro", "").orElse("ubuntu"));
      JsonNode model = root.get("model");
      if (model != null && !model.isNull()) {
        object(model, "model");
        onlyKeys(model, "model", MODEL_KEYS);
        b.brandId(string(model, "brand-id", "model"))
            .modelName(string(model, "model", "model"))
            .store(string(model, "store", "model"))
            .gadget(string(model, "gadget", "model"));
      }
      JsonNode snaps = root.get("snaps");
      if (snaps != null && !snaps.isNull()) {
        object(snaps, "snaps");
        for (Iterator<Map.Entry<String, JsonNode>> it = snaps.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          b.putSnaps(e.getKey(), snap(e.getKey(), e.getValue(), "snaps." + e.getKey()));
        }
      }
      JsonNode ops = root.get("ops");
      if (ops == null || ops.isNull()) {
        throw new ScenarioException(source, "ops", "missing");
      }
      if (!ops.isArray()) {
        throw new ScenarioException(source, "ops", "expected a list of ops");
      }
      for (int i = 0; i < ops.size(); i++) {
        b.addOps(op(ops.get(i), "ops[" + i + "]"));
      }
      return b.build();
    }

    SnapSpec snap(String name, JsonNode node, String path) {
      object(node, path);
      onlyKeys(node, path, SNAP_KEYS);
      var b = SnapSpec.builder()
          .name(name)
          .yaml(string(node, "yaml", path)
              .orElseThrow(() -> new ScenarioException(source, path + ".yaml", "missing")))
          .snapId(string(node, "snap-id", path))
          .publisherId(string(node, "publisher-id", path))
          .dangerous(bool(node, "dangerous", path).orElse(false))
          .gadgetYaml(string(node, "gadget-yaml", path));
      declaration(node, path).ifPresent(b::declaration);
      return b.build();
    }

    Optional<JsonNode> declaration(JsonNode node, String path) {
      JsonNode d = node.get("declaration");
      if (d == null || d.isNull()) {
        return Optional.empty();
      }
      object(d, path + ".declaration");
      return Optional.of(d.deepCopy());
    }

    ScenarioOp op(JsonNode node, String path) {
      object(node, path);
      String kind = string(node, "op", path)
          .orElseThrow(() -> new ScenarioException(source, path + ".op", "missing"));
      return switch (kind) {
        case "install" -> {
          onlyKeys(node, path, ImmutableSet.of("op", "snap"));
          yield new ScenarioOp.Install(required(node, "snap", path));
        }
        case "remove" -> {
          onlyKeys(node, path, ImmutableSet.of("op", "snap"));
          yield new ScenarioOp.Remove(required(node, "snap", path));
        }
        case "seed" -> {
          onlyKeys(node, path, ImmutableSet.of("op", "snaps"));
          yield new ScenarioOp.Seed(stringList(node, "snaps", path));
        }
        case "refresh" -> {
          onlyKeys(node, path, ImmutableSet.of("op", "snap", "yaml", "declaration"));
          yield new ScenarioOp.Refresh(
              required(node, "snap", path), string(node, "yaml", path), declaration(node, path));
        }
        case "restart" -> {
          onlyKeys(node, path, ImmutableSet.of("op"));
          yield new ScenarioOp.Restart();
        }
        case "connect" -> {
          onlyKeys(node, path, ImmutableSet.of("op", "plug", "slot"));
          yield connect(required(node, "plug", path), string(node, "slot", path));
        }
        case "disconnect" -> {
          onlyKeys(node, path, ImmutableSet.of("op", "plug", "slot", "forget"));
          yield disconnect(required(node, "plug", path), string(node, "slot", path),
              bool(node, "forget", path).orElse(false));
        }
        default -> new ScenarioOp.Unsupported(kind, "unknown op \"" + kind + "\"");
      };
    }

    private static ScenarioOp connect(String plug, Optional<String> slot) {
      String text = "connect " + plug + slot.map(s -> " " + s).orElse("");
      Optional<String[]> p = EndpointText.strict(plug);
      if (p.isEmpty()) {
        return new ScenarioOp.Unsupported(text, EndpointText.invalidStrict(plug));
      }
      if (slot.isEmpty()) {
        return new ScenarioOp.Connect(p.get()[0], p.get()[1], Optional.empty(), Optional.empty());
      }
      Optional<String[]> s = EndpointText.loose(slot.get());
      if (s.isEmpty()) {
        return new ScenarioOp.Unsupported(text, EndpointText.invalidLoose(slot.get()));
      }
      return new ScenarioOp.Connect(p.get()[0], p.get()[1], Optional.of(s.get()[0]),
          s.get()[1].isEmpty() ? Optional.empty() : Optional.of(s.get()[1]));
    }

    private static ScenarioOp disconnect(String plug, Optional<String> slot, boolean forget) {
      String text = "disconnect " + plug + slot.map(s -> " " + s).orElse("")
          + (forget ? " --forget" : "");
      Optional<String[]> p = EndpointText.strict(plug);
      if (p.isEmpty()) {
        return new ScenarioOp.Unsupported(text, EndpointText.invalidStrict(plug));
      }
      if (slot.isEmpty()) {
        return new ScenarioOp.Disconnect(
            p.get()[0], p.get()[1], Optional.empty(), Optional.empty(), forget);
      }
      Optional<String[]> s = EndpointText.strict(slot.get());
      if (s.isEmpty()) {
        return new ScenarioOp.Unsupported(text, EndpointText.invalidStrict(slot.get()));
      }
      return new ScenarioOp.Disconnect(p.get()[0], p.get()[1], Optional.of(s.get()[0]),
          Optional.of(s.get()[1]), forget);
    }

    private void object(JsonNode node, String path) {
      if (node == null || !node.isObject()) {
        throw new ScenarioException(source, path, "expected a map");
      }
    }

    private void onlyKeys(JsonNode node, String path, ImmutableSet<String> allowed) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          throw new ScenarioException(source, join(path, key), "unknown key");
        }
      }
    }

    private Optional<String> string(JsonNode node, String key, String path) {
      return ScenarioReader.string(node, key, source, path);
    }

    private String required(JsonNode node, String key, String path) {
      return string(node, key, path)
          .orElseThrow(() -> new ScenarioException(source, join(path, key), "missing"));
    }

    private Optional<Boolean> bool(JsonNode node, String key, String path) {
      return ScenarioReader.bool(node, key, source, path);
    }

    private ImmutableList<String> stringList(JsonNode node, String key, String path) {
      JsonNode v = node.get(key);
      if (v == null || !v.isArray()) {
        throw new ScenarioException(source, join(path, key), "expected a list of snap names");
      }
      ImmutableList.Builder<String> out = ImmutableList.builder();
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isTextual()) {
          throw new ScenarioException(source, join(path, key) + "[" + i + "]", "expected a string");
        }
        out.add(v.get(i).textValue());
      }
      return out.build();
    }

  }

  /** The string at {@code key} of {@code node}; empty when absent or null. */
  static Optional<String> string(JsonNode node, String key, String source, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new ScenarioException(source, join(path, key), "expected a string");
    }
    return Optional.of(v.textValue());
  }

  /** The boolean at {@code key} of {@code node}; empty when absent or null. */
  static Optional<Boolean> bool(JsonNode node, String key, String source, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw new ScenarioException(source, join(path, key), "expected true or false");
    }
    return Optional.of(v.booleanValue());
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
