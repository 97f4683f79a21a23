package io.snapif.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The device the system runs on, as policy sees it: a classic distribution or an Ubuntu Core
 * style device, the os-release id (for {@code on-classic: [ids]}), the model's brand, model
 * and store (for {@code on-brand}, {@code on-model}, {@code on-store}), and the gadget snap the
 * model names.
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

  /**
   * The gadget snap the model names, when it names one. When absent, seeding names the seed's
   * gadget snap here; an Ubuntu Core device whose model names none expects {@code pc} (see
   * {@link #expectedGadget()}).
   */
  public abstract Optional<String> gadget();

  /**
   * The only gadget snap that may be installed: the model's {@link #gadget()}, else {@code pc}
   * on an Ubuntu Core device; empty on a classic system whose model names none (any gadget
   * snap may be installed there).
   */
  public final Optional<String> expectedGadget() {
    return gadget().isPresent() || classic() ? gadget() : Optional.of("pc");
  }

  public static ImmutableDevice.Builder builder() {
    return ImmutableDevice.builder();
  }

  /** A classic Ubuntu system without a model. */
  public static Device classicUbuntu() {
    return builder().build();
  }
}
