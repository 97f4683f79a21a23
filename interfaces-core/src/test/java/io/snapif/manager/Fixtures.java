package io.snapif.manager;

import static io.snapif.testing.Ops.install;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.spi.SystemState;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import io.snapif.model.InstalledSnap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A classic system and a few snaps shared by the manager tests. */
final class Fixtures {
  /** The implicit slots of the test system snap. */
  static final List<String> IMPLICIT =
      List.of("audio-playback", "camera", "home", "network", "opengl", "serial-port");

  /** Auto-connects what snapd auto-connects on classic among {@link #IMPLICIT}. */
  static final FakePolicy POLICY =
      FakePolicy.autoConnecting("audio-playback", "home", "network", "opengl");

  private Fixtures() {}

  static DefaultInterfaceManager manager(PolicyEvaluator policy) {
    return (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(policy).implicitInterfaces(IMPLICIT).build();
  }

  static DefaultInterfaceManager manager() {
    return manager(POLICY);
  }

  /** A manager on {@link #POLICY} with {@link #vlc()} installed. */
  static DefaultInterfaceManager withVlc() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    return m;
  }

  /** Asserts that {@code op} fails with {@code kind} and {@code message} and changes nothing. */
  static void assertFails(DefaultInterfaceManager m, Operation op, ErrorKind kind,
      String message) {
    SystemState before = m.state();
    assertThatThrownBy(() -> m.apply(op))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessage(message);
    assertThat(m.state()).isEqualTo(before);
  }

  static InstalledSnap vlc() {
    return Snaps.snap("vlc").plugs("audio-playback", "camera", "home", "network").build();
  }

  /** Connection ids with their flags: {@code "vlc:home core:home" -> "auto,undesired"}. */
  static Map<String, String> flags(InterfaceManager m) {
    Map<String, String> out = new TreeMap<>();
    m.connections().forEach((id, c) -> out.put(id.toString(), flags(c)));
    return out;
  }

  static String flags(Connection c) {
    StringBuilder b = new StringBuilder(c.auto() ? "auto" : "manual");
    if (c.byGadget()) {
      b.append(",gadget");
    }
    if (c.undesired()) {
      b.append(",undesired");
    }
    return b.toString();
  }

  static Connection entry(InterfaceManager m, String id) {
    return m.connections().get(ConnectionId.parse(id));
  }
}
