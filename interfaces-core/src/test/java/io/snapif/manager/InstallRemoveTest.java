package io.snapif.manager;

import static io.snapif.manager.Fixtures.flags;
import static io.snapif.manager.Fixtures.manager;
import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.store.InMemoryStateStore;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import io.snapif.spi.SystemState;
import org.junit.jupiter.api.Test;

class InstallRemoveTest {

  @Test
  void install_autoConnectsAllowedPlugsToSystemSlots() {
    DefaultInterfaceManager m = manager();
    ChangeReport report = m.apply(install(vlc()));

    assertThat(flags(m)).containsOnly(
        entry("vlc:audio-playback core:audio-playback", "auto"),
        entry("vlc:home core:home", "auto"),
        entry("vlc:network core:network", "auto"));
    assertThat(report.added()).hasSize(3);
    assertThat(report.committed()).isTrue();
    assertThat(report.generation()).isEqualTo(1);
    assertThat(m.snaps()).extracting(InstalledSnap::name).containsExactly("core", "vlc");
    assertThat(m.seeded()).isTrue();
  }

  @Test
  void install_recordsStaticAttributesOfBothEnds() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("content"));
    m.apply(install(Snaps.snap("provider")
        .slot("gtk", "content", java.util.Map.of("content", "gtk-3", "read", java.util.List.of("$SNAP/x")))
        .build()));
    m.apply(install(Snaps.snap("app")
        .plug("gtk", "content", java.util.Map.of("content", "gtk-3")).build()));

    var c = Fixtures.entry(m, "app:gtk provider:gtk");
    assertThat(c.plugStatic().asMap()).containsEntry("content", "gtk-3");
    assertThat(c.slotStatic().getString("content")).contains("gtk-3");
  }

  @Test
  void install_autoConnectsNewSlotToWaitingPlugs() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("mpris"));
    m.apply(install(Snaps.snap("player-ui").plugs("mpris").build()));
    assertThat(m.connections()).isEmpty();

    m.apply(install(Snaps.snap("player").slots("mpris").build()));

    assertThat(flags(m)).containsOnly(entry("player-ui:mpris player:mpris", "auto"));
  }

  @Test
  void install_leavesAmbiguousPlugUnconnectedAndWarns() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("mpris"));
    m.apply(install(Snaps.snap("a").slots("mpris").build()));
    m.apply(install(Snaps.snap("b").slots("mpris").build()));

    ChangeReport report = m.apply(install(Snaps.snap("ui").plugs("mpris").build()));

    assertThat(m.connections()).isEmpty();
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w)
        .contains("cannot auto-connect plug ui:mpris").contains("ui:mpris a:mpris"));
  }

  @Test
  void install_connectsAllCandidatesWhenArityIsAny() {
    DefaultInterfaceManager m =
        manager(FakePolicy.autoConnecting("mpris").withAnyArity("mpris"));
    m.apply(install(Snaps.snap("a").slots("mpris").build()));
    m.apply(install(Snaps.snap("b").slots("mpris").build()));
    m.apply(install(Snaps.snap("ui").plugs("mpris").build()));

    assertThat(flags(m)).containsOnlyKeys("ui:mpris a:mpris", "ui:mpris b:mpris");
  }

  @Test
  void install_failsWhenAlreadyInstalled() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    SystemState before = m.state();

    assertThatThrownBy(() -> m.apply(install(vlc())))
        .isInstanceOfSatisfying(OperationException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_INSTALLED);
          assertThat(e).hasMessage("snap \"vlc\" is already installed");
        });
    assertThat(m.state()).isEqualTo(before);
  }

  @Test
  void install_deniedByInstallationPolicyChangesNothing() {
    DefaultInterfaceManager m = manager(Fixtures.POLICY.denyingInstallOf("snapd-control"));
    SystemState before = m.state();

    assertThatThrownBy(() -> m.apply(install(
        Snaps.snap("bad").plugs("network", "snapd-control").build())))
        .isInstanceOfSatisfying(OperationException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.INSTALL_DENIED);
          assertThat(e.getMessage()).isEqualTo("installation denied by \"snapd-control\" plug "
              + "rule of interface \"snapd-control\" for \"bad\" snap");
          assertThat(e.decision()).hasValueSatisfying(d -> assertThat(d.allowed()).isFalse());
        });
    assertThat(m.state()).isEqualTo(before);
    assertThat(m.snap("bad")).isEmpty();
  }

  @Test
  void remove_deletesEveryEntryOfTheSnapWithoutRememberingIt() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(connect("vlc:camera"));
    m.apply(disconnect("vlc:home", ":home"));
    assertThat(flags(m)).containsEntry("vlc:home core:home", "auto,undesired");

    ChangeReport report = m.apply(remove("vlc"));

    assertThat(m.connections()).isEmpty();
    assertThat(m.remembered()).isEmpty();
    assertThat(report.removed()).hasSize(4);
    assertThat(m.snap("vlc")).isEmpty();
  }

  @Test
  void remove_thenReinstall_autoConnectsWhatWasInEffect() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(remove("vlc"));

    m.apply(install(vlc()));

    assertThat(flags(m)).containsEntry("vlc:home core:home", "auto");
  }

  @Test
  void remove_thenReinstall_keepsUndesiredUntilTheManagerIsClosed() {
    InMemoryStateStore store = new InMemoryStateStore();
    try (InterfaceManager m = open(store)) {
      m.apply(install(vlc()));
      m.apply(disconnect("vlc:home", ":home"));
      m.apply(remove("vlc"));
      assertThat(m.remembered()).isEmpty();

      // snapd 2.57.6 keeps the undesired entry until it restarts
      ChangeReport reinstall = m.apply(install(vlc()));
      assertThat(flags(m)).containsEntry("vlc:home core:home", "auto,undesired");
      assertThat(reinstall.added()).containsKey(ConnectionId.parse("vlc:home core:home"));
      m.apply(remove("vlc"));
    }
    try (InterfaceManager m = open(store)) {
      m.apply(install(vlc()));
      assertThat(flags(m)).containsEntry("vlc:home core:home", "auto");
    }
  }

  @Test
  void remove_thenReinstall_bringsBackDormantManualConnection() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(connect("vlc:camera"));
    m.apply(io.snapif.testing.Ops.refresh(Snaps.snap("vlc").plugs("home").build()));
    m.apply(remove("vlc"));

    m.apply(install(vlc()));

    assertThat(flags(m)).containsEntry("vlc:camera core:camera", "manual");
    assertThat(m.established()).containsKey(ConnectionId.parse("vlc:camera core:camera"));
  }

  private static InterfaceManager open(InMemoryStateStore store) {
    return InterfaceManager.builder().policy(Fixtures.POLICY)
        .implicitInterfaces(Fixtures.IMPLICIT).store(store).build();
  }

  @Test
  void remove_ofSlotSnapRemovesOtherSnapsConnections() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("mpris"));
    m.apply(install(Snaps.snap("player").slots("mpris").build()));
    m.apply(install(Snaps.snap("ui").plugs("mpris").build()));

    m.apply(remove("player"));

    assertThat(m.connections()).isEmpty();
  }

  @Test
  void remove_failsForUnknownSnapAndSystemSnap() {
    DefaultInterfaceManager m = manager();
    assertThatThrownBy(() -> m.apply(remove("vlc")))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_INSTALLED))
        .hasMessage("snap \"vlc\" is not installed");
    assertThatThrownBy(() -> m.apply(remove("core")))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(m.snaps()).hasSize(1);
  }
}
