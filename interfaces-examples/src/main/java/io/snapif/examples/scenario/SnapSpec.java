package io.snapif.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A snap as a scenario describes it ({@code snaps.NAME}): its snap.yaml text, store identities,
 * snap-declaration headers, whether it is a local ({@code --dangerous}) install and, for a
 * gadget, its gadget.yaml text. The documents are kept as text and read when an op uses the snap,
 * so a bad one fails that op ({@code invalid-snap}) rather than the whole scenario.
 */
@Value.Immutable
public abstract class SnapSpec {
  /** The key of the snap in {@code snaps}. */
  public abstract String name();

  /** The snap.yaml text. */
  public abstract String yaml();

  /** The snap-id; {@code <name>-id} when absent (and none when dangerous). */
  public abstract Optional<String> snapId();

  /** The publisher-id; {@code dev-<name>} when absent (and none when dangerous). */
  public abstract Optional<String> publisherId();

  /** The snap-declaration headers ({@code plugs}, {@code slots}); read-only. */
  public abstract Optional<JsonNode> declaration();

  @Value.Default
  public boolean dangerous() {
    return false;
  }

  /** The gadget.yaml text of a gadget snap. */
  public abstract Optional<String> gadgetYaml();

  /** The snap-id the snap gets: none for a dangerous snap, else the given or default one. */
  public final Optional<String> effectiveSnapId() {
    return dangerous() ? Optional.empty() : Optional.of(snapId().orElse(name() + "-id"));
  }

  /** The publisher-id the snap gets: none for a dangerous snap, else the given or default. */
  public final Optional<String> effectivePublisherId() {
    return dangerous() ? Optional.empty() : Optional.of(publisherId().orElse("dev-" + name()));
  }

  public static ImmutableSnapSpec.Builder builder() {
    return ImmutableSnapSpec.builder();
  }
}
