package io.snapif.catalog.sanitizers;

import com.google.common.collect.ImmutableMap;
import io.snapif.model.SnapType;
import org.immutables.value.Value;

/**
 * What an attribute check may know about the snap that declares the plug or slot: its name and
 * type, and the interface of every plug and slot it declares (before any is dropped), which
 * shared-memory consults.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class SnapContext {
  public abstract String snapName();

  @Value.Default
  public SnapType snapType() {
    return SnapType.APP;
  }

  /** Interface of each declared plug, by plug name. */
  public abstract ImmutableMap<String, String> plugInterfaces();

  /** Interface of each declared slot, by slot name. */
  public abstract ImmutableMap<String, String> slotInterfaces();

  public static ImmutableSnapContext.Builder builder() {
    return ImmutableSnapContext.builder();
  }

  /** An app snap named {@code snapName} about which nothing else is known. */
  public static SnapContext of(String snapName) {
    return builder().snapName(snapName).build();
  }
}
