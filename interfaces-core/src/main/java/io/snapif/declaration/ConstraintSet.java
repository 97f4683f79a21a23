package io.snapif.declaration;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One alternative of a rule value: a map of constraints that must all match. Absent keys do not
 * constrain; an empty set matches everything (the {@code true} of a rule key).
 *
 * <p>List-valued keys are alternatives (any entry matching is a match). Snap types are the policy
 * names ({@code app}, {@code gadget}, {@code kernel}, {@code base}, {@code core}, {@code snapd}).
 * Publisher lists may hold {@code $PLUG_PUBLISHER_ID} / {@code $SLOT_PUBLISHER_ID}; name lists
 * hold anchored regexps or {@code $INTERFACE}.
 */
@Value.Immutable
public abstract class ConstraintSet {
  public abstract Optional<ImmutableList<String>> plugSnapTypes();

  public abstract Optional<ImmutableList<String>> slotSnapTypes();

  public abstract Optional<ImmutableList<String>> plugSnapIds();

  public abstract Optional<ImmutableList<String>> slotSnapIds();

  public abstract Optional<ImmutableList<String>> plugPublisherIds();

  public abstract Optional<ImmutableList<String>> slotPublisherIds();

  /** A {@link AttributeConstraint.MapOf} (or {@link AttributeConstraint.AnyOf} of them). */
  public abstract Optional<AttributeConstraint> plugAttributes();

  public abstract Optional<AttributeConstraint> slotAttributes();

  public abstract Optional<ImmutableList<String>> plugNames();

  public abstract Optional<ImmutableList<String>> slotNames();

  public abstract Optional<OnClassic> onClassic();

  public abstract Optional<ImmutableList<String>> onStore();

  public abstract Optional<ImmutableList<String>> onBrand();

  /** {@code brand/model} entries. */
  public abstract Optional<ImmutableList<String>> onModel();

  public abstract Optional<Arity> slotsPerPlug();

  public abstract Optional<Arity> plugsPerSlot();

  public static ImmutableConstraintSet.Builder builder() {
    return ImmutableConstraintSet.builder();
  }

  /** The set with no constraints, matching everything. */
  public static ConstraintSet any() {
    return builder().build();
  }
}
