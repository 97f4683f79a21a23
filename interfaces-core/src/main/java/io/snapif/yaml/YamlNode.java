package io.snapif.yaml;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A YAML document as snapd's parser (go-yaml v2) sees it: scalars already resolved to their YAML
 * 1.1 types, merge keys applied, aliases expanded, every node with its 1-based line.
 */
sealed interface YamlNode {
  int line();

  /** The YAML tag go-yaml names in its errors ({@code !!str}, {@code !!seq}, ...). */
  String tag();

  /**
   * The Go type go-yaml decodes this node to when the target is {@code interface{}}, as snapd's
   * {@code %T} prints it.
   */
  String goType();

  /** The marker value of a YAML null. */
  enum Null { NULL }

  /**
   * A scalar: its text as written and its resolved value: {@link String}, {@link Long},
   * {@link BigInteger} (an integer only an unsigned 64-bit fits), {@link Double},
   * {@link Boolean} or {@link Null#NULL}.
   */
  record Scalar(String text, Object value, int line) implements YamlNode {
    boolean isNull() {
      return value == Null.NULL;
    }

    /** The value when it is a string. */
    Optional<String> string() {
      return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    @Override
    public String tag() {
      if (value instanceof String) {
        return "!!str";
      } else if (value instanceof Long || value instanceof BigInteger) {
        return "!!int";
      } else if (value instanceof Double) {
        return "!!float";
      } else if (value instanceof Boolean) {
        return "!!bool";
      }
      return "!!null";
    }

    @Override
    public String goType() {
      if (value instanceof String) {
        return "string";
      } else if (value instanceof Long) {
        return "int";
      } else if (value instanceof BigInteger) {
        return "uint64";
      } else if (value instanceof Double) {
        return "float64";
      } else if (value instanceof Boolean) {
        return "bool";
      }
      return "<nil>";
    }
  }

  record Sequence(List<YamlNode> items, int line) implements YamlNode {
    @Override
    public String tag() {
      return "!!seq";
    }

    @Override
    public String goType() {
      return "[]interface {}";
    }
  }

  /** A mapping; keys are scalars and unique (by text), in document order. */
  record Mapping(List<Entry> entries, int line) implements YamlNode {
    @Override
    public String tag() {
      return "!!map";
    }

    @Override
    public String goType() {
      return "map[interface {}]interface {}";
    }

    /** The value of the entry whose key reads {@code key}, if any. */
    Optional<YamlNode> get(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return Optional.of(e.value());
        }
      }
      return Optional.empty();
    }
  }

  record Entry(Scalar key, YamlNode value) {}
}
