package io.snapif.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.Attributes;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.spi.SystemState;
import io.snapif.testing.Snaps;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every attribute value {@link Attributes} can hold survives the state file. */
class StateJsonPropertiesTest {

  @Provide
  Arbitrary<Map<String, Object>> attributes() {
    return map(3);
  }

  private static Arbitrary<Map<String, Object>> map(int depth) {
    return Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(8), value(depth))
        .ofMaxSize(4);
  }

  private static Arbitrary<Object> value(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().withSpecialValue(Double.NaN)
            .withSpecialValue(Double.POSITIVE_INFINITY).withSpecialValue(-0.0)
            .map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b));
    if (depth == 0) {
      return scalar;
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, scalar),
        net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(3).map(l -> (Object) l)),
        net.jqwik.api.Tuple.of(1, map(depth - 1).map(m -> (Object) m)));
  }

  @Property(tries = 300)
  void attributesSurviveTheStateFile(@ForAll("attributes") Map<String, Object> values) {
    Attributes attrs = Attributes.of(values);
    Connection c = Connection.builder().id(ConnectionId.parse("app:p core:network"))
        .iface("network").plugStatic(attrs).slotDynamic(attrs).build();
    SystemState state = SystemState.builder()
        .device(Device.classicUbuntu())
        .addSnaps(FileStateStoreTest.system(),
            Snaps.snap("app").plug("p", "network", values).build())
        .putConnections(c.id(), c)
        .build();

    SystemState back = FileStateStore.decode(FileStateStore.encode(state));

    assertThat(back).isEqualTo(state);
    assertThat(List.of(back.connections().get(c.id()).plugStatic())).containsExactly(attrs);
  }
}
