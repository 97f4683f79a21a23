package io.snapif.manager;

import static io.snapif.manager.Fixtures.IMPLICIT;
import static io.snapif.manager.Fixtures.POLICY;
import static io.snapif.manager.Fixtures.assertFails;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.refresh;
import static io.snapif.testing.Ops.remove;
import static io.snapif.testing.Ops.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.SnapType;
import io.snapif.store.FileStateStore;
import io.snapif.testing.Snaps;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device's model names one gadget snap; installing another is refused before any policy
 * check, as snapd 2.57.6 refuses it (the worked scenarios lifecycle-core-201/204/207).
 */
class ModelGadgetTest {
  private static final Device CORE = Device.builder().classic(false).build();

  @TempDir Path dir;

  private static DefaultInterfaceManager manager(Device device) {
    return (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(POLICY).implicitInterfaces(IMPLICIT).device(device).build();
  }

  private static InstalledSnap gadget(String name) {
    return Snaps.snap(name).type(SnapType.GADGET).slots("serial=serial-port").build();
  }

  @Test
  void coreDeviceWithoutSeed_expectsPc() {
    DefaultInterfaceManager m = manager(CORE);

    assertFails(m, install(gadget("pi")), ErrorKind.INSTALL_DENIED,
        "cannot install gadget \"pi\", model assertion requests \"pc\"");
    m.apply(install(gadget("pc")));
    assertThat(m.state().snap("pc")).isPresent();
  }

  @Test
  void classicDeviceWithoutModelGadget_installsAnyGadget() {
    DefaultInterfaceManager m = manager(Device.classicUbuntu());

    m.apply(install(gadget("pi")));
    m.apply(install(gadget("pc-desktop")));

    assertThat(m.state().snap("pi")).isPresent();
    assertThat(m.state().snap("pc-desktop")).isPresent();
    assertThat(m.state().device().gadget()).isEmpty();
  }

  @Test
  void seed_namesItsGadgetAsTheModels_onClassicAndCore() {
    for (Device device : new Device[] {Device.classicUbuntu(), CORE}) {
      DefaultInterfaceManager m = manager(device);
      m.apply(seed(gadget("pi"), Snaps.snap("app").plugs("network").build()));

      assertThat(m.state().device().gadget()).as("classic=%s", device.classic()).contains("pi");
      assertFails(m, install(gadget("pc")), ErrorKind.INSTALL_DENIED,
          "cannot install gadget \"pc\", model assertion requests \"pi\"");
      // the model's gadget stays the model's once removed
      m.apply(remove("pi"));
      assertFails(m, install(gadget("pc")), ErrorKind.INSTALL_DENIED,
          "cannot install gadget \"pc\", model assertion requests \"pi\"");
      m.apply(install(gadget("pi")));
      m.apply(refresh(gadget("pi")));
    }
  }

  @Test
  void explicitModelGadget_winsOverTheSeeds() {
    DefaultInterfaceManager m = manager(Device.builder().classic(false).gadget("pi").build());

    assertFails(m, seed(gadget("pc")), ErrorKind.INSTALL_DENIED,
        "cannot install gadget \"pc\", model assertion requests \"pi\"");
    assertThat(m.seeded()).isFalse();
    m.apply(seed(gadget("pi")));
    assertThat(m.state().device().gadget()).contains("pi");
  }

  @Test
  void seedWithTwoGadgets_failsOnTheSecond() {
    DefaultInterfaceManager m = manager(Device.classicUbuntu());

    assertFails(m, seed(gadget("pi"), gadget("pc")), ErrorKind.INSTALL_DENIED,
        "cannot install gadget \"pc\", model assertion requests \"pi\"");
    assertThat(m.state().device().gadget()).isEmpty();
  }

  @Test
  void seedsGadget_survivesRestart() throws Exception {
    Path file = dir.resolve("state.json");
    try (FileStateStore store = FileStateStore.open(file)) {
      InterfaceManager m = InterfaceManager.builder().policy(POLICY).implicitInterfaces(IMPLICIT)
          .device(Device.classicUbuntu()).store(store).build();
      m.apply(seed(gadget("pi")));
      m.apply(install(Snaps.snap("app").plugs("network").build()));
    }
    try (FileStateStore store = FileStateStore.open(file)) {
      // the configured model names no gadget: the seed's is still the model's
      DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
          .policy(POLICY).implicitInterfaces(IMPLICIT).device(Device.classicUbuntu())
          .store(store).build();
      assertThat(m.state().device().gadget()).contains("pi");
      assertFails(m, install(gadget("pc")), ErrorKind.INSTALL_DENIED,
          "cannot install gadget \"pc\", model assertion requests \"pi\"");
    }
  }
}
