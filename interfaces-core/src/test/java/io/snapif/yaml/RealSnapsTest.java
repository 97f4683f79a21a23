package io.snapif.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.model.Attributes;
import io.snapif.model.Snap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real snaps' snap.yaml (from the worked scenarios) read back to what snapd reads: each
 * {@code snaps/NAME/expected.json} lists plugs and slots with interface and attributes (after
 * the interfaces' defaults) and the dropped ones, in the shape of the oracle's snap-info dump.
 */
class RealSnapsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String resource(String path) throws IOException {
    try (InputStream in = RealSnapsTest.class.getResourceAsStream("/snaps/" + path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Snap read(String name) throws IOException {
    return SnapYaml.read(resource(name + "/snap.yaml"), name + "/snap.yaml",
        InterfaceCatalog.builtin());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "snap-store", "gnome-46-2404", "pi", "cups", "checkbox24", "microk8s", "mosquitto"})
  void readsWhatSnapdReads(String name) throws IOException {
    Snap snap = read(name);
    JsonNode expected = JSON.readTree(resource(name + "/expected.json"));
    assertThat(snap.name()).isEqualTo(expected.path("name").asText());
    assertThat(snap.type().yamlName()).isEqualTo(expected.path("type").asText());
    assertThat(endpoints(snap.plugs(), p -> p.iface(), p -> p.attributes()))
        .isEqualTo(expectedEndpoints(expected.path("plugs")));
    assertThat(endpoints(snap.slots(), s -> s.iface(), s -> s.attributes()))
        .isEqualTo(expectedEndpoints(expected.path("slots")));
    JsonNode dropped = expected.path("dropped");
    assertThat(snap.badInterfaces()).isEqualTo(
        dropped.isMissingNode() ? Map.of() : JSON.convertValue(dropped, Map.class));
  }

  @Test
  void desktopApp_bindsEveryListedPlugAndLeavesUnscopedSlotsToAllApps() throws IOException {
    Snap store = read("snap-store");
    assertThat(store.apps().get("packagekit-session-installer").plugs())
        .contains("snapd-control", "desktop", "packagekit-control")
        // top-level content plugs no app lists are bound everywhere
        .contains("gtk-3-themes", "gnome-46-2404");
    assertThat(store.apps().get("snap-store").slots())
        .containsExactlyInAnyOrder("packagekit-session", "dbus-name");
  }

  @Test
  void contentAttributesAreCompletedAsSnapdDoes() throws IOException {
    Snap cups = read("cups");
    assertThat(cups.slots().get("install-cups-runtime-dependency").attributes().asMap())
        .containsEntry("content", "foo");
    Snap microk8s = read("microk8s");
    assertThat(microk8s.plugs().get("ceph-conf").attributes().getString("content"))
        .contains("ceph-conf");
    assertThat(microk8s.slots().get("microk8s").attributes().get("source.read"))
        .contains(List.of("$SNAP_DATA/credentials"));
  }

  private static <T> Map<String, Object> endpoints(Map<String, T> map,
      Function<T, String> iface, Function<T, Attributes> attrs) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach((name, e) -> out.put(name, Map.of(
        "interface", iface.apply(e), "attrs", attrs.apply(e).asMap())));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> expectedEndpoints(JsonNode node) {
    Map<String, Object> out = new TreeMap<>();
    node.fields().forEachRemaining(e -> {
      Map<String, Object> attrs = node.path(e.getKey()).has("attrs")
          ? JSON.convertValue(e.getValue().path("attrs"), Map.class) : Map.of();
      out.put(e.getKey(), Map.of("interface", e.getValue().path("interface").asText(),
          "attrs", Attributes.of(attrs).asMap()));
    });
    return out;
  }
}
