package io.snapif.manager;

import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.forget;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.refresh;
import static io.snapif.testing.Ops.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.declaration.Side;
import io.snapif.model.Attributes;
import io.snapif.model.Connection;
import io.snapif.spi.ConnectionListener;
import io.snapif.spi.HookContext;
import io.snapif.spi.HookOutcome;
import io.snapif.spi.InterfaceHook;
import io.snapif.spi.SystemState;
import io.snapif.testing.Snaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenersAndHooksTest {

  /** Records events as {@code "kind id"}. */
  static final class Recorder implements ConnectionListener, InterfaceHook {
    final List<String> events = new ArrayList<>();

    @Override
    public void connected(Connection c) {
      events.add("connected " + c.id());
    }

    @Override
    public void disconnected(Connection c) {
      events.add("disconnected " + c.id());
    }

    @Override
    public void remembered(RememberedConnection r) {
      events.add("remembered " + r.connection().id() + " " + r.why());
    }

    @Override
    public void forgotten(Connection c) {
      events.add("forgotten " + c.id());
    }

    @Override
    public void connect(Side side, Connection c) {
      events.add("hook connect-" + side.word() + " " + c.id());
    }

    @Override
    public void disconnect(Side side, Connection c) {
      events.add("hook disconnect-" + side.word() + " " + c.id());
    }
  }

  private static InterfaceManager manager(Recorder recorder, InterfaceHook... hooks) {
    InterfaceManagerBuilder b = InterfaceManager.builder().policy(Fixtures.POLICY)
        .implicitInterfaces(Fixtures.IMPLICIT).listener(recorder).hook(recorder);
    for (InterfaceHook h : hooks) {
      b.hook(h);
    }
    return b.build();
  }

  @Test
  void listeners_hearCommittedChangesInOrder() {
    Recorder r = new Recorder();
    InterfaceManager m = manager(r);
    m.apply(install(Snaps.snap("app").plugs("home", "camera").build()));
    assertThat(r.events).containsExactly(
        "hook connect-slot app:home core:home",
        "hook connect-plug app:home core:home",
        "connected app:home core:home");

    r.events.clear();
    m.apply(disconnect("app:home"));
    assertThat(r.events).containsExactly(
        "hook disconnect-slot app:home core:home",
        "hook disconnect-plug app:home core:home",
        "disconnected app:home core:home",
        "remembered app:home core:home UNDESIRED");

    r.events.clear();
    m.apply(connect("app:camera"));
    m.apply(refresh(Snaps.snap("app").plugs("home").build()));
    assertThat(r.events).containsExactly(
        "hook connect-slot app:camera core:camera",
        "hook connect-plug app:camera core:camera",
        "connected app:camera core:camera",
        "hook disconnect-slot app:camera core:camera",
        "hook disconnect-plug app:camera core:camera",
        "disconnected app:camera core:camera",
        "remembered app:camera core:camera PLUG_MISSING");

    r.events.clear();
    m.apply(forget("app:home", ":home"));
    m.apply(remove("app"));
    assertThat(r.events).containsExactly(
        "forgotten app:home core:home",
        "forgotten app:camera core:camera");
  }

  @Test
  void prepareHook_setsDynamicAttributes() {
    InterfaceHook hook = new InterfaceHook() {
      @Override
      public HookOutcome prepare(Side side, HookContext context) {
        return side == Side.PLUG
            ? HookOutcome.proceed(Attributes.of(Map.of("who", "plug")))
            : HookOutcome.proceed(Attributes.of(Map.of("saw", context.plugDynamic()
                .getString("who").orElse("nothing"))));
      }
    };
    InterfaceManager m = manager(new Recorder(), hook);
    m.apply(install(vlc()));

    Connection c = Fixtures.entry(m, "vlc:home core:home");
    assertThat(c.plugDynamic().getString("who")).contains("plug");
    assertThat(c.slotDynamic().getString("saw")).contains("plug");
  }

  @Test
  void manualConnectionPolicy_seesTheDynamicAttributesOfPrepareHooks() {
    // like snapd's connect task: prepare hooks first, then the connection rules
    io.snapif.spi.PolicyEvaluator policy = new io.snapif.spi.PolicyEvaluator() {
      @Override
      public io.snapif.spi.EntryPlan planEntries(io.snapif.spi.EntryEvent event,
          io.snapif.spi.DecisionContext context) {
        return Fixtures.POLICY.planEntries(event, context);
      }

      @Override
      public Decision checkInstallation(io.snapif.model.InstalledSnap snap,
          io.snapif.model.Device device, io.snapif.spi.DecisionContext context) {
        return Fixtures.POLICY.checkInstallation(snap, device, context);
      }

      @Override
      public Decision checkConnection(io.snapif.spi.ConnectCandidate c,
          io.snapif.spi.DecisionContext context) {
        boolean restricted = c.plugDynamic().get("restricted").isPresent();
        return restricted
            ? Fixtures.POLICY.denyingConnectionOf(c.plug().iface()).checkConnection(c)
            : Fixtures.POLICY.checkConnection(c);
      }

      @Override
      public io.snapif.spi.AutoConnectPlan planAutoConnect(io.snapif.spi.AutoConnectRequest r,
          io.snapif.spi.DecisionContext context) {
        return Fixtures.POLICY.planAutoConnect(r, context);
      }
    };
    InterfaceHook restrictCamera = new InterfaceHook() {
      @Override
      public HookOutcome prepare(Side side, HookContext context) {
        return side == Side.PLUG && context.candidate().plug().iface().equals("camera")
            ? HookOutcome.proceed(Attributes.of(Map.of("restricted", true)))
            : HookOutcome.proceed();
      }
    };
    InterfaceManager m = InterfaceManager.builder().policy(policy)
        .implicitInterfaces(Fixtures.IMPLICIT).hook(restrictCamera).build();
    m.apply(install(vlc()));

    assertThatThrownBy(() -> m.apply(connect("vlc:camera")))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONNECT_DENIED));
    assertThat(m.connections()).doesNotContainKey(
        io.snapif.model.ConnectionId.parse("vlc:camera core:camera"));
  }

  @Test
  void prepareHookVeto_failsTheOperationWithConflictAndChangesNothing() {
    InterfaceHook veto = new InterfaceHook() {
      @Override
      public HookOutcome prepare(Side side, HookContext context) {
        return side == Side.SLOT && context.candidate().plug().iface().equals("home")
            ? HookOutcome.veto("home is private") : HookOutcome.proceed();
      }
    };
    Recorder r = new Recorder();
    DefaultInterfaceManager m = (DefaultInterfaceManager) manager(r, veto);
    SystemState before = m.state();

    assertThatThrownBy(() -> m.apply(install(vlc())))
        .isInstanceOfSatisfying(OperationException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
        .hasMessage("cannot connect vlc:home to core:home: prepare hook of slot core:home "
            + "refused: home is private");
    assertThat(m.state()).isEqualTo(before);
    assertThat(r.events).isEmpty();
  }

  @Test
  void failingListener_doesNotUndoTheChangeOrStopOthers() {
    Recorder r = new Recorder();
    InterfaceManager m = InterfaceManager.builder().policy(Fixtures.POLICY)
        .implicitInterfaces(Fixtures.IMPLICIT)
        .listener(new ConnectionListener() {
          @Override
          public void connected(Connection c) {
            throw new IllegalStateException("boom");
          }
        })
        .listener(r).build();

    m.apply(install(Snaps.snap("app").plugs("home").build()));

    assertThat(m.connections()).hasSize(1);
    assertThat(r.events).containsExactly("connected app:home core:home");
  }

  @Test
  void listener_mayQueryButNotApply() {
    List<Object> seen = new ArrayList<>();
    InterfaceManager[] self = new InterfaceManager[1];
    self[0] = InterfaceManager.builder().policy(Fixtures.POLICY)
        .implicitInterfaces(Fixtures.IMPLICIT)
        .listener(new ConnectionListener() {
          @Override
          public void connected(Connection c) {
            seen.add(self[0].connections().size());
            try {
              self[0].apply(disconnect("app:home"));
            } catch (IllegalStateException e) {
              seen.add(e.getMessage());
            }
          }
        }).build();

    self[0].apply(install(Snaps.snap("app").plugs("home").build()));

    assertThat(seen).containsExactly(1,
        "a connection listener or hook must not apply or simulate operations");
  }
}
