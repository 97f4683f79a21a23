package io.snapif.manager;

import static io.snapif.manager.Fixtures.flags;
import static io.snapif.manager.Fixtures.manager;
import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.forget;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.refresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.snapif.model.Connection;
import io.snapif.spi.SystemState;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefreshTest {

  @Test
  void refresh_keepsManualDisconnect() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(disconnect("vlc:home", ":home"));

    m.apply(refresh(vlc()));

    assertThat(flags(m)).containsEntry("vlc:home core:home", "auto,undesired");
    assertThat(m.established()).doesNotContainKey(
        io.snapif.model.ConnectionId.parse("vlc:home core:home"));
  }

  @Test
  void refresh_afterForget_autoConnectsAgain() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(disconnect("vlc:home", ":home"));
    m.apply(forget("vlc:home", ":home"));
    assertThat(flags(m)).doesNotContainKey("vlc:home core:home");

    m.apply(refresh(vlc()));

    assertThat(flags(m)).containsEntry("vlc:home core:home", "auto");
  }

  @Test
  void refresh_withStoreGrant_autoConnectsThePlug() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    assertThat(flags(m)).doesNotContainKey("vlc:camera core:camera");

    m.apply(refresh(Snaps.snap("vlc").plugs("audio-playback", "camera", "home", "network")
        .granting("camera").build()));

    assertThat(flags(m)).containsEntry("vlc:camera core:camera", "auto");
  }

  @Test
  void refresh_addingAPlug_autoConnectsIt() {
    DefaultInterfaceManager m = manager();
    m.apply(install(Snaps.snap("app").plugs("home").build()));

    m.apply(refresh(Snaps.snap("app").plugs("home", "opengl").build()));

    assertThat(flags(m)).containsOnlyKeys("app:home core:home", "app:opengl core:opengl");
  }

  @Test
  void refresh_droppingPlugs_dropsAutoKeepsManualDormant() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(connect("vlc:camera"));

    m.apply(refresh(Snaps.snap("vlc").plugs("audio-playback").build()));

    assertThat(flags(m)).containsOnly(
        entry("vlc:audio-playback core:audio-playback", "auto"),
        entry("vlc:camera core:camera", "manual"));
    assertThat(m.remembered()).singleElement().satisfies(r -> {
      assertThat(r.connection().id().toString()).isEqualTo("vlc:camera core:camera");
      assertThat(r.why()).isEqualTo(RememberedConnection.Why.PLUG_MISSING);
    });

    // the plug comes back: the kept manual connection is in effect again
    m.apply(refresh(vlc()));
    assertThat(m.established()).containsKey(
        io.snapif.model.ConnectionId.parse("vlc:camera core:camera"));
    assertThat(flags(m)).containsEntry("vlc:camera core:camera", "manual");
  }

  @Test
  void refresh_withUnchangedSnap_changesNoConnection() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(connect("vlc:camera"));
    m.apply(disconnect("vlc:home"));

    ChangeReport report = m.apply(refresh(vlc()));

    assertThat(report.isEmpty()).isTrue();
    assertThat(m.snap("vlc").orElseThrow().snap().revision()).isEqualTo(2);
  }

  @Test
  void refresh_updatesContentStaticAttributesOnlyWhenContentStillMatches() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("content"));
    m.apply(install(Snaps.snap("provider")
        .slot("gtk", "content", Map.of("content", "gtk", "read", "old")).build()));
    m.apply(install(Snaps.snap("app").plug("gtk", "content", Map.of("content", "gtk")).build()));

    m.apply(refresh(Snaps.snap("provider")
        .slot("gtk", "content", Map.of("content", "gtk", "read", "new")).build()));
    Connection c = Fixtures.entry(m, "app:gtk provider:gtk");
    assertThat(c.slotStatic().getString("read")).contains("new");

    m.apply(refresh(Snaps.snap("provider")
        .slot("gtk", "content", Map.of("content", "other", "read", "newer")).build()));
    c = Fixtures.entry(m, "app:gtk provider:gtk");
    assertThat(c.slotStatic().getString("read")).contains("new");
  }

  @Test
  void refresh_keepsStaticAttributesOfOtherInterfaces() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("mpris"));
    m.apply(install(Snaps.snap("player").slot("mpris", "mpris", Map.of("name", "one")).build()));
    m.apply(install(Snaps.snap("ui").plugs("mpris").build()));

    m.apply(refresh(Snaps.snap("player").slot("mpris", "mpris", Map.of("name", "two")).build()));

    assertThat(Fixtures.entry(m, "ui:mpris player:mpris").slotStatic().getString("name"))
        .contains("one");
  }

  @Test
  void refresh_ofNotInstalledSnap_fails() {
    DefaultInterfaceManager m = manager();
    assertThatThrownBy(() -> m.apply(refresh(vlc())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_INSTALLED))
        .hasMessage("snap \"vlc\" is not installed");
  }

  @Test
  void refresh_deniedByInstallationPolicy_changesNothing() {
    DefaultInterfaceManager m = manager(Fixtures.POLICY.denyingInstallOf("snapd-control"));
    m.apply(install(vlc()));
    SystemState before = m.state();

    assertThatThrownBy(() -> m.apply(refresh(
        Snaps.snap("vlc").plugs("snapd-control").build())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INSTALL_DENIED));
    assertThat(m.state()).isEqualTo(before);
  }

  @Test
  void refresh_ofTheSystemSnap_isRefused() {
    DefaultInterfaceManager m = manager();
    assertThatThrownBy(() -> m.apply(refresh(m.snap("core").orElseThrow())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
  }
}
