package io.snapif.examples.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.model.Device;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A scenario of the scenario format: the system (classic or core, distro, model), the snaps it
 * knows by name and the operations to run. Read one with {@link ScenarioReader}; run it with
 * {@link ScenarioRunner}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Scenario {
  public abstract String name();

  public abstract Optional<String> description();

  /** A classic system ({@code true}, the default) or an Ubuntu Core style device. */
  @Value.Default
  public boolean classic() {
    return true;
  }

  /** The os-release id for {@code on-classic: [ids]} constraints. */
  @Value.Default
  public String distro() {
    return "ubuntu";
  }

  /** {@code model.brand-id}, when the scenario gives one. */
  public abstract Optional<String> brandId();

  /** {@code model.model}, when the scenario gives one. */
  public abstract Optional<String> modelName();

  /** {@code model.store}, when the scenario gives one. */
  public abstract Optional<String> store();

  /**
   * {@code model.gadget}, when the scenario gives one; else the seed's gadget snap becomes the
   * model's when seeding (and an Ubuntu Core device without one expects {@code pc}).
   */
  public abstract Optional<String> gadget();

  /** The snaps by name, in the order of the file. */
  public abstract ImmutableMap<String, SnapSpec> snaps();

  public abstract ImmutableList<ScenarioOp> ops();

  /**
   * The device policy sees. Without a model the brand and model are those of a generic classic
   * system ({@code generic}/{@code generic-classic}) or of a reference core device ({@code
   * canonical}/{@code pc}), and there is no store.
   */
  public final Device device() {
    return Device.builder()
        .classic(classic())
        .distro(distro())
        .brand(brandId().orElse(classic() ? "generic" : "canonical"))
        .model(modelName().orElse(classic() ? "generic-classic" : "pc"))
        .store(store())
        .gadget(gadget())
        .build();
  }

  public static ImmutableScenario.Builder builder() {
    return ImmutableScenario.builder();
  }
}
