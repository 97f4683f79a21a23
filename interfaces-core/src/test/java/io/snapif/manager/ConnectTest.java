package io.snapif.manager;

import static io.snapif.manager.Fixtures.assertFails;
import static io.snapif.manager.Fixtures.flags;
import static io.snapif.manager.Fixtures.manager;
import static io.snapif.manager.Fixtures.withVlc;
import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.install;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.snapif.manager.Operation.Connect;
import io.snapif.spi.SystemState;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectTest {

  @Test
  void connect_plugAlone_usesTheSystemSnapSlotOfItsInterface() {
    DefaultInterfaceManager m = withVlc();
    ChangeReport report = m.apply(connect("vlc:camera"));

    assertThat(flags(m)).containsEntry("vlc:camera core:camera", "manual");
    assertThat(report.added()).containsOnlyKeys(io.snapif.model.ConnectionId.parse(
        "vlc:camera core:camera"));
    assertThat(report.decisions()).anySatisfy(d -> assertThat(d.allowed()).isTrue());
  }

  @Test
  void connect_colonSlot_and_systemSlot_nameTheSystemSnap() {
    DefaultInterfaceManager m = withVlc();
    m.apply(connect("vlc:camera", ":camera"));
    assertThat(flags(m)).containsEntry("vlc:camera core:camera", "manual");

    DefaultInterfaceManager other = withVlc();
    other.apply(connect("vlc:camera", "system:camera"));
    assertThat(other.connections()).isEqualTo(m.connections());
  }

  @Test
  void connect_fullForm_connectsAppSlot() {
    DefaultInterfaceManager m = withVlc();
    m.apply(install(Snaps.snap("webcam").slots("cam=camera").build()));

    m.apply(connect("vlc:camera", "webcam:cam"));

    assertThat(flags(m)).containsEntry("vlc:camera webcam:cam", "manual");
  }

  @Test
  void connect_snapForm_findsItsOnlySlotOfTheInterface() {
    DefaultInterfaceManager m = withVlc();
    m.apply(install(Snaps.snap("webcam").slots("cam=camera", "net=network").build()));

    m.apply(connect("vlc:camera", "webcam"));

    assertThat(flags(m)).containsEntry("vlc:camera webcam:cam", "manual");
  }

  @Test
  void connect_snapForm_isAmbiguousWithSeveralSlots() {
    DefaultInterfaceManager m = withVlc();
    m.apply(install(Snaps.snap("webcam").slots("front=camera", "back=camera").build()));

    assertFails(m, connect("vlc:camera", "webcam"), ErrorKind.AMBIGUOUS,
        "snap \"webcam\" has multiple \"camera\" interface slots: back, front");
  }

  @Test
  void connect_snapForm_failsWithoutSlotOfTheInterface() {
    DefaultInterfaceManager m = withVlc();
    m.apply(install(Snaps.snap("webcam").slots("net=network").build()));

    assertFails(m, connect("vlc:camera", "webcam"), ErrorKind.NOT_FOUND,
        "snap \"webcam\" has no \"camera\" interface slots");
    assertFails(m, connect("vlc:camera", "core:nope"), ErrorKind.NOT_FOUND,
        "snap \"core\" has no slot named \"nope\"");
  }

  @Test
  void connect_missingSnapOrPlug_isNotFound() {
    DefaultInterfaceManager m = withVlc();
    assertFails(m, connect("gimp:camera"), ErrorKind.NOT_FOUND,
        "snap \"gimp\" is not installed");
    assertFails(m, connect("vlc:camera", "webcam:cam"), ErrorKind.NOT_FOUND,
        "snap \"webcam\" is not installed");
    assertFails(m, connect("vlc:no-such-plug"), ErrorKind.NOT_FOUND,
        "snap \"vlc\" has no plug named \"no-such-plug\"");
    assertFails(m, new Connect("", "camera", Optional.empty(), Optional.empty()),
        ErrorKind.NOT_FOUND, "cannot resolve connection, plug snap name is empty");
  }

  @Test
  void connect_differentInterfaces_isMismatch() {
    DefaultInterfaceManager m = withVlc();
    assertFails(m, connect("vlc:camera", ":network"), ErrorKind.MISMATCH,
        "cannot connect vlc:camera (\"camera\" interface) to core:network (\"network\" "
            + "interface)");
  }

  @Test
  void connect_deniedByConnectionPolicy_isConnectDenied() {
    DefaultInterfaceManager m = manager(Fixtures.POLICY.denyingConnectionOf("camera"));
    m.apply(install(vlc()));
    SystemState before = m.state();

    assertThatThrownBy(() -> m.apply(connect("vlc:camera")))
        .isInstanceOfSatisfying(OperationException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.CONNECT_DENIED);
          assertThat(e.getMessage()).isEqualTo("cannot perform the following tasks:\n"
              + "- Connect vlc:camera to core:camera (connection denied by plug rule of "
              + "interface \"camera\")");
          assertThat(e.decision()).isPresent();
        });
    assertThat(m.state()).isEqualTo(before);
  }

  @Test
  void connect_dangerousSnapIsStillDecidedByPolicy() {
    // Leaving declarations out for a local snap is the evaluator's business (custom rules may
    // still refuse); the manager asks it like for any other snap.
    DefaultInterfaceManager m = manager(Fixtures.POLICY.denyingConnectionOf("camera"));
    m.apply(install(Snaps.snap("local").plugs("camera").dangerous().build()));
    var before = m.state();

    assertThatThrownBy(() -> m.apply(connect("local:camera")))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONNECT_DENIED));
    assertThat(m.state()).isEqualTo(before);
  }

  @Test
  void connect_alreadyConnected_succeedsAndChangesNothing() {
    DefaultInterfaceManager m = withVlc();
    SystemState before = m.state();

    ChangeReport report = m.apply(connect("vlc:network"));

    assertThat(report.isEmpty()).isTrue();
    assertThat(report.generation()).isEqualTo(before.generation());
    assertThat(m.state()).isSameAs(before);
  }

  @Test
  void connect_replacesUndesiredEntryWithManualConnection() {
    DefaultInterfaceManager m = withVlc();
    m.apply(disconnect("vlc:home", ":home"));
    assertThat(flags(m)).containsEntry("vlc:home core:home", "auto,undesired");

    ChangeReport report = m.apply(connect("vlc:home"));

    assertThat(flags(m)).containsEntry("vlc:home core:home", "manual");
    assertThat(report.changed()).hasSize(1);
  }

  @Test
  void connect_ofUndesiredGadgetEntry_dropsTheGadgetFlag() {
    DefaultInterfaceManager m = manager(FakePolicy.autoConnecting());
    m.apply(io.snapif.testing.Ops.seed(
        Snaps.snap("pc").type(io.snapif.model.SnapType.GADGET)
            .gadgetConnection("app-id", "cam", "system", "camera").build(),
        Snaps.snap("app").plugs("cam=camera").build()));
    m.apply(disconnect("app:cam"));
    assertThat(flags(m)).containsExactly(entry("app:cam core:camera", "auto,gadget,undesired"));

    m.apply(connect("app:cam"));

    assertThat(flags(m)).containsExactly(entry("app:cam core:camera", "manual"));
  }
}
