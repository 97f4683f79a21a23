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
 *
 * <p>As parsed by {@link DeclarationParser}: only the keys snapd reads for the rule kind and side
 * are kept (others are dropped, see {@link Declaration#ignoredKeys()}); an empty snap-type, snap-id
 * or publisher list is treated as absent, as snapd does; an empty {@code plug-names} /
 * {@code slot-names} list is kept and matches no name; an empty {@code on-store} / {@code on-brand}
 * / {@code on-model} list is kept and does not constrain. {@link #slotsPerPlug()} and {@link
 * #plugsPerSlot()} are as written; {@link #effectiveSlotsPerPlug} gives what snapd applies.
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

  /**
   * The slots-per-plug snapd applies when this set matched in the allow key of {@code kind}: for
   * auto-connection {@code *} if written so, otherwise 1 (any written count counts as 1, and so
   * does no value); for connection always {@code *}. Installation has no arity ({@code *}).
   */
  public final Arity effectiveSlotsPerPlug(CheckKind kind) {
    if (kind != CheckKind.AUTO_CONNECTION) {
      return Arity.any();
    }
    return slotsPerPlug().filter(Arity::isAny).isPresent() ? Arity.any() : Arity.one();
  }

  /** The plugs-per-slot snapd applies: always {@code *} in snapd 2.57.6, whatever is written. */
  public final Arity effectivePlugsPerSlot() {
    return Arity.any();
  }

  public static ImmutableConstraintSet.Builder builder() {
    return ImmutableConstraintSet.builder();
  }

  /** The set with no constraints, matching everything. */
  public static ConstraintSet any() {
    return Any.SET;
  }

  // Made once: the policy asks for it on every check a rule does not constrain.
  private static final class Any {
    static final ConstraintSet SET = builder().build();
  }
}
