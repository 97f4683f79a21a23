package io.snapif.manager;

import static io.snapif.manager.Fixtures.assertFails;
import static io.snapif.manager.Fixtures.flags;
import static io.snapif.manager.Fixtures.manager;
import static io.snapif.manager.Fixtures.withVlc;
import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.forget;
import static io.snapif.testing.Ops.install;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.snapif.manager.Operation.Disconnect;
import io.snapif.model.Connection;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisconnectTest {

  @Test
  void disconnect_autoConnection_isRememberedUndesiredWithoutAttributes() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("content"));
    m.apply(install(Snaps.snap("provider").slot("gtk", "content", Map.of("content", "gtk"))
        .build()));
    m.apply(install(Snaps.snap("app").plug("gtk", "content", Map.of("content", "gtk"))
        .build()));

    m.apply(disconnect("app:gtk", "provider:gtk"));

    Connection c = Fixtures.entry(m, "app:gtk provider:gtk");
    assertThat(c.undesired()).isTrue();
    assertThat(c.auto()).isTrue();
    assertThat(c.plugStatic().isEmpty()).isTrue();
    assertThat(c.slotStatic().isEmpty()).isTrue();
    assertThat(m.established()).isEmpty();
    assertThat(m.remembered()).singleElement().satisfies(r ->
        assertThat(r.why()).isEqualTo(RememberedConnection.Why.UNDESIRED));
  }

  @Test
  void disconnect_manualConnection_deletesItsEntry() {
    DefaultInterfaceManager m = withVlc();
    m.apply(connect("vlc:camera"));

    ChangeReport report = m.apply(disconnect("vlc:camera", ":camera"));

    assertThat(flags(m)).doesNotContainKey("vlc:camera core:camera");
    assertThat(report.removed()).hasSize(1);
  }

  @Test
  void disconnect_forget_deletesAutoConnectionOutright() {
    DefaultInterfaceManager m = withVlc();
    m.apply(forget("vlc:home", ":home"));
    assertThat(flags(m)).doesNotContainKey("vlc:home core:home");
  }

  @Test
  void disconnect_forget_deletesRememberedEntry() {
    DefaultInterfaceManager m = withVlc();
    m.apply(disconnect("vlc:home", ":home"));

    m.apply(forget("vlc:home", "core:home"));

    assertThat(flags(m)).doesNotContainKey("vlc:home core:home");
  }

  @Test
  void disconnect_undesiredEntryWithoutForget_isNotConnected() {
    DefaultInterfaceManager m = withVlc();
    m.apply(disconnect("vlc:home", ":home"));

    assertFails(m, disconnect("vlc:home", ":home"), ErrorKind.NOT_CONNECTED,
        "cannot disconnect vlc:home from core:home, it is not connected");
  }

  @Test
  void disconnect_pairErrors_followSnapd() {
    DefaultInterfaceManager m = withVlc();
    assertFails(m, disconnect("vlc:camera", ":camera"), ErrorKind.NOT_CONNECTED,
        "cannot disconnect vlc:camera from core:camera, it is not connected");
    assertFails(m, forget("vlc:camera", ":camera"), ErrorKind.NOT_CONNECTED,
        "cannot forget connection vlc:camera from core:camera, it was not connected");
    assertFails(m, disconnect("vlc:nope", ":camera"), ErrorKind.NOT_FOUND,
        "snap \"vlc\" has no plug named \"nope\"");
    assertFails(m, disconnect("vlc:camera", ":nope"), ErrorKind.NOT_FOUND,
        "snap \"core\" has no slot named \"nope\"");
    assertFails(m, disconnect("gimp:camera", ":camera"), ErrorKind.NOT_FOUND,
        "snap \"gimp\" is not installed");
  }

  @Test
  void disconnect_onePlug_disconnectsAllItsConnections() {
    DefaultInterfaceManager m =
        manager(FakePolicy.autoConnecting("mpris").withAnyArity("mpris"));
    m.apply(install(Snaps.snap("a").slots("mpris").build()));
    m.apply(install(Snaps.snap("b").slots("mpris").build()));
    m.apply(install(Snaps.snap("ui").plugs("mpris").build()));

    m.apply(disconnect("ui:mpris"));

    assertThat(flags(m)).containsOnly(
        entry("ui:mpris a:mpris", "auto,undesired"),
        entry("ui:mpris b:mpris", "auto,undesired"));
  }

  @Test
  void disconnect_oneSlot_disconnectsAllItsConnections() {
    DefaultInterfaceManager m = withVlc();
    m.apply(install(Snaps.snap("other").plugs("network").build()));

    m.apply(disconnect(":network"));

    assertThat(m.established().keySet()).extracting(Object::toString)
        .noneMatch(id -> id.endsWith("core:network"));
    assertThat(flags(m)).containsEntry("other:network core:network", "auto,undesired");
  }

  @Test
  void disconnect_oneEnd_nothingConnected_isNothingToDo() {
    DefaultInterfaceManager m = withVlc();
    assertFails(m, disconnect("vlc:camera"), ErrorKind.NOT_CONNECTED, "nothing to do");
    assertFails(m, disconnect("vlc:nope"), ErrorKind.NOT_FOUND,
        "snap \"vlc\" has no plug or slot named \"nope\"");
    assertFails(m, forget("vlc:nope"), ErrorKind.NOT_CONNECTED, "nothing to do");
  }

  @Test
  void disconnect_forgetOneEnd_deletesRememberedEntriesToo() {
    DefaultInterfaceManager m = withVlc();
    m.apply(disconnect("vlc:home"));

    m.apply(forget("vlc:home"));

    assertThat(flags(m)).doesNotContainKey("vlc:home core:home");
  }

  @Test
  void disconnect_otherSnapWithoutName_isRefused() {
    DefaultInterfaceManager m = withVlc();
    assertFails(m, new Disconnect("vlc", "home", Optional.of("core"), Optional.empty(), false),
        ErrorKind.CONFLICT,
        "allowed forms are <snap>:<plug> <snap>:<slot> or <snap>:<plug or slot>");
  }
}
