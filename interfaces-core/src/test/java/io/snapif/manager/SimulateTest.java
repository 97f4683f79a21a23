package io.snapif.manager;

import static io.snapif.manager.Fixtures.manager;
import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.install;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.spi.SystemState;
import org.junit.jupiter.api.Test;

class SimulateTest {

  @Test
  void simulate_reportsWhatApplyDoesWithoutCommitting() {
    DefaultInterfaceManager m = manager();
    SystemState before = m.state();

    ChangeReport simulated = m.simulate(install(vlc()));

    assertThat(m.state()).isSameAs(before);
    assertThat(simulated.committed()).isFalse();
    assertThat(simulated.added()).hasSize(3);

    ChangeReport applied = m.apply(install(vlc()));
    assertThat(ChangeReport.builder().from(applied).committed(false).build())
        .isEqualTo(simulated);
  }

  @Test
  void simulate_ofRefusedOperation_throwsLikeApply() {
    DefaultInterfaceManager m = manager();
    m.apply(install(vlc()));
    SystemState before = m.state();

    assertThatThrownBy(() -> m.simulate(disconnect("vlc:camera", ":camera")))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_CONNECTED));
    assertThat(m.state()).isSameAs(before);
  }

  @Test
  void simulate_doesNotFireListeners() {
    java.util.List<String> events = new java.util.ArrayList<>();
    InterfaceManager m = InterfaceManager.builder().policy(Fixtures.POLICY)
        .implicitInterfaces(Fixtures.IMPLICIT)
        .listener(new io.snapif.spi.ConnectionListener() {
          @Override
          public void connected(io.snapif.model.Connection c) {
            events.add(c.id().toString());
          }
        }).build();
    m.simulate(install(vlc()));
    m.apply(install(vlc()));
    events.clear();
    m.simulate(connect("vlc:camera"));
    assertThat(events).isEmpty();
  }
}
