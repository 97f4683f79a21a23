package io.snapif.yaml;

import com.google.common.collect.ImmutableList;
import io.snapif.yaml.YamlNode.Mapping;
import io.snapif.yaml.YamlNode.Scalar;
import io.snapif.yaml.YamlNode.Sequence;
import java.util.List;
import java.util.Optional;

/**
 * Decoding of typed fields the way go-yaml fills a Go struct: any scalar fits a string field
 * (as its text; null as ""), a list field wants a sequence, a map field a mapping; a missing or
 * null field is the zero value. Type mismatches are reported with go-yaml's wording.
 */
final class Decode {
  private Decode() {}

  static String text(YamlNode node, String path) {
    if (node instanceof Scalar s) {
      return s.isNull() ? "" : s.text();
    }
    throw typeError(node, path, "string");
  }

  static String text(Mapping map, String key, String path) {
    return map.get(key).map(n -> text(n, join(path, key))).orElse("");
  }

  static ImmutableList<String> texts(Mapping map, String key, String path) {
    Optional<YamlNode> node = map.get(key);
    if (node.isEmpty() || node.get() instanceof Scalar s && s.isNull()) {
      return ImmutableList.of();
    }
    String at = join(path, key);
    if (!(node.get() instanceof Sequence seq)) {
      throw typeError(node.get(), at, "[]string");
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (int i = 0; i < seq.items().size(); i++) {
      out.add(text(seq.items().get(i), at + "[" + i + "]"));
    }
    return out.build();
  }

  /** The mapping at {@code key}; an empty one when absent or null. */
  static Mapping mapping(Mapping map, String key, String path, String goType) {
    return map.get(key).map(n -> mapping(n, join(path, key), goType))
        .orElse(new Mapping(List.of(), map.line()));
  }

  static Mapping mapping(YamlNode node, String path, String goType) {
    if (node instanceof Mapping m) {
      return m;
    }
    if (node instanceof Scalar s && s.isNull()) {
      return new Mapping(List.of(), s.line());
    }
    throw typeError(node, path, goType);
  }

  static YamlProblem typeError(YamlNode node, String path, String goType) {
    String what = node instanceof Scalar s ? s.tag() + " `" + s.text() + "`" : node.tag();
    return new YamlProblem(node.line(), path, "cannot unmarshal " + what + " into " + goType);
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
