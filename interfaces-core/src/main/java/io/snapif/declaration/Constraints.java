package io.snapif.declaration;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * The value of one rule key ({@code allow-connection}, ...): alternatives, any one matching is a
 * match. {@code true} is one empty alternative; {@code false} is no alternative at all.
 *
 * <p>{@link #form()} tells how the value was written, for explaining decisions; it does not take
 * part in equality.
 */
@Value.Immutable
public abstract class Constraints {
  /** How a rule key's value came about. */
  public enum Form {
    /** The key is absent from the rule: allow keys default to true, deny keys to false. */
    DEFAULT,
    /** The key was written as {@code true} or {@code false}. */
    LITERAL,
    /** The whole rule was written as {@code true} or {@code false}. */
    RULE_SHORTCUT,
    /** A constraints map or a list of alternative maps. */
    CONSTRAINTS
  }

  @Value.Parameter
  public abstract ImmutableList<ConstraintSet> alternatives();

  /** How the value was written; {@link Form#CONSTRAINTS} unless set otherwise. */
  @Value.Default
  @Value.Auxiliary
  public Form form() {
    return Form.CONSTRAINTS;
  }

  public static Constraints of(Iterable<? extends ConstraintSet> alternatives) {
    return ImmutableConstraints.of(ImmutableList.copyOf(alternatives));
  }

  /**
   * {@code alternatives} recorded as written in {@code form} (e.g. when reading a stored
   * declaration back).
   */
  public static Constraints of(Iterable<? extends ConstraintSet> alternatives, Form form) {
    return ImmutableConstraints.of(ImmutableList.copyOf(alternatives)).withForm(form);
  }

  /** {@code true}: matches everything (form {@link Form#DEFAULT}). */
  public static Constraints always() {
    return Defaults.ALWAYS;
  }

  /** {@code false}: matches nothing (form {@link Form#DEFAULT}). */
  public static Constraints never() {
    return Defaults.NEVER;
  }

  // Made once: rules answer absent keys with them on every policy check.
  private static final class Defaults {
    static final Constraints ALWAYS =
        ImmutableConstraints.of(ImmutableList.of(ConstraintSet.any())).withForm(Form.DEFAULT);
    static final Constraints NEVER =
        ImmutableConstraints.of(ImmutableList.<ConstraintSet>of()).withForm(Form.DEFAULT);
  }

  /** {@code true} or {@code false} as written in a declaration, with the given form. */
  static Constraints written(boolean value, Form form) {
    return ImmutableConstraints.copyOf(value ? always() : never()).withForm(form);
  }

  /** The constraints {@code alternatives} as written in a declaration (form CONSTRAINTS). */
  static Constraints written(ImmutableList<ConstraintSet> alternatives) {
    return ImmutableConstraints.of(alternatives);
  }

  public final boolean isAlways() {
    return alternatives().size() == 1 && alternatives().get(0).equals(ConstraintSet.any());
  }

  public final boolean isNever() {
    return alternatives().isEmpty();
  }
}
