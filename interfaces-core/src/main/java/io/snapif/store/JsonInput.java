package io.snapif.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.snapif.spi.StateStoreException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON node with the path that led to it ({@code data.snaps[2].plugs.camera}), so that every
 * complaint about stored JSON says where the problem is. Reading the wrong type or a missing
 * required field throws {@link StateStoreException}.
 */
final class JsonInput {
  private final JsonNode node;
  private final String path;

  JsonInput(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  JsonNode node() {
    return node;
  }

  StateStoreException problem(String what) {
    return new StateStoreException((path.isEmpty() ? "" : path + ": ") + what);
  }

  JsonInput field(String name) {
    return optField(name).orElseThrow(() -> problem("missing \"" + name + "\""));
  }

  Optional<JsonInput> optField(String name) {
    if (!node.isObject()) {
      throw problem("expected an object");
    }
    JsonNode child = node.get(name);
    return child == null || child.isNull() ? Optional.empty()
        : Optional.of(new JsonInput(child, sub(name)));
  }

  String text() {
    if (!node.isTextual()) {
      throw problem("expected a string");
    }
    return node.textValue();
  }

  boolean bool() {
    if (!node.isBoolean()) {
      throw problem("expected true or false");
    }
    return node.booleanValue();
  }

  long integer() {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw problem("expected an integer");
    }
    return node.longValue();
  }

  /** An optional boolean field, false when absent (snapd's omitempty flags). */
  boolean flag(String name) {
    return optField(name).map(JsonInput::bool).orElse(false);
  }

  List<JsonInput> array() {
    if (!node.isArray()) {
      throw problem("expected a list");
    }
    List<JsonInput> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonInput(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  List<String> texts() {
    return array().stream().map(JsonInput::text).toList();
  }

  /** The fields of an object, in file order. */
  Map<String, JsonInput> object() {
    if (!node.isObject()) {
      throw problem("expected an object");
    }
    Map<String, JsonInput> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), new JsonInput(e.getValue(), sub(e.getKey())));
    }
    return out;
  }

  private String sub(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
