package io.snapif.testing;

import io.snapif.manager.Operation;
import io.snapif.model.InstalledSnap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random operations over a small world where everything interacts: three snaps ({@code a},
 * {@code b}, {@code c}) whose revisions have random plugs and slots over a few interfaces (a
 * plug or slot keeps its name while its interface may change), random store grants, local
 * installs, and every connect and disconnect form, valid or not.
 */
public final class RandomOps {
  public static final List<String> SNAPS = List.of("a", "b", "c");
  public static final List<String> IMPLICIT = List.of("network", "camera", "audio");
  private static final List<String> IFACES = List.of("network", "camera", "audio", "mpris");
  private static final List<String> PLUGS = List.of("network", "camera", "audio", "mpris");
  private static final List<String> SLOTS = List.of("mpris", "network");

  /** Auto-connects network and mpris; denies manual audio connections and forbidden installs. */
  public static FakePolicy policy() {
    return FakePolicy.autoConnecting("network", "mpris").denyingConnectionOf("audio")
        .denyingInstallOf("forbidden");
  }

  private RandomOps() {}

  public static Arbitrary<InstalledSnap> snap() {
    return Combinators.combine(
            Arbitraries.of(SNAPS),
            endpoints(PLUGS),
            endpoints(SLOTS),
            Arbitraries.subsetOf(IFACES),
            Arbitraries.integers().between(0, 9))
        .as((name, plugs, slots, grants, flavour) -> {
          Snaps s = Snaps.snap(name).plugs(plugs.toArray(String[]::new))
              .slots(slots.toArray(String[]::new))
              .granting(grants.toArray(String[]::new));
          if (flavour == 0) {
            s.dangerous();
          } else if (flavour == 1) {
            s.plugs("bad=forbidden");
          }
          return s.build();
        });
  }

  /**
   * Some of {@code names}, each as {@code name=iface}: mostly the interface of its name, now
   * and then another one, so that refreshes change interfaces under existing connections.
   */
  private static Arbitrary<List<String>> endpoints(List<String> names) {
    Arbitrary<String> iface = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(IFACES)));
    Arbitrary<Boolean> present = Arbitraries.frequency(
        net.jqwik.api.Tuple.of(3, true), net.jqwik.api.Tuple.of(1, false));
    return Combinators.combine(iface.list().ofSize(names.size()),
            present.list().ofSize(names.size()))
        .as((ifaces, chosen) -> {
          List<String> out = new ArrayList<>();
          for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (chosen.get(i)) {
              out.add(name + "=" + (ifaces.get(i).isEmpty() ? name : ifaces.get(i)));
            }
          }
          return out;
        });
  }

  /** Mostly installed-or-not app snaps, sometimes the system snap or an unknown one. */
  private static Arbitrary<String> snapRef() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of("a", "b", "c")),
        net.jqwik.api.Tuple.of(3, Arbitraries.of("", "system", "core")),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("zz")));
  }

  private static Arbitrary<String> endpointName() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, Arbitraries.of(IFACES)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("x")));
  }

  public static Arbitrary<Operation> operation() {
    Arbitrary<Operation> install = snap().map(Operation.Install::new);
    Arbitrary<Operation> refresh = snap().map(Operation.Refresh::new);
    Arbitrary<Operation> remove = Arbitraries.of("a", "b", "c", "zz").map(Operation.Remove::new);
    // the slot is mostly named as the plug: that is how most plugs find their slot
    Arbitrary<Operation> connect = Combinators.combine(Arbitraries.of(SNAPS), endpointName(),
            snapRef().optional(0.7), Arbitraries.integers().between(0, 9), endpointName())
        .as((snap, plug, slotSnap, form, other) -> (Operation) new Operation.Connect(snap, plug,
            slotSnap, form < 5 ? Optional.empty() : Optional.of(form < 9 ? plug : other)));
    Arbitrary<Operation> disconnect = Combinators.combine(snapRef(), endpointName(),
            snapRef(), Arbitraries.integers().between(0, 9), Arbitraries.of(true, false))
        .as((snap, name, other, form, forget) -> form < 4
            ? new Operation.Disconnect(snap, name, Optional.empty(), Optional.empty(), forget)
            : new Operation.Disconnect(snap, name, Optional.of(other), Optional.of(name),
                forget));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, install),
        net.jqwik.api.Tuple.of(3, refresh),
        net.jqwik.api.Tuple.of(1, remove),
        net.jqwik.api.Tuple.of(3, connect),
        net.jqwik.api.Tuple.of(3, disconnect));
  }

  public static Arbitrary<List<Operation>> operations() {
    return operation().list().ofMinSize(4).ofMaxSize(30);
  }
}
