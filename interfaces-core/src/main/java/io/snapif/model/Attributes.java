package io.snapif.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes of a plug or slot: a map from name to a typed value, as snap.yaml declares it.
 *
 * <p>Values are normalized on construction to exactly these Java types: {@link String},
 * {@link Long} (every YAML integer), {@link Double}, {@link Boolean}, {@link ImmutableList} of
 * values and {@link ImmutableMap} from {@link String} to values (nested). Anything else (nulls
 * included) is rejected, so code reading attributes can switch on these types alone.
 *
 * <p>Immutable and thread-safe. {@code get("a.b")} looks up nested maps by dotted path.
 */
public final class Attributes {
  private static final Attributes EMPTY = new Attributes(ImmutableMap.of());

  private final ImmutableMap<String, Object> values;

  private Attributes(ImmutableMap<String, Object> values) {
    this.values = values;
  }

  /** No attributes. */
  public static Attributes empty() {
    return EMPTY;
  }

  /**
   * Attributes holding a copy of {@code values}, normalized as the class comment says.
   *
   * @throws IllegalArgumentException if a value (at any depth) is null or of another type
   */
  public static Attributes of(Map<String, ?> values) {
    if (values.isEmpty()) {
      return EMPTY;
    }
    @SuppressWarnings("unchecked")
    ImmutableMap<String, Object> normalized = (ImmutableMap<String, Object>) normalize(values, "");
    return new Attributes(normalized);
  }

  /**
   * Normalizes one attribute value (see the class comment).
   *
   * @throws IllegalArgumentException if it is null or of an unsupported type
   */
  public static Object normalize(Object value, String path) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof java.math.BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof List<?> list) {
      ImmutableList.Builder<Object> out = ImmutableList.builderWithExpectedSize(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(normalize(list.get(i), path + "[" + i + "]"));
      }
      return out.build();
    }
    if (value instanceof Map<?, ?> map) {
      ImmutableMap.Builder<String, Object> out = ImmutableMap.builderWithExpectedSize(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "attribute key " + e.getKey() + " at \"" + path + "\" is not a string");
        }
        String sub = path.isEmpty() ? key : path + "." + key;
        out.put(key, normalize(e.getValue(), sub));
      }
      return out.buildOrThrow();
    }
    throw new IllegalArgumentException(
        "attribute \"" + path + "\" has unsupported value "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  /** The attributes as an immutable map (values as described in the class comment). */
  public ImmutableMap<String, Object> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The value at a dotted path ({@code "a.b"} is key {@code b} of the map at {@code a}). */
  public Optional<Object> get(String dottedPath) {
    Object current = values;
    for (String part : dottedPath.split("\\.", -1)) {
      if (!(current instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      current = map.get(part);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** The string value at {@code dottedPath}, if there is one and it is a string. */
  public Optional<String> getString(String dottedPath) {
    return get(dottedPath).filter(String.class::isInstance).map(String.class::cast);
  }

  /** A copy with {@code key} set to {@code value} (normalized). */
  public Attributes with(String key, Object value) {
    ImmutableMap.Builder<String, Object> b = ImmutableMap.builder();
    values.forEach((k, v) -> {
      if (!k.equals(key)) {
        b.put(k, v);
      }
    });
    b.put(key, normalize(value, key));
    return new Attributes(b.buildOrThrow());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
