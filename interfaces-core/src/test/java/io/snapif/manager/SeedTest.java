package io.snapif.manager;

import static io.snapif.manager.Fixtures.flags;
import static io.snapif.manager.Fixtures.manager;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.forget;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.refresh;
import static io.snapif.testing.Ops.remove;
import static io.snapif.testing.Ops.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.snapif.model.InstalledSnap;
import io.snapif.model.SnapType;
import io.snapif.spi.SystemState;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import org.junit.jupiter.api.Test;

/** Gadget connections at first boot, as snapd 2.57.6 applies them (oracle observations). */
class SeedTest {
  /** Auto-connects network only; serial-port and camera are not auto-connectable. */
  private static final FakePolicy POLICY = FakePolicy.autoConnecting("network");

  private static InstalledSnap pc() {
    return Snaps.snap("pc").type(SnapType.GADGET).slots("serial=serial-port")
        .gadgetConnection("app1-id", "serial-port", "pc-id", "serial")
        .gadgetConnection("app2-id", "camera", "system", "camera")
        .gadgetConnection("app2-id", "network", "system", "network")
        .gadgetConnection("app2-id", "serial-port", "pc-id", "no-such-slot")
        .gadgetConnection("app3-id", "serial-port", "pc-id", "serial")
        .build();
  }

  private static InstalledSnap app1() {
    return Snaps.snap("app1").plugs("serial-port", "network").build();
  }

  private static InstalledSnap app2() {
    return Snaps.snap("app2").plugs("camera", "network", "serial-port").build();
  }

  @Test
  void seed_appliesGadgetConnectionsWithConnectionRules() {
    DefaultInterfaceManager m = manager(POLICY);
    assertThat(m.seeded()).isFalse();

    ChangeReport report = m.apply(seed(pc(), app1(), app2()));

    assertThat(flags(m)).containsOnly(
        entry("app1:serial-port pc:serial", "auto,gadget"),
        entry("app1:network core:network", "auto"),
        entry("app2:camera core:camera", "auto,gadget"),
        entry("app2:network core:network", "auto,gadget"));
    assertThat(m.seeded()).isTrue();
    assertThat(report.warnings())
        .contains("gadget connections: ignoring missing slot pc-id:no-such-slot");
  }

  @Test
  void afterSeeding_gadgetConnectionsNoLongerApply() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(seed(pc(), app1()));

    m.apply(install(Snaps.snap("app3").plugs("serial-port").build()));
    m.apply(refresh(pc()));

    assertThat(flags(m)).doesNotContainKey("app3:serial-port pc:serial");
  }

  @Test
  void seed_deniedGadgetConnection_undoesTheWholeSeed() {
    DefaultInterfaceManager m = manager(POLICY.denyingConnectionOf("camera"));
    SystemState before = m.state();

    assertThatThrownBy(() -> m.apply(seed(pc(), app1(), app2())))
        .isInstanceOfSatisfying(OperationException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.CONNECT_DENIED);
          assertThat(e.getMessage()).contains("- Connect app2:camera to core:camera (");
        });
    assertThat(m.state()).isEqualTo(before);
    assertThat(m.seeded()).isFalse();
    assertThat(m.snaps()).hasSize(1);
  }

  @Test
  void seed_gadgetConnectionOfDifferentInterfaces_failsTheSeed() {
    DefaultInterfaceManager m = manager(POLICY);
    InstalledSnap gadget = Snaps.snap("pc").type(SnapType.GADGET).slots("serial=serial-port")
        .gadgetConnection("app1-id", "network", "pc-id", "serial").build();

    assertThatThrownBy(() -> m.apply(seed(gadget, app1())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.MISMATCH))
        .hasMessage("cannot connect plug \"app1:network\" (interface \"network\") to "
            + "\"pc:serial\" (interface \"serial-port\")");
    assertThat(m.seeded()).isFalse();
  }

  @Test
  void seed_onlyOnFirstBoot() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(seed(pc()));
    assertThatThrownBy(() -> m.apply(seed(app1())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
        .hasMessage("cannot populate state: already seeded");

    DefaultInterfaceManager installedFirst = manager(POLICY);
    installedFirst.apply(install(app1()));
    assertThatThrownBy(() -> installedFirst.apply(seed(pc())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
  }

  @Test
  void seed_refusesTheSystemSnapAndDuplicates() {
    DefaultInterfaceManager m = manager(POLICY);
    assertThatThrownBy(() -> m.apply(seed(app1(), app1())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThatThrownBy(() -> m.apply(seed(Snaps.snap("core").type(SnapType.OS).build())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(m.seeded()).isFalse();
  }

  @Test
  void gadgetConnection_disconnected_isRememberedAndSurvivesRefresh() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(seed(pc(), app1()));

    m.apply(disconnect("app1:serial-port", "pc:serial"));
    m.apply(refresh(app1()));
    assertThat(flags(m)).containsEntry("app1:serial-port pc:serial", "auto,gadget,undesired");

    // forgetting it: after seeding nothing makes it again (serial-port does not auto-connect)
    m.apply(forget("app1:serial-port", "pc:serial"));
    m.apply(refresh(app1()));
    assertThat(flags(m)).doesNotContainKey("app1:serial-port pc:serial");
  }

  @Test
  void gadgetConnection_keptWhenRefreshDropsItsPlug() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(seed(pc(), app1()));

    m.apply(refresh(Snaps.snap("app1").plugs("network").build()));
    assertThat(flags(m)).containsEntry("app1:serial-port pc:serial", "auto,gadget");
    assertThat(m.established()).doesNotContainKey(
        io.snapif.model.ConnectionId.parse("app1:serial-port pc:serial"));

    m.apply(refresh(app1()));
    assertThat(m.established()).containsKey(
        io.snapif.model.ConnectionId.parse("app1:serial-port pc:serial"));
  }

  @Test
  void appRemovedAndReinstalled_getsNoGadgetConnections() {
    DefaultInterfaceManager m = manager(POLICY);
    m.apply(seed(pc(), app1()));
    m.apply(remove("app1"));

    m.apply(install(app1()));

    assertThat(flags(m)).containsOnly(entry("app1:network core:network", "auto"));
  }
}
