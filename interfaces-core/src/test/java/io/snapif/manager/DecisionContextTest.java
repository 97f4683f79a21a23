package io.snapif.manager;

import static io.snapif.manager.Fixtures.manager;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.refresh;
import static io.snapif.testing.Ops.remove;
import static io.snapif.testing.Ops.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.Connection;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.SlotRef;
import io.snapif.model.SnapType;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import io.snapif.testing.FakePolicy;
import io.snapif.testing.Snaps;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@link DecisionContext} the manager passes with every question: the operation, whether it
 * is committed, simulated or explained, and the connections in effect as the operation has
 * changed them so far.
 */
class DecisionContextTest {
  /** Decides like {@link FakePolicy} and records each question with its context. */
  private static final class Recording implements PolicyEvaluator {
    final PolicyEvaluator policy = FakePolicy.autoConnecting("network");
    final List<String> asked = new ArrayList<>();
    /** For auto-connect: the snap's connections in effect, as the lookup gave them. */
    final List<String> seen = new ArrayList<>();

    private void ask(String what, DecisionContext context) {
      asked.add(what + " " + context.operation() + " " + context.mode());
    }

    @Override
    public Decision checkInstallation(InstalledSnap snap, Device device) {
      throw new AssertionError("the manager asks with a context");
    }

    @Override
    public Decision checkConnection(ConnectCandidate candidate) {
      throw new AssertionError("the manager asks with a context");
    }

    @Override
    public AutoConnectPlan planAutoConnect(AutoConnectRequest request) {
      throw new AssertionError("the manager asks with a context");
    }

    @Override
    public EntryPlan planEntries(EntryEvent event) {
      throw new AssertionError("the manager asks with a context");
    }

    @Override
    public Decision checkInstallation(InstalledSnap snap, Device device,
        DecisionContext context) {
      ask("install-check " + snap.name(), context);
      return policy.checkInstallation(snap, device);
    }

    @Override
    public Decision checkConnection(ConnectCandidate candidate, DecisionContext context) {
      ask("connect-check " + candidate.id(), context);
      return policy.checkConnection(candidate);
    }

    @Override
    public AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context) {
      ask("auto-connect " + request.snap().name(), context);
      seen.add(request.snap().name() + ": " + ids(context.connections().ofSnap(
          request.snap().name())));
      return policy.planAutoConnect(request);
    }

    @Override
    public EntryPlan planEntries(EntryEvent event, DecisionContext context) {
      ask("entries " + event.kind(), context);
      return policy.planEntries(event);
    }
  }

  private static String ids(List<Connection> connections) {
    return connections.stream().map(c -> c.id().toString()).collect(Collectors.joining(", "));
  }

  private static final InstalledSnap VLC = Snaps.snap("vlc").plugs("network", "camera").build();

  @Test
  void everyQuestion_carriesTheOperationAndItsMode() {
    Recording policy = new Recording();
    DefaultInterfaceManager m = manager(policy);

    m.apply(install(VLC));
    m.simulate(connect("vlc:camera"));
    m.apply(connect("vlc:camera"));
    m.explain("vlc", "camera");
    m.apply(disconnect("vlc:camera"));
    m.apply(refresh(VLC));
    m.apply(remove("vlc"));

    assertThat(policy.asked).containsExactly(
        "install-check vlc INSTALL COMMIT",
        "auto-connect vlc INSTALL COMMIT",
        "connect-check vlc:camera core:camera CONNECT SIMULATE",
        "connect-check vlc:camera core:camera CONNECT COMMIT",
        "auto-connect vlc EXPLAIN EXPLAIN",
        "connect-check vlc:camera core:camera EXPLAIN EXPLAIN",
        "entries DISCONNECT DISCONNECT COMMIT",
        "install-check vlc REFRESH COMMIT",
        "auto-connect vlc REFRESH COMMIT",
        "entries REMOVE REMOVE COMMIT");
  }

  @Test
  void connections_areThoseInEffectAsTheOperationMadeThem() {
    Recording policy = new Recording();
    DefaultInterfaceManager m = manager(policy);
    InstalledSnap pc = Snaps.snap("pc").type(SnapType.GADGET)
        .gadgetConnection("app-id", "camera", "system", "camera").build();
    InstalledSnap app = Snaps.snap("app").plugs("camera", "network").build();

    m.apply(seed(pc, app));
    m.apply(disconnect("app:network"));  // auto: remembered as undesired, not in effect
    m.apply(refresh(app));

    assertThat(policy.asked).contains("auto-connect app SEED COMMIT");
    assertThat(policy.seen).containsExactly(
        "pc: ",
        // the gadget connection made earlier in the same seed counts
        "app: app:camera core:camera",
        "app: app:camera core:camera");
    DecisionContext context = new StateDraft(new Snapshot(m.state()),
        DecisionContext.OperationKind.CONNECT, DecisionContext.Mode.COMMIT, false).context();
    assertThat(ids(context.connections().ofSlot(SlotRef.of("core", "camera"))))
        .isEqualTo("app:camera core:camera");
    assertThat(context.connections().ofSlot(SlotRef.of("core", "network"))).isEmpty();
  }
}
