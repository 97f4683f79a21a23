package io.snapif.catalog.sanitizers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes strings and attribute values the way snapd's (Go) messages do, so that reasons such as
 * {@code unknown interface "pcscd"} read exactly as snapd prints them: {@link #quote} is Go's
 * {@code %q}, {@link #value} is {@code %v} and {@link #typeName} is {@code %T} of an attribute
 * value.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoText {
  private GoText() {}

  /**
   * {@code s} in double quotes, with {@code "} and {@code \} escaped and non-printable
   * characters written as Go escapes ({@code \n}, {@code \x00}, {@code \u00a0}, ...).
   */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendQuoted(out, cp));
    return out.append('"').toString();
  }

  private static void appendQuoted(StringBuilder out, int cp) {
    switch (cp) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case 7 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 11 -> out.append("\\v");
      default -> {
        if (isPrintable(cp)) {
          out.appendCodePoint(cp);
        } else if (cp < 0x80) {
          out.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          out.append(String.format("\\u%04x", cp));
        } else {
          out.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  /**
   * An attribute value as Go's {@code %v} prints it: strings bare, lists as {@code [a b]}, maps
   * as {@code map[k:v]} with sorted keys, floats in Go's shortest form ({@code 1e+06}).
   */
  public static String value(Object v) {
    StringBuilder out = new StringBuilder();
    appendValue(out, v);
    return out.toString();
  }

  private static void appendValue(StringBuilder out, Object v) {
    if (v instanceof Double d) {
      out.append(formatFloat(d));
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        appendValue(out, list.get(i));
      }
      out.append(']');
    } else if (v instanceof Map<?, ?> map) {
      out.append("map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : sortedByKey(map).entrySet()) {
        if (!first) {
          out.append(' ');
        }
        first = false;
        out.append(e.getKey()).append(':');
        appendValue(out, e.getValue());
      }
      out.append(']');
    } else if (v == null) {
      out.append("<nil>");
    } else {
      out.append(v);
    }
  }

  private static TreeMap<String, Object> sortedByKey(Map<?, ?> map) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    map.forEach((k, val) -> sorted.put(String.valueOf(k), val));
    return sorted;
  }

  /**
   * The Go type snapd holds an attribute value as ({@code string}, {@code int64},
   * {@code float64}, {@code bool}, {@code []interface {}}, {@code map[string]interface {}}).
   */
  public static String typeName(Object v) {
    if (v instanceof String) {
      return "string";
    } else if (v instanceof Long) {
      return "int64";
    } else if (v instanceof Double) {
      return "float64";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof List<?>) {
      return "[]interface {}";
    } else if (v instanceof Map<?, ?>) {
      return "map[string]interface {}";
    }
    return v == null ? "<nil>" : v.getClass().getSimpleName();
  }

  /** A float as Go's {@code %v}: shortest digits, exponent form below 1e-4 or from 1e+06 on. */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal dec = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = dec.unscaledValue().toString();
    int exp = digits.length() - dec.scale() - 1;
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    if (exp < -4 || exp >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exp < 0 ? '-' : '+');
      int abs = Math.abs(exp);
      out.append(abs < 10 ? "0" + abs : String.valueOf(abs));
    } else if (exp < 0) {
      out.append("0.").append("0".repeat(-exp - 1)).append(digits);
    } else if (digits.length() <= exp + 1) {
      out.append(digits).append("0".repeat(exp + 1 - digits.length()));
    } else {
      out.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
    }
    return out.toString();
  }
}
