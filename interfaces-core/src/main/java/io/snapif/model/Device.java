package io.snapif.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The device the system runs on, as policy sees it: a classic distribution or an Ubuntu Core
 * style device, the os-release id (for {@code on-classic: [ids]}), and the model's brand, model
 * and store (for {@code on-brand}, {@code on-model}, {@code on-store}).
 */
@Value.Immutable
public abstract class Device {
  @Value.Default
  public boolean classic() {
    return true;
  }

  @Value.Default
  public String distro() {
    return "ubuntu";
  }

  public abstract Optional<String> brand();

  public abstract Optional<String> model();

  public abstract Optional<String> store();

  public static ImmutableDevice.Builder builder() {
    return ImmutableDevice.builder();
  }

  /** A classic Ubuntu system without a model. */
  public static Device classicUbuntu() {
    return builder().build();
  }
}
