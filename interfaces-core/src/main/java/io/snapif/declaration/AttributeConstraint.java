package io.snapif.declaration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.re2j.Pattern;

/**
 * One node of a {@code plug-attributes} / {@code slot-attributes} constraint tree.
 *
 * <ul>
 *   <li>{@link Regex}: a scalar written in the declaration, an anchored regular expression the
 *       attribute's value (as text) must match;
 *   <li>{@link Missing}: {@code $MISSING}, the attribute must be absent;
 *   <li>{@link OtherSide}: {@code $PLUG(path)} / {@code $SLOT(path)}, the value must equal the
 *       other end's attribute at {@code path};
 *   <li>{@link AnyOf}: a list, any alternative matching is a match;
 *   <li>{@link MapOf}: a map, each key's constraint must match the value under that key.
 * </ul>
 */
public sealed interface AttributeConstraint {

  /**
   * An anchored regular expression over the attribute's text form. Test it with {@code
   * pattern().matcher(text).find()}: the pattern carries snapd's anchors, and like Go's {@code
   * MatchString} a search is what snapd does (it differs from {@code matches()} only for odd
   * sources such as {@code a)|(b} that escape the anchoring).
   */
  record Regex(String source, Pattern pattern) implements AttributeConstraint {
    /**
     * Compiles {@code source}, a regexp in snapd's (Go) syntax, anchored as snapd anchors it.
     *
     * @throws DeclarationException if it is not a valid regexp
     */
    public static Regex compile(String source) {
      return new Regex(source, GoRegexp.compileAnchored(source, "", "regexp"));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Regex r && r.source.equals(source);
    }

    @Override
    public int hashCode() {
      return source.hashCode();
    }
  }

  /** {@code $MISSING}. */
  record Missing() implements AttributeConstraint {}

  /** {@code $PLUG(path)} or {@code $SLOT(path)}: equal to the other end's attribute. */
  record OtherSide(Side side, String path) implements AttributeConstraint {}

  /** A list of alternatives. */
  record AnyOf(ImmutableList<AttributeConstraint> alternatives) implements AttributeConstraint {}

  /**
   * A map of constraints by attribute name. snapd looks the keys of the first level up as dotted
   * paths in the attributes ({@code a.b}), the keys of nested maps as plain keys.
   */
  record MapOf(ImmutableMap<String, AttributeConstraint> entries) implements AttributeConstraint {}
}
