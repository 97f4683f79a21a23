package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Constraints;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Rule;
import io.snapif.declaration.Side;
import io.snapif.model.Attributes;
import io.snapif.model.Connection;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for snaps, rules and candidates in policy tests. */
public final class Fixtures {
  public static final Device CLASSIC = Device.builder().classic(true).distro("ubuntu")
      .brand("generic").model("generic-classic").build();
  public static final Device CORE = Device.builder().classic(false).distro("ubuntu-core")
      .brand("canonical").model("pc").build();

  public static final Constraints TRUE = Constraints.always();
  public static final Constraints FALSE = Constraints.never();

  private Fixtures() {}

  /** Alternatives of a rule key. */
  public static Constraints when(ConstraintSet... alternatives) {
    return Constraints.of(List.of(alternatives));
  }

  /** {@code rule(PLUG, "camera", "deny-auto-connection", TRUE, ...)}. */
  public static Rule rule(Side side, String iface, Object... keysAndValues) {
    var rule = Rule.builder().iface(iface).side(side);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = (String) keysAndValues[i];
      Constraints value = (Constraints) keysAndValues[i + 1];
      boolean allow = key.startsWith("allow-");
      String word = key.substring(allow ? 6 : 5);
      CheckKind kind = switch (word) {
        case "installation" -> CheckKind.INSTALLATION;
        case "connection" -> CheckKind.CONNECTION;
        case "auto-connection" -> CheckKind.AUTO_CONNECTION;
        default -> throw new IllegalArgumentException(key);
      };
      if (allow) {
        rule.putAllowKeys(kind, value);
      } else {
        rule.putDenyKeys(kind, value);
      }
    }
    return rule.build();
  }

  /** A declaration holding {@code rules}. */
  public static Declaration declaration(Rule... rules) {
    var d = Declaration.builder();
    for (Rule r : rules) {
      if (r.side() == Side.PLUG) {
        d.putPlugRules(r.iface(), r);
      } else {
        d.putSlotRules(r.iface(), r);
      }
    }
    return d.build();
  }

  public static ConnectCandidate pair(InstalledSnap plugSnap, String plug, InstalledSnap slotSnap,
      String slot, Device device) {
    Plug p = plugSnap.snap().plugs().get(plug);
    Slot s = slotSnap.snap().slots().get(slot);
    if (p == null || s == null) {
      throw new IllegalArgumentException("no " + plug + " / " + slot);
    }
    return ConnectCandidate.builder().plug(p).plugSnap(plugSnap).slot(s).slotSnap(slotSnap)
        .device(device).build();
  }

  /**
   * The auto-connect request of {@code snap} on a system of {@code installed} snaps (which should
   * include it), with every same-interface endpoint as candidate, as the manager builds it.
   */
  public static AutoConnectRequest request(InstalledSnap snap, List<InstalledSnap> installed,
      Device device, Connection... existing) {
    var request = AutoConnectRequest.builder().snap(snap);
    for (Plug plug : snap.snap().plugs().values()) {
      List<ConnectCandidate> list = new ArrayList<>();
      for (InstalledSnap other : installed) {
        for (Slot slot : other.snap().slots().values()) {
          if (slot.iface().equals(plug.iface())) {
            list.add(pair(snap, plug.name(), other, slot.name(), device));
          }
        }
      }
      request.putPlugCandidates(plug.name(), ImmutableList.copyOf(list));
    }
    for (Slot slot : snap.snap().slots().values()) {
      List<ConnectCandidate> list = new ArrayList<>();
      for (InstalledSnap other : installed) {
        for (Plug plug : other.snap().plugs().values()) {
          if (plug.iface().equals(slot.iface())) {
            list.add(pair(other, plug.name(), snap, slot.name(), device));
          }
        }
      }
      request.putSlotCandidates(slot.name(), ImmutableList.copyOf(list));
    }
    for (Connection c : existing) {
      request.putExisting(c.id(), c);
    }
    // as the manager answers it: the plug with every slot of its interface on the other snaps
    request.otherSlotsOfPlug(ref -> {
      InstalledSnap plugSnap = installed.stream().filter(s -> s.name().equals(ref.snap()))
          .findFirst().orElseThrow();
      Plug plug = plugSnap.snap().plugs().get(ref.name());
      List<ConnectCandidate> out = new ArrayList<>();
      for (InstalledSnap other : installed) {
        if (other != snap) {
          for (Slot slot : other.snap().slots().values()) {
            if (slot.iface().equals(plug.iface())) {
              out.add(pair(plugSnap, plug.name(), other, slot.name(), device));
            }
          }
        }
      }
      return out;
    });
    return request.build();
  }

  public static SnapSpec app(String name) {
    return new SnapSpec(name, SnapType.APP);
  }

  public static SnapSpec snap(String name, SnapType type) {
    return new SnapSpec(name, type);
  }

  /** The system snap {@code core} with the given implicit slots (slot name = interface). */
  public static InstalledSnap core(String... slots) {
    SnapSpec spec = new SnapSpec("core", SnapType.OS).publisher("canonical");
    for (String s : slots) {
      spec.slot(s, s);
    }
    return spec.build();
  }

  /** A snap under construction; a store snap of publisher {@code dev-NAME} by default. */
  public static final class SnapSpec {
    private final String name;
    private final SnapType type;
    private String publisher;
    private String snapId;
    private Declaration declaration = Declaration.empty();
    private boolean dangerous;
    private final Map<String, Plug> plugs = new LinkedHashMap<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    SnapSpec(String name, SnapType type) {
      this.name = name;
      this.type = type;
      this.publisher = "dev-" + name;
      this.snapId = name + "-id";
    }

    public SnapSpec publisher(String publisher) {
      this.publisher = publisher;
      return this;
    }

    public SnapSpec snapId(String snapId) {
      this.snapId = snapId;
      return this;
    }

    public SnapSpec declaration(Declaration declaration) {
      this.declaration = declaration;
      return this;
    }

    public SnapSpec dangerous() {
      this.dangerous = true;
      return this;
    }

    public SnapSpec plug(String plug, String iface, Object... attrs) {
      plugs.put(plug, Plug.builder().snap(name).name(plug).iface(iface)
          .attributes(attributes(attrs)).build());
      return this;
    }

    public SnapSpec slot(String slot, String iface, Object... attrs) {
      slots.put(slot, Slot.builder().snap(name).name(slot).iface(iface)
          .attributes(attributes(attrs)).build());
      return this;
    }

    public InstalledSnap build() {
      var snap = Snap.builder().name(name).type(type).plugs(plugs).slots(slots);
      if (!dangerous) {
        snap.snapId(snapId).publisherId(publisher);
      }
      var installed = InstalledSnap.builder().snap(snap.build());
      if (!dangerous) {
        installed.declaration(declaration);
      }
      return installed.build();
    }
  }

  /** {@code "key", value, "key2", value2} as attributes. */
  public static Attributes attributes(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Attributes.of(map);
  }

  public static ImmutableList<String> list(String... values) {
    return ImmutableList.copyOf(values);
  }
}
