package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Arity;
import io.snapif.declaration.CheckKind;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of one policy check (installation of a snap, connection or auto-connection of a
 * plug and a slot) with its reasons. A denial is a decision, not an exception.
 *
 * <p>{@link #message()} is the short sentence snapd would print, e.g. {@code connection denied by
 * slot rule of interface "camera"}; {@link #reasons()} say which rule of which layer decided and
 * why, first reason first.
 */
@Value.Immutable
public abstract class Decision {
  public abstract CheckKind kind();

  public abstract boolean allowed();

  /** What was checked: {@code vlc}, {@code vlc:camera core:camera}. */
  public abstract String subject();

  /** The snapd-style sentence. */
  public abstract String message();

  public abstract ImmutableList<Reason> reasons();

  /** For an allowed auto-connection: the {@code slots-per-plug} of the allowing rule. */
  public abstract Optional<Arity> slotsPerPlug();

  /** For an allowed auto-connection: the {@code plugs-per-slot} of the allowing rule. */
  public abstract Optional<Arity> plugsPerSlot();

  public static ImmutableDecision.Builder builder() {
    return ImmutableDecision.builder();
  }

  @Override
  public String toString() {
    return (allowed() ? "allowed: " : "denied: ") + subject() + " (" + message() + ")";
  }
}
