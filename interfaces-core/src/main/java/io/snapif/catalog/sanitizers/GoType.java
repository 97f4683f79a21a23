package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Go type an attribute is read into, with the conversion snapd applies when an interface reads
 * {@code attrs.Attr(key, &out)}: a value converts when it has that shape ({@code []string} takes a
 * list whose elements are all strings, and so on). Only the types the sanitizers read exist.
 */
record GoType(String name, Kind kind, GoType element) {
  enum Kind { STRING, INT64, BOOL, ANY, LIST, MAP }

  static final GoType STRING = new GoType("string", Kind.STRING, null);
  static final GoType INT64 = new GoType("int64", Kind.INT64, null);
  static final GoType BOOL = new GoType("bool", Kind.BOOL, null);
  static final GoType ANY = new GoType("interface {}", Kind.ANY, null);

  static GoType listOf(GoType element) {
    return new GoType("[]" + element.name, Kind.LIST, element);
  }

  static GoType mapOf(GoType element) {
    return new GoType("map[string]" + element.name, Kind.MAP, element);
  }

  boolean accepts(Object v) {
    return switch (kind) {
      case STRING -> v instanceof String;
      case INT64 -> v instanceof Long;
      case BOOL -> v instanceof Boolean;
      case ANY -> true;
      case LIST -> v instanceof List<?> l && l.stream().allMatch(element::accepts);
      case MAP -> v instanceof Map<?, ?> m && m.values().stream().allMatch(element::accepts);
    };
  }

  /**
   * The attribute at {@code key} if present and convertible; empty if absent.
   *
   * @throws AttributeCheckException in snapd's words if present but not convertible
   */
  Optional<Object> read(Attributes attrs, String key, String snap, String iface) {
    Optional<Object> v = attrs.get(key);
    if (v.isPresent() && !accepts(v.get())) {
      throw new AttributeCheckException(String.format(
          "snap %s has interface %s with invalid value type %s for %s attribute: *%s",
          GoText.quote(snap), GoText.quote(iface), GoText.typeName(v.get()), GoText.quote(key),
          name));
    }
    return v;
  }

  /**
   * The attribute at {@code key}, converted.
   *
   * @throws AttributeCheckException in snapd's words if absent or not convertible
   */
  Object require(Attributes attrs, String key, String snap, String iface) {
    return read(attrs, key, snap, iface).orElseThrow(() -> new AttributeCheckException(
        String.format("snap %s does not have attribute %s for interface %s",
            GoText.quote(snap), GoText.quote(key), GoText.quote(iface))));
  }

  /** Whether the attribute is present and convertible (errors ignored, as snapd often does). */
  boolean readable(Attributes attrs, String key) {
    return attrs.get(key).filter(this::accepts).isPresent();
  }
}
