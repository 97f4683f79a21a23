package io.snapif.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A snap as the interface system sees it: identity, type, revision and the plugs and slots it
 * declares. Read one from snap.yaml with {@code io.snapif.yaml.SnapYaml}.
 *
 * <p>{@link #snapId()} and {@link #publisherId()} are store identities; a snap installed locally
 * ({@code --dangerous}) has neither. {@link #badInterfaces()} lists the plugs and slots that were
 * dropped while reading (unknown interface, attributes the interface rejects) with the reason.
 */
@Value.Immutable
public abstract class Snap {
  public abstract String name();

  @Value.Default
  public SnapType type() {
    return SnapType.APP;
  }

  @Value.Default
  public String version() {
    return "";
  }

  @Value.Default
  public int revision() {
    return 1;
  }

  public abstract Optional<String> snapId();

  public abstract Optional<String> publisherId();

  /** Plugs by name. */
  public abstract ImmutableMap<String, Plug> plugs();

  /** Slots by name. */
  public abstract ImmutableMap<String, Slot> slots();

  /** Apps by name, with their plug and slot bindings. */
  public abstract ImmutableMap<String, App> apps();

  /** Hooks by name, with their plug bindings. */
  public abstract ImmutableMap<String, App> hooks();

  /** Dropped plugs and slots by name, each with why it was dropped. */
  public abstract ImmutableMap<String, String> badInterfaces();

  public static ImmutableSnap.Builder builder() {
    return ImmutableSnap.builder();
  }

  /** Whether this is a system snap ({@code os} or {@code snapd} type). */
  public final boolean isSystemSnap() {
    return type() == SnapType.OS || type() == SnapType.SNAPD;
  }

  @Value.Check
  protected void check() {
    plugs().forEach((k, p) -> Preconditions.checkArgument(
        k.equals(p.name()) && p.snap().equals(name()),
        "plug %s does not belong to snap %s under that name", p.ref(), name()));
    slots().forEach((k, s) -> Preconditions.checkArgument(
        k.equals(s.name()) && s.snap().equals(name()),
        "slot %s does not belong to snap %s under that name", s.ref(), name()));
  }
}
