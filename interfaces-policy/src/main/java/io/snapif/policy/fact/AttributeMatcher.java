package io.snapif.policy.fact;

import io.snapif.declaration.AttributeConstraint;
import io.snapif.declaration.AttributeConstraint.AnyOf;
import io.snapif.declaration.AttributeConstraint.MapOf;
import io.snapif.declaration.AttributeConstraint.Missing;
import io.snapif.declaration.AttributeConstraint.OtherSide;
import io.snapif.declaration.AttributeConstraint.Regex;
import io.snapif.policy.fact.ConstraintMatcher.AttributeContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Matches a {@code plug-attributes} / {@code slot-attributes} tree against attribute values the
 * way snapd's attribute matchers do:
 * <ul>
 *   <li>a regexp matches the whole text of a string, boolean ({@code true}/{@code false}) or
 *       integer; a float or a map never matches one;
 *   <li>a constraint (regexp, map or list of alternatives) applied to a LIST value must hold for
 *       every element (so an empty list matches);
 *   <li>every constrained key must be set, except under {@code $MISSING}, which wants it unset;
 *   <li>{@code $PLUG(path)} / {@code $SLOT(path)} need the value to equal that attribute of the
 *       plug / slot (there is no other side when installing: never matches then).
 * </ul>
 * Methods return null on a match, else the first failure (in words when asked).
 */
final class AttributeMatcher {
  private AttributeMatcher() {}

  /** Matches the root of a constraint tree; {@code context} is null when installing. */
  static Failure matchRoot(AttributeConstraint constraint,
      Function<String, Optional<Object>> lookup, AttributeContext context) {
    if (constraint instanceof MapOf map) {
      for (Map.Entry<String, AttributeConstraint> e : map.entries().entrySet()) {
        Failure failure = entry(e.getKey(), e.getValue(),
            lookup.apply(e.getKey()).orElse(null), context);
        if (failure != null) {
          return failure;
        }
      }
      return null;
    }
    if (constraint instanceof AnyOf any) {
      Failure first = null;
      for (AttributeConstraint alternative : any.alternatives()) {
        Failure failure = matchRoot(alternative, lookup, context);
        if (failure == null) {
          return null;
        }
        if (first == null) {
          first = failure;
        }
      }
      return first.after("no alternative matches: ");
    }
    return () -> "attribute constraints must be a map or a list of maps";
  }

  private static Failure entry(String path, AttributeConstraint constraint, Object value,
      AttributeContext context) {
    if (value == null && !(constraint instanceof Missing)) {
      return () -> "attribute \"" + path + "\" has constraints but is unset";
    }
    return match(constraint, path, value, context);
  }

  private static Failure match(AttributeConstraint constraint, String path, Object value,
      AttributeContext context) {
    if (constraint instanceof Missing) {
      return value == null ? null : () -> "attribute \"" + path + "\" must be missing but is set";
    }
    if (value instanceof List<?> list && !(constraint instanceof OtherSide)) {
      // Every element must satisfy the same constraint.
      for (int i = 0; i < list.size(); i++) {
        Failure failure = match(constraint, path + "." + i, list.get(i), context);
        if (failure != null) {
          return failure;
        }
      }
      return null;
    }
    if (constraint instanceof Regex regex) {
      return regex(regex, path, value);
    }
    if (constraint instanceof MapOf map) {
      if (!(value instanceof Map<?, ?> values)) {
        return () -> "attribute \"" + path + "\" must be a map";
      }
      for (Map.Entry<String, AttributeConstraint> e : map.entries().entrySet()) {
        Failure failure = entry(path + "." + e.getKey(), e.getValue(), values.get(e.getKey()),
            context);
        if (failure != null) {
          return failure;
        }
      }
      return null;
    }
    if (constraint instanceof AnyOf any) {
      Failure first = null;
      for (AttributeConstraint alternative : any.alternatives()) {
        Failure failure = match(alternative, path, value, context);
        if (failure == null) {
          return null;
        }
        if (first == null) {
          first = failure;
        }
      }
      return first.after("no alternative for attribute \"" + path + "\" matches: ");
    }
    return otherSide((OtherSide) constraint, path, value, context);
  }

  private static Failure regex(Regex regex, String path, Object value) {
    String text;
    if (value instanceof String s) {
      text = s;
    } else if (value instanceof Boolean || value instanceof Long) {
      text = value.toString();
    } else {
      return () -> "attribute \"" + path + "\" must be a scalar or list";
    }
    // The pattern carries snapd's anchors; a search is what Go's MatchString does.
    if (regex.pattern().matcher(text).find()) {
      return null;
    }
    return () -> "attribute \"" + path + "\" value \"" + text + "\" does not match \""
        + regex.source() + "\"";
  }

  private static Failure otherSide(OtherSide constraint, String path, Object value,
      AttributeContext context) {
    if (context == null) {
      return () -> "attribute \"" + path + "\" cannot be matched against "
          + reference(constraint) + " without the other side";
    }
    Optional<Object> other = context.attribute(constraint.side(), constraint.path());
    if (other.isEmpty()) {
      return () -> "attribute \"" + path + "\": " + reference(constraint) + " is not set";
    }
    Object expected = other.get();
    if (!expected.equals(value)) {
      return () -> "attribute \"" + path + "\" value " + text(value) + " does not match "
          + reference(constraint) + " " + text(expected);
    }
    return null;
  }

  /** {@code $SLOT(path)}, as the declaration spells it. */
  private static String reference(OtherSide constraint) {
    return "$" + constraint.side().name() + "(" + constraint.path() + ")";
  }

  private static String text(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
