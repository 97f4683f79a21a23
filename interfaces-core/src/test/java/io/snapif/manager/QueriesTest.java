package io.snapif.manager;

import static io.snapif.manager.Fixtures.manager;
import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.install;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Side;
import io.snapif.model.ConnectionId;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueriesTest {

  private static String row(ConnectionRow r) {
    return r.iface() + " " + r.plug().map(Object::toString).orElse("-") + " "
        + r.slot().map(Object::toString).orElse("-") + " "
        + r.connection().map(Fixtures::flags).orElse("-");
  }

  @Test
  void connectionRows_ofSnap_listConnectionsAndUnconnectedEndpoints() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(install(Snaps.snap("player").slots("mpris").plugs("network").build()));
    m.apply(disconnect("vlc:home"));

    assertThat(m.connectionRows(Optional.of("vlc"))).extracting(QueriesTest::row)
        .containsExactly(
            "audio-playback vlc:audio-playback core:audio-playback auto",
            "camera vlc:camera - -",
            "home vlc:home - -",
            "network vlc:network core:network auto");
    assertThat(m.connectionRows(Optional.of("player"))).extracting(QueriesTest::row)
        .containsExactly(
            "mpris - player:mpris -",
            "network player:network core:network auto");
  }

  @Test
  void connections_isAnUnmodifiableSnapshotThatLaterOperationsLeaveAlone() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    var before = m.connections();
    var established = m.established();
    List<String> ids = before.keySet().stream().map(Object::toString).toList();
    assertThat(ids).contains("vlc:home core:home");

    m.apply(disconnect("vlc:home"));

    assertThat(before.keySet()).extracting(Object::toString).isEqualTo(ids);
    ConnectionId home = ConnectionId.parse("vlc:home core:home");
    assertThat(before.get(home).undesired()).isFalse();
    assertThat(m.connections().get(home).undesired()).isTrue();
    assertThat(m.established().keySet()).extracting(Object::toString)
        .doesNotContain("vlc:home core:home");
    assertThat(established.keySet()).extracting(Object::toString).contains("vlc:home core:home");
    var key = before.firstKey();
    var entry = before.get(key);
    assertThatThrownBy(() -> before.put(key, entry))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> before.headMap(key).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> established.remove(key))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void connectionRows_ofAll_includeSystemSlots() {
    DefaultInterfaceManager m = manager();
    m.apply(install(Snaps.snap("app").plugs("home").build()));

    assertThat(m.connectionRows(Optional.empty())).extracting(QueriesTest::row)
        .contains("home app:home core:home auto", "camera - core:camera -")
        .hasSize(1 + Fixtures.IMPLICIT.size() - 1);
    assertThat(m.connectionRows(Optional.of(""))).extracting(QueriesTest::row)
        .contains("home app:home core:home auto", "camera - core:camera -");
    assertThatThrownBy(() -> m.connectionRows(Optional.of("nope")))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_INSTALLED));
  }

  @Test
  void endpointsOf_listsPlugsAndSlotsOfTheInterface() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(install(Snaps.snap("webcam").slots("cam=camera").build()));

    InterfaceEndpoints camera = m.endpointsOf("camera");

    assertThat(camera.plugs()).extracting(Plug::ref).extracting(Object::toString)
        .containsExactly("vlc:camera");
    assertThat(camera.slots()).extracting(Slot::ref).extracting(Object::toString)
        .containsExactly("core:camera", "webcam:cam");
    assertThat(m.endpointsOf("nothing").plugs()).isEmpty();
  }

  @Test
  void remembered_saysWhy() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(connect("vlc:camera"));
    m.apply(disconnect("vlc:home"));
    m.apply(io.snapif.testing.Ops.refresh(
        Snaps.snap("vlc").plugs("audio-playback", "home", "network").build()));

    assertThat(m.remembered()).extracting(Object::toString).containsExactly(
        "vlc:camera core:camera: plug vlc:camera no longer exists",
        "vlc:home core:home: disconnected by the user; not made again automatically until "
            + "forgotten");
  }

  @Test
  void explain_plug_showsEntriesAutoConnectPlanAndConnectionDecisions() {
    DefaultInterfaceManager m = manager(Fixtures.POLICY.denyingConnectionOf("camera"));
    m.apply(install(vlc()));
    m.apply(install(Snaps.snap("webcam").slots("cam=camera").build()));

    Explanation camera = m.explain("vlc", "camera");

    assertThat(camera.side()).isEqualTo(Side.PLUG);
    assertThat(camera.iface()).isEqualTo("camera");
    assertThat(camera.entries()).isEmpty();
    assertThat(camera.autoConnect()).hasValueSatisfying(plan -> {
      assertThat(plan.outcome()).isEqualTo(AutoConnectPlan.Outcome.NONE);
      assertThat(plan.candidates()).hasSize(2).allSatisfy(d -> {
        assertThat(d.kind()).isEqualTo(CheckKind.AUTO_CONNECTION);
        assertThat(d.allowed()).isFalse();
      });
    });
    assertThat(camera.connectDecisions()).extracting(Decision::subject)
        .containsExactly("vlc:camera core:camera", "vlc:camera webcam:cam");
    assertThat(camera.connectDecisions()).noneMatch(Decision::allowed);
  }

  @Test
  void explain_showsRememberedEntryAndAlreadyPresentPlan() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    m.apply(disconnect("vlc:home"));

    Explanation home = m.explain("vlc", "home");

    assertThat(home.entries()).hasSize(1);
    assertThat(home.remembered()).singleElement()
        .satisfies(r -> assertThat(r.why()).isEqualTo(RememberedConnection.Why.UNDESIRED));
    assertThat(home.autoConnect()).hasValueSatisfying(plan ->
        assertThat(plan.outcome()).isEqualTo(AutoConnectPlan.Outcome.ALREADY_PRESENT));
  }

  @Test
  void explain_systemSlot() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting("home"));
    m.apply(install(vlc()));

    Explanation home = m.explain("", "home");

    assertThat(home.side()).isEqualTo(Side.SLOT);
    assertThat(home.snap()).isEqualTo("core");
    assertThat(home.entries()).extracting(c -> c.id().toString())
        .containsExactly("vlc:home core:home");
    assertThat(home.connectDecisions()).extracting(Decision::allowed).containsExactly(true);
  }

  @Test
  void explain_unknownEndpoint_isNotFound() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    for (List<String> ref : List.of(List.of("vlc", "nope"), List.of("gimp", "x"))) {
      assertThatThrownBy(() -> m.explain(ref.get(0), ref.get(1)))
          .isInstanceOfSatisfying(OperationException.class,
              e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
  }
}
