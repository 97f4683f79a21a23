package io.snapif.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.declaration.Side;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.spi.ConnectionListener;
import io.snapif.spi.InterfaceHook;
import io.snapif.store.InMemoryStateStore;
import io.snapif.testing.RandomOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The events of a commit, found from the entries its change could affect, are those of the plain
 * comparison of every entry's status before and after, in the same order (random operation
 * sequences, see {@link RandomOps}).
 */
class ChangeEventsPropertiesTest {

  /** Every listener event and hook call, as text. */
  private static final class Recorder implements ConnectionListener, InterfaceHook {
    final List<String> heard = new ArrayList<>();

    @Override
    public void connected(Connection c) {
      heard.add("connected " + c);
    }

    @Override
    public void disconnected(Connection c) {
      heard.add("disconnected " + c);
    }

    @Override
    public void remembered(RememberedConnection r) {
      heard.add("remembered " + r);
    }

    @Override
    public void forgotten(Connection c) {
      heard.add("forgotten " + c);
    }

    @Override
    public void connect(Side side, Connection c) {
      heard.add("hook connect " + side + " " + c);
    }

    @Override
    public void disconnect(Side side, Connection c) {
      heard.add("hook disconnect " + side + " " + c);
    }
  }

  @Provide
  Arbitrary<List<Operation>> operations() {
    return RandomOps.operations();
  }

  @Property(tries = 300)
  void eventsAreThoseOfComparingEveryEntry(@ForAll("operations") List<Operation> ops) {
    Recorder recorder = new Recorder();
    try (InterfaceManager m = InterfaceManager.builder().policy(RandomOps.policy())
        .implicitInterfaces(RandomOps.IMPLICIT).store(new InMemoryStateStore())
        .listener(recorder).hook(recorder).build()) {
      for (Operation op : ops) {
        Map<ConnectionId, Connection> establishedBefore = m.established();
        Map<ConnectionId, RememberedConnection> rememberedBefore = byId(m.remembered());
        recorder.heard.clear();
        try {
          m.apply(op);
        } catch (OperationException e) {
          // refused: nothing heard
        }
        List<String> expected = plainEvents(establishedBefore, rememberedBefore, m);
        assertThat(recorder.heard).as("after %s", op.describe()).isEqualTo(expected);
      }
    }
  }

  /** What every entry's status before and after says, pass by pass, each in id order. */
  private static List<String> plainEvents(Map<ConnectionId, Connection> establishedBefore,
      Map<ConnectionId, RememberedConnection> rememberedBefore, InterfaceManager m) {
    Map<ConnectionId, Connection> establishedAfter = m.established();
    Map<ConnectionId, RememberedConnection> rememberedAfter = byId(m.remembered());
    List<String> out = new ArrayList<>();
    establishedBefore.forEach((id, c) -> {
      if (!establishedAfter.containsKey(id)) {
        out.add("hook disconnect SLOT " + c);
        out.add("hook disconnect PLUG " + c);
        out.add("disconnected " + c);
      }
    });
    rememberedAfter.forEach((id, r) -> {
      if (!rememberedBefore.containsKey(id)) {
        out.add("remembered " + r);
      }
    });
    rememberedBefore.forEach((id, r) -> {
      if (!m.connections().containsKey(id)) {
        out.add("forgotten " + r.connection());
      }
    });
    establishedAfter.forEach((id, c) -> {
      if (!establishedBefore.containsKey(id)) {
        out.add("hook connect SLOT " + c);
        out.add("hook connect PLUG " + c);
        out.add("connected " + c);
      }
    });
    return out;
  }

  private static Map<ConnectionId, RememberedConnection> byId(List<RememberedConnection> list) {
    Map<ConnectionId, RememberedConnection> out = new java.util.TreeMap<>();
    list.forEach(r -> out.put(r.connection().id(), r));
    return out;
  }
}
