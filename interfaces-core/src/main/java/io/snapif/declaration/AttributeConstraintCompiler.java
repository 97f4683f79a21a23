package io.snapif.declaration;

import static io.snapif.declaration.HeaderTree.join;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link AttributeConstraint} tree of a {@code plug-attributes} / {@code
 * slot-attributes} value, with snapd's rules: the first level is a map (or a list of alternative
 * maps), scalars are anchored regexps, {@code $MISSING}, {@code $PLUG(path)} or {@code
 * $SLOT(path)}, lists are alternatives that cannot directly hold lists.
 */
final class AttributeConstraintCompiler {
  // $OP(arg) or $OP(arg1,arg2): the second form is recognised only to reject it clearly
  private static final Pattern EVAL = Pattern.compile("\\$([A-Z]+)\\(([^,]+)(?:,([^,]+))?\\)");

  private AttributeConstraintCompiler() {}

  /** The constraint tree of {@code value}, written at {@code path}. */
  static AttributeConstraint compile(Object value, String path) {
    return compile(value, path, false, false);
  }

  /**
   * @param underMap whether some map encloses this value (scalars need an attribute name)
   * @param inAlternatives whether this value is directly an alternative of a list
   */
  private static AttributeConstraint compile(
      Object value, String path, boolean underMap, boolean inAlternatives) {
    if (value instanceof Map<?, ?> map) {
      ImmutableMap.Builder<String, AttributeConstraint> entries = ImmutableMap.builder();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = (String) e.getKey();
        entries.put(key, compile(e.getValue(), join(path, key), true, false));
      }
      return new AttributeConstraint.MapOf(entries.build());
    }
    if (value instanceof List<?> list) {
      if (inAlternatives) {
        throw new DeclarationException(path, "cannot nest alternative constraints directly");
      }
      ImmutableList.Builder<AttributeConstraint> alternatives = ImmutableList.builder();
      for (int i = 0; i < list.size(); i++) {
        alternatives.add(compile(list.get(i), join(path, Integer.toString(i)), underMap, true));
      }
      return new AttributeConstraint.AnyOf(alternatives.build());
    }
    if (value instanceof String s) {
      if (!underMap) {
        throw new DeclarationException(
            path,
            "the first level of attribute constraints must be a map of attribute names to"
                + " constraints (or a list of such maps)");
      }
      if (s.equals("$MISSING")) {
        return new AttributeConstraint.Missing();
      }
      if (s.startsWith("$")) {
        return otherSide(s, path);
      }
      return new AttributeConstraint.Regex(s, GoRegexp.compileAnchored(s, path, "regexp"));
    }
    throw new DeclarationException(
        path, "constraint must be a key-value map, a regexp or a list of alternative constraints");
  }

  private static AttributeConstraint otherSide(String s, String path) {
    Matcher m = EVAL.matcher(s);
    if (!m.matches() || !(m.group(1).equals("PLUG") || m.group(1).equals("SLOT"))) {
      throw new DeclarationException(
          path, "cannot compile constraint \"" + s + "\": not a valid $SLOT()/$PLUG() constraint");
    }
    if (m.group(3) != null) {
      throw new DeclarationException(
          path,
          "cannot compile constraint \"" + s + "\": $" + m.group(1)
              + "() constraint expects 1 argument");
    }
    Side side = m.group(1).equals("PLUG") ? Side.PLUG : Side.SLOT;
    return new AttributeConstraint.OtherSide(side, m.group(2));
  }
}
