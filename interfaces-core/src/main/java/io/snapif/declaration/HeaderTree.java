package io.snapif.declaration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.yaml.DocumentTooLargeException;
import io.snapif.yaml.InputLimits;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declaration headers as the assertion format has them: every scalar is a string, the rest are
 * lists and maps (insertion-ordered). JSON booleans and numbers become the strings the assertion
 * format would hold ({@code "true"}, {@code "2"}); YAML scalars keep their text as written.
 */
final class HeaderTree {
  private static final YAMLFactory YAML =
      InputLimits.yamlFactory(InputLimits.MAX_METADATA_BYTES);

  private HeaderTree() {}

  /** A YAML document's top-level map and the line of each key path, for error messages. */
  record Document(ImmutableMap<String, Object> root, ImmutableMap<String, Integer> lines) {
    /** The line of {@code path} or of its nearest ancestor that has one, 0 if none. */
    int lineOf(String path) {
      return nearestLine(lines, path);
    }
  }

  private static int nearestLine(Map<String, Integer> lines, String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int slash = p.lastIndexOf('/');
      p = slash < 0 ? "" : p.substring(0, slash);
    }
    return 0;
  }

  /** Converts generic Java values (from JSON or YAML binding) to the header form. */
  static ImmutableMap<String, Object> fromJava(Map<String, ?> headers) {
    return asMap(convert(headers, ""), "");
  }

  private static Object convert(Object value, String path) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    if (value instanceof List<?> list) {
      ImmutableList.Builder<Object> out = ImmutableList.builder();
      for (int i = 0; i < list.size(); i++) {
        out.add(convert(list.get(i), join(path, Integer.toString(i))));
      }
      return out.build();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new DeclarationException(path, "map keys must be strings, not " + e.getKey());
        }
        out.put(key, convert(e.getValue(), join(path, key)));
      }
      return ImmutableMap.copyOf(out);
    }
    if (value == null) {
      throw new DeclarationException(path, "null is not allowed in declaration headers");
    }
    throw new DeclarationException(
        path,
        "unsupported value " + value + " (" + value.getClass().getSimpleName() + ")");
  }

  /**
   * Reads a YAML document whose top level is a map, keeping every scalar's text. Bounded by
   * {@link InputLimits}; an alias is refused (the assertion format has none).
   */
  static Document fromYaml(String text, String source) {
    try {
      InputLimits.checkSize(text, source, InputLimits.MAX_METADATA_BYTES);
    } catch (DocumentTooLargeException e) {
      throw new DeclarationException(source, 0, "", e.problem());
    }
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = InputLimits.refusingAliases(YAML.createParser(text))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new DeclarationException(source, 0, "", "empty document");
      }
      Object root = readValue(parser, "", lines);
      return new Document(asMap(root, ""), ImmutableMap.copyOf(lines));
    } catch (DeclarationException e) {
      throw e.source().isEmpty() ? e.locate(source, nearestLine(lines, e.path())) : e;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String problem = InputLimits.problem(e).orElseGet(
          () -> "invalid YAML: " + e.getOriginalMessage().strip().replaceAll("\\s+", " "));
      throw new DeclarationException(source, loc == null ? 0 : loc.getLineNr(), "", problem);
    } catch (IOException e) {
      throw new DeclarationException(source, 0, "", "cannot read YAML: " + e.getMessage());
    }
  }

  private static Object readValue(JsonParser parser, String path, Map<String, Integer> lines)
      throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> out = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          String keyPath = join(path, key);
          lines.put(keyPath, parser.currentTokenLocation().getLineNr());
          if (out.containsKey(key)) {
            throw new DeclarationException(keyPath, "duplicate key \"" + key + "\"");
          }
          parser.nextToken();
          out.put(key, readValue(parser, keyPath, lines));
        }
        return ImmutableMap.copyOf(out);
      }
      case START_ARRAY -> {
        ImmutableList.Builder<Object> out = ImmutableList.builder();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          String itemPath = join(path, Integer.toString(i++));
          lines.put(itemPath, parser.currentTokenLocation().getLineNr());
          out.add(readValue(parser, itemPath, lines));
        }
        return out.build();
      }
      case VALUE_NULL -> throw new DeclarationException(path, "a value is required");
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
        return parser.getText();
      }
      default -> throw new DeclarationException(path, "unexpected YAML content " + token);
    }
  }

  @SuppressWarnings("unchecked")
  private static ImmutableMap<String, Object> asMap(Object value, String path) {
    if (value instanceof ImmutableMap<?, ?> map) {
      return (ImmutableMap<String, Object>) map;
    }
    throw new DeclarationException(path, "the declaration must be a map of headers");
  }

  /** {@code parent/child}, or {@code child} at the top. */
  static String join(String parent, String child) {
    // String.join rather than +: nothing to link on first use, which costs milliseconds at start
    return parent.isEmpty() ? child : String.join("/", parent, child);
  }
}
