package io.snapif.testing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.DecisionLayer;
import io.snapif.manager.Reason;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test-only policy with rules simple enough to reason about in a test: interfaces whose
 * installation or connection is denied, interfaces that auto-connect (or that a snap's
 * declaration grants by having a plug rule for them), and interfaces whose auto-connection may
 * connect any number of slots. Arity follows snapd: with a {@code 1} arity, only a single
 * allowed candidate is connected.
 *
 * <p>What becomes of state entries on disconnect, refresh and removal is snapd's. When the
 * system property {@code snapif.test.entryPolicy} names a static factory ({@code
 * pkg.Class#method}) of a real evaluator, that evaluator decides it: the policy module runs the
 * core's lifecycle tests so, against its Drools rules.
 */
public final class FakePolicy implements PolicyEvaluator {
  private static final PolicyEvaluator ENTRY_POLICY = entryPolicy();

  private final ImmutableSet<String> denyInstall;
  private final ImmutableSet<String> denyConnect;
  private final ImmutableSet<String> autoConnect;
  private final ImmutableSet<String> anyArity;

  private FakePolicy(Set<String> denyInstall, Set<String> denyConnect, Set<String> autoConnect,
      Set<String> anyArity) {
    this.denyInstall = ImmutableSet.copyOf(denyInstall);
    this.denyConnect = ImmutableSet.copyOf(denyConnect);
    this.autoConnect = ImmutableSet.copyOf(autoConnect);
    this.anyArity = ImmutableSet.copyOf(anyArity);
  }

  /** Allows everything; auto-connects {@code autoConnect}. */
  public static FakePolicy autoConnecting(String... autoConnect) {
    return new FakePolicy(Set.of(), Set.of(), Set.of(autoConnect), Set.of());
  }

  public FakePolicy denyingInstallOf(String... ifaces) {
    return new FakePolicy(Set.of(ifaces), denyConnect, autoConnect, anyArity);
  }

  public FakePolicy denyingConnectionOf(String... ifaces) {
    return new FakePolicy(denyInstall, Set.of(ifaces), autoConnect, anyArity);
  }

  public FakePolicy withAnyArity(String... ifaces) {
    return new FakePolicy(denyInstall, denyConnect, autoConnect, Set.of(ifaces));
  }

  @Override
  public Decision checkInstallation(InstalledSnap snap, Device device,
      DecisionContext context) {
    for (Plug p : snap.snap().plugs().values()) {
      if (denyInstall.contains(p.iface())) {
        return denied(CheckKind.INSTALLATION, snap.name(), "installation denied by \""
            + p.name() + "\" plug rule of interface \"" + p.iface() + "\" for \"" + snap.name()
            + "\" snap");
      }
    }
    for (Slot s : snap.snap().slots().values()) {
      if (denyInstall.contains(s.iface())) {
        return denied(CheckKind.INSTALLATION, snap.name(), "installation denied by \""
            + s.name() + "\" slot rule of interface \"" + s.iface() + "\" for \"" + snap.name()
            + "\" snap");
      }
    }
    return allowed(CheckKind.INSTALLATION, snap.name());
  }

  @Override
  public Decision checkConnection(ConnectCandidate c, DecisionContext context) {
    if (denyConnect.contains(c.plug().iface())) {
      return denied(CheckKind.CONNECTION, c.id().toString(),
          "connection denied by plug rule of interface \"" + c.plug().iface() + "\"");
    }
    return allowed(CheckKind.CONNECTION, c.id().toString());
  }

  private boolean autoAllowed(ConnectCandidate c) {
    String iface = c.plug().iface();
    boolean granted = c.plugSnap().declaration()
        .flatMap(d -> d.rule(Side.PLUG, iface)).isPresent();
    return autoConnect.contains(iface) || granted;
  }

  private Decision autoDecision(ConnectCandidate c) {
    return autoAllowed(c) ? allowed(CheckKind.AUTO_CONNECTION, c.id().toString())
        : denied(CheckKind.AUTO_CONNECTION, c.id().toString(),
            "auto-connection denied by slot rule of interface \"" + c.plug().iface() + "\"");
  }

  @Override
  public AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context) {
    List<AutoConnectPlan.EndpointPlan> endpoints = new ArrayList<>();
    request.plugCandidates().forEach((name, candidates) -> {
      List<ConnectionId> connect = new ArrayList<>(plugSide(candidates));
      endpoints.add(endpoint(Side.PLUG, name, candidates, connect, request));
    });
    request.slotCandidates().forEach((name, candidates) -> {
      List<ConnectionId> connect = new ArrayList<>();
      for (ConnectCandidate c : candidates) {
        if (!autoAllowed(c)) {
          continue;
        }
        // the plug's own view: every slot of its interface on the installed snaps, this one's
        // and the others'
        List<ConnectCandidate> ofPlug = new ArrayList<>();
        for (Slot slot : request.snap().snap().slots().values()) {
          if (slot.iface().equals(c.plug().iface())) {
            ofPlug.add(ConnectCandidate.builder().from(c).slot(slot).slotSnap(request.snap())
                .build());
          }
        }
        ofPlug.addAll(request.otherSlotsOfPlug().forPlug(c.plug().ref()));
        if (plugSide(ofPlug).contains(c.id())) {
          connect.add(c.id());
        }
      }
      endpoints.add(endpoint(Side.SLOT, name, candidates, connect, request));
    });
    return AutoConnectPlan.builder().addAllEndpoints(endpoints).build();
  }

  @Override
  public EntryPlan planEntries(EntryEvent event, DecisionContext context) {
    if (ENTRY_POLICY != null) {
      return ENTRY_POLICY.planEntries(event, context);
    }
    Map<ConnectionId, EntryPlan.Outcome> out = new HashMap<>();
    for (EntryEvent.Touched t : event.entries()) {
      out.put(t.entry().id(), new EntryPlan.Outcome(fate(event, t), "fake", ""));
    }
    return new EntryPlan(out);
  }

  /** snapd 2.57.6's outcomes. */
  private static EntryPlan.Fate fate(EntryEvent event, EntryEvent.Touched t) {
    var entry = t.entry();
    return switch (event.kind()) {
      case DISCONNECT -> event.forget() || !entry.auto()
          ? EntryPlan.Fate.DELETE : EntryPlan.Fate.UNDESIRED;
      case REFRESH -> entry.auto() && !entry.byGadget() && !entry.undesired()
          && !entry.iface().equals("core-support")
          ? EntryPlan.Fate.DELETE : EntryPlan.Fate.KEEP;
      case REMOVE -> t.inEffect() ? EntryPlan.Fate.DELETE : EntryPlan.Fate.RETIRE;
    };
  }

  private static PolicyEvaluator entryPolicy() {
    String factory = System.getProperty("snapif.test.entryPolicy", "");
    if (factory.isEmpty()) {
      return null;
    }
    try {
      String[] parts = factory.split("#", 2);
      Method make = Class.forName(parts[0]).getMethod(parts[1]);
      return (PolicyEvaluator) make.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("snapif.test.entryPolicy=" + factory, e);
    }
  }

  /** The allowed candidates when the arity lets them all connect, else none. */
  private List<ConnectionId> plugSide(List<ConnectCandidate> candidates) {
    List<ConnectionId> allowed = candidates.stream().filter(this::autoAllowed)
        .map(ConnectCandidate::id).toList();
    boolean any = candidates.stream().allMatch(c -> anyArity.contains(c.plug().iface()));
    return any || allowed.size() == 1 ? allowed : List.of();
  }

  private AutoConnectPlan.EndpointPlan endpoint(Side side, String name,
      ImmutableList<ConnectCandidate> candidates, List<ConnectionId> planned,
      AutoConnectRequest request) {
    List<ConnectionId> fresh = planned.stream()
        .filter(id -> !request.existing().containsKey(id)).toList();
    long allowed = candidates.stream().filter(this::autoAllowed).count();
    AutoConnectPlan.Outcome outcome = !fresh.isEmpty() ? AutoConnectPlan.Outcome.CONNECT
        : !planned.isEmpty() ? AutoConnectPlan.Outcome.ALREADY_PRESENT
        : allowed > 1 ? AutoConnectPlan.Outcome.AMBIGUOUS
        : AutoConnectPlan.Outcome.NONE;
    String iface = side == Side.PLUG
        ? request.snap().snap().plugs().get(name).iface()
        : request.snap().snap().slots().get(name).iface();
    return AutoConnectPlan.EndpointPlan.builder()
        .side(side)
        .name(name)
        .iface(iface)
        .outcome(outcome)
        .addAllCandidates(candidates.stream().map(this::autoDecision).toList())
        .addAllConnect(fresh)
        .build();
  }

  private static Decision allowed(CheckKind kind, String subject) {
    return Decision.builder().kind(kind).allowed(true).subject(subject)
        .message(kind.word() + " allowed")
        .addReasons(Reason.of("fake: allowed", DecisionLayer.CUSTOM_RULE, "test policy"))
        .build();
  }

  private static Decision denied(CheckKind kind, String subject, String message) {
    return Decision.builder().kind(kind).allowed(false).subject(subject).message(message)
        .addReasons(Reason.of("fake: denied", DecisionLayer.CUSTOM_RULE, message))
        .build();
  }
}
