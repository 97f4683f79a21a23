package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Side;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.spi.ConnectionListener;
import io.snapif.spi.InterfaceHook;
import io.snapif.spi.StateChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners and the connect/disconnect side of hooks what a committed change did, by
 * comparing the snapshots before and after: first what stopped being in effect, then what
 * became remembered, what was forgotten, and last what came into effect, each in id order. A
 * failing listener is logged and does not stop the others.
 *
 * <p>Design notes. Only the entries the change could affect are compared: the entries it put or
 * removed, and the entries naming a snap it put or removed. Any other entry and both its snaps
 * are the same before and after, and so is whether it is in effect.
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

  /** Tells what {@code change}, which made {@code after} from {@code before}, did. */
  void fire(Snapshot before, Snapshot after, StateChange change) {
    List<Status> affected = new ArrayList<>();
    for (ConnectionId id : affected(before, after, change)) {
      affected.add(new Status(before, after, id));
    }
    for (Status s : affected) {
      if (s.wasInEffect() && !s.isInEffect()) {
        Connection c = s.before.orElseThrow();
        each(hooks, h -> h.disconnect(Side.SLOT, c));
        each(hooks, h -> h.disconnect(Side.PLUG, c));
        each(listeners, l -> l.disconnected(c));
      }
    }
    for (Status s : affected) {
      if (s.isRemembered() && !s.wasRemembered()) {
        RememberedConnection r = RememberedConnection.of(s.after.orElseThrow(), s.whyAfter.get());
        each(listeners, l -> l.remembered(r));
      }
    }
    for (Status s : affected) {
      if (s.wasRemembered() && s.after.isEmpty()) {
        each(listeners, l -> l.forgotten(s.before.orElseThrow()));
      }
    }
    for (Status s : affected) {
      if (s.isInEffect() && !s.wasInEffect()) {
        Connection c = s.after.orElseThrow();
        each(hooks, h -> h.connect(Side.SLOT, c));
        each(hooks, h -> h.connect(Side.PLUG, c));
        each(listeners, l -> l.connected(c));
      }
    }
  }

  /** The ids of the entries {@code change} could affect, in id order. */
  private static SortedSet<ConnectionId> affected(Snapshot before, Snapshot after,
      StateChange change) {
    SortedSet<ConnectionId> ids = new TreeSet<>(change.removedConnections());
    change.putConnections().forEach(c -> ids.add(c.id()));
    Set<String> snaps = new HashSet<>(change.removedSnaps());
    change.putSnaps().forEach(s -> snaps.add(s.name()));
    for (String snap : snaps) {
      ids.addAll(before.index.entryIds(snap));
      ids.addAll(after.index.entryIds(snap));
    }
    return ids;
  }

  /** An entry before and after, and why it was or is only remembered (empty: in effect). */
  private static final class Status {
    final Optional<Connection> before;
    final Optional<Connection> after;
    final Optional<RememberedConnection.Why> whyBefore;
    final Optional<RememberedConnection.Why> whyAfter;

    Status(Snapshot was, Snapshot now, ConnectionId id) {
      before = was.state.connection(id);
      after = now.state.connection(id);
      whyBefore = before.flatMap(e -> EntryStatus.whyRemembered(e, was.index::snap));
      whyAfter = after.flatMap(e -> EntryStatus.whyRemembered(e, now.index::snap));
    }

    boolean wasInEffect() {
      return before.isPresent() && whyBefore.isEmpty();
    }

    boolean isInEffect() {
      return after.isPresent() && whyAfter.isEmpty();
    }

    boolean wasRemembered() {
      return whyBefore.isPresent();
    }

    boolean isRemembered() {
      return whyAfter.isPresent();
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
