package io.snapif.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.InterfaceInfo;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.DeclarationParser;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.yaml.SnapYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark system of the repository's {@code bench/} folder, every snap installed at once on a
 * classic system with the {@code core} system snap, and the auto-connect requests of its snaps.
 */
final class BenchSystem {
  final Device device = Device.builder().classic(true).distro("ubuntu").brand("generic")
      .model("generic-classic").build();
  final List<InstalledSnap> snaps = new ArrayList<>();

  @SuppressWarnings("unchecked")
  BenchSystem(Path file) throws IOException {
    Map<String, Object> json = new ObjectMapper().readValue(file.toFile(), Map.class);
    InterfaceCatalog catalog = InterfaceCatalog.builtin();
    Map<String, Slot> implicit = new LinkedHashMap<>();
    for (InterfaceInfo i : catalog.implicitOn(true)) {
      implicit.put(i.name(), Slot.builder().snap("core").name(i.name()).iface(i.name()).build());
    }
    snaps.add(InstalledSnap.builder().snap(Snap.builder().name("core").type(SnapType.OS)
        .snapId("99T7MUlRhtI3U0QFgl5mXXESAiSwt776").publisherId("canonical").slots(implicit)
        .build()).declaration(Declaration.empty()).build());
    Map<String, Map<String, Object>> defs = (Map<String, Map<String, Object>>) json.get("snaps");
    defs.forEach((name, def) -> {
      Snap snap = SnapYaml.read((String) def.get("yaml"), name, catalog);
      snap = Snap.builder().from(snap).snapId(name + "-id")
          .publisherId((String) def.getOrDefault("publisher-id", "dev-" + name)).build();
      Declaration decl = def.containsKey("declaration")
          ? DeclarationParser.parseRules((Map<String, ?>) def.get("declaration"), name)
          : Declaration.empty();
      snaps.add(InstalledSnap.builder().snap(snap).declaration(decl).build());
    });
  }

  /** The request of {@code snap} with every same-interface endpoint of the system. */
  AutoConnectRequest request(InstalledSnap snap, boolean withSlots) {
    var request = AutoConnectRequest.builder().snap(snap);
    for (Plug plug : snap.snap().plugs().values()) {
      ImmutableList.Builder<ConnectCandidate> list = ImmutableList.builder();
      for (InstalledSnap other : snaps) {
        for (Slot slot : other.snap().slots().values()) {
          if (slot.iface().equals(plug.iface())) {
            list.add(candidate(plug, snap, slot, other));
          }
        }
      }
      request.putPlugCandidates(plug.name(), list.build());
    }
    if (withSlots) {
      request.otherSlotsOfPlug(ref -> {
        InstalledSnap plugSnap = snaps.stream().filter(s -> s.name().equals(ref.snap()))
            .findFirst().orElseThrow();
        Plug plug = plugSnap.snap().plugs().get(ref.name());
        List<ConnectCandidate> out = new ArrayList<>();
        for (InstalledSnap other : snaps) {
          if (other != snap) {
            for (Slot slot : other.snap().slots().values()) {
              if (slot.iface().equals(plug.iface())) {
                out.add(candidate(plug, plugSnap, slot, other));
              }
            }
          }
        }
        return out;
      });
      for (Slot slot : snap.snap().slots().values()) {
        ImmutableList.Builder<ConnectCandidate> list = ImmutableList.builder();
        for (InstalledSnap other : snaps) {
          for (Plug plug : other.snap().plugs().values()) {
            if (plug.iface().equals(slot.iface())) {
              list.add(candidate(plug, other, slot, snap));
            }
          }
        }
        request.putSlotCandidates(slot.name(), list.build());
      }
    }
    return request.build();
  }

  private ConnectCandidate candidate(Plug plug, InstalledSnap plugSnap, Slot slot,
      InstalledSnap slotSnap) {
    return ConnectCandidate.builder().plug(plug).plugSnap(plugSnap).slot(slot).slotSnap(slotSnap)
        .device(device).build();
  }
}
