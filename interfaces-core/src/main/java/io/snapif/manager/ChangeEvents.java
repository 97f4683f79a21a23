package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Side;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.spi.ConnectionListener;
import io.snapif.spi.InterfaceHook;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners and the connect/disconnect side of hooks what a committed change did, by
 * comparing the snapshots before and after: first what stopped being in effect, then what
 * became remembered, what was forgotten, and last what came into effect. A failing listener is
 * logged and does not stop the others.
 */
final class ChangeEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeEvents.class);

  private final ImmutableList<ConnectionListener> listeners;
  private final ImmutableList<InterfaceHook> hooks;

  ChangeEvents(ImmutableList<ConnectionListener> listeners, ImmutableList<InterfaceHook> hooks) {
    this.listeners = listeners;
    this.hooks = hooks;
  }

  boolean isEmpty() {
    return listeners.isEmpty() && hooks.isEmpty();
  }

  void fire(Snapshot before, Snapshot after) {
    for (Map.Entry<ConnectionId, Connection> e : before.established().entrySet()) {
      if (!after.established().containsKey(e.getKey())) {
        Connection c = e.getValue();
        each(hooks, h -> h.disconnect(Side.SLOT, c));
        each(hooks, h -> h.disconnect(Side.PLUG, c));
        each(listeners, l -> l.disconnected(c));
      }
    }
    for (Map.Entry<ConnectionId, RememberedConnection> e : after.remembered().entrySet()) {
      if (!before.remembered().containsKey(e.getKey())) {
        each(listeners, l -> l.remembered(e.getValue()));
      }
    }
    for (Map.Entry<ConnectionId, RememberedConnection> e : before.remembered().entrySet()) {
      if (!after.state.connections().containsKey(e.getKey())) {
        each(listeners, l -> l.forgotten(e.getValue().connection()));
      }
    }
    for (Map.Entry<ConnectionId, Connection> e : after.established().entrySet()) {
      if (!before.established().containsKey(e.getKey())) {
        Connection c = e.getValue();
        each(hooks, h -> h.connect(Side.SLOT, c));
        each(hooks, h -> h.connect(Side.PLUG, c));
        each(listeners, l -> l.connected(c));
      }
    }
  }

  private static <T> void each(ImmutableList<T> targets, Consumer<T> call) {
    for (T target : targets) {
      try {
        call.accept(target);
      } catch (RuntimeException e) {
        LOG.warn("{} failed on a connection event; the change stays committed", target, e);
      }
    }
  }
}
