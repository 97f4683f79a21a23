package io.snapif.testing;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Constraints;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Rule;
import io.snapif.declaration.Side;
import io.snapif.model.Attributes;
import io.snapif.model.GadgetConnection;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test snaps in one line: endpoints are written {@code name} (interface = name) or {@code
 * name=iface}. Store snaps get snap-id {@code <name>-id} and publisher {@code dev-<name>}, as in
 * the scenario format.
 */
public final class Snaps {
  private final String name;
  private SnapType type = SnapType.APP;
  private int revision = 1;
  private final Map<String, Plug> plugs = new LinkedHashMap<>();
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private Declaration declaration = Declaration.empty();
  private boolean dangerous;
  private final List<GadgetConnection> gadget = new ArrayList<>();

  private Snaps(String name) {
    this.name = name;
  }

  public static Snaps snap(String name) {
    return new Snaps(name);
  }

  public Snaps type(SnapType type) {
    this.type = type;
    return this;
  }

  public Snaps revision(int revision) {
    this.revision = revision;
    return this;
  }

  public Snaps plugs(String... specs) {
    for (String spec : specs) {
      String[] p = spec.split("=", 2);
      plugs.put(p[0], Plug.builder().snap(name).name(p[0]).iface(p.length > 1 ? p[1] : p[0])
          .build());
    }
    return this;
  }

  public Snaps plug(String plug, String iface, Map<String, ?> attributes) {
    plugs.put(plug, Plug.builder().snap(name).name(plug).iface(iface)
        .attributes(Attributes.of(attributes)).build());
    return this;
  }

  public Snaps slots(String... specs) {
    for (String spec : specs) {
      String[] p = spec.split("=", 2);
      slots.put(p[0], Slot.builder().snap(name).name(p[0]).iface(p.length > 1 ? p[1] : p[0])
          .build());
    }
    return this;
  }

  public Snaps slot(String slot, String iface, Map<String, ?> attributes) {
    slots.put(slot, Slot.builder().snap(name).name(slot).iface(iface)
        .attributes(Attributes.of(attributes)).build());
    return this;
  }

  /** A snap-declaration granting auto-connection of these plug interfaces. */
  public Snaps granting(String... ifaces) {
    Map<String, Rule> rules = new LinkedHashMap<>(declaration.plugRules());
    for (String iface : ifaces) {
      rules.put(iface, Rule.builder().iface(iface).side(Side.PLUG)
          .putAllowKeys(CheckKind.AUTO_CONNECTION, Constraints.always()).build());
    }
    declaration = Declaration.builder().from(declaration).plugRules(rules).build();
    return this;
  }

  public Snaps dangerous() {
    this.dangerous = true;
    return this;
  }

  /** A gadget connection {@code plugSnapId:plug slotSnapId:slot}. */
  public Snaps gadgetConnection(String plugSnapId, String plug, String slotSnapId, String slot) {
    gadget.add(GadgetConnection.builder().plugSnapId(plugSnapId).plugName(plug)
        .slotSnapId(slotSnapId).slotName(slot).build());
    return this;
  }

  public InstalledSnap build() {
    Snap s = Snap.builder()
        .name(name)
        .type(type)
        .revision(revision)
        .snapId(dangerous ? Optional.empty() : Optional.of(name + "-id"))
        .publisherId(dangerous ? Optional.empty()
            : Optional.of("dev-" + name))
        .putAllPlugs(plugs)
        .putAllSlots(slots)
        .build();
    return InstalledSnap.builder()
        .snap(s)
        .declaration(dangerous ? Optional.empty() : Optional.of(declaration))
        .addAllGadgetConnections(gadget)
        .build();
  }
}
