package io.snapif.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.catalog.sanitizers.AttributeCheckException;
import io.snapif.catalog.sanitizers.Sanitizers;
import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InterfaceCatalogTest {
  private static final InterfaceCatalog CATALOG = InterfaceCatalog.builtin();
  private static JsonNode json;

  @BeforeAll
  static void readResource() throws Exception {
    try (InputStream in = InterfaceCatalog.class.getResourceAsStream("interfaces.json")) {
      json = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void builtin_hasAll177InterfacesSortedByName() {
    List<String> names = CATALOG.all().stream().map(InterfaceInfo::name).toList();
    assertThat(names).hasSize(177).hasSize(json.path("count").asInt()).isSorted()
        .doesNotHaveDuplicates();
    assertThat(InterfaceCatalog.builtin()).isSameAs(CATALOG);
  }

  @Test
  void implicitSets_matchTheResource() {
    for (boolean classic : List.of(true, false)) {
      TreeSet<String> expected = new TreeSet<>();
      json.path("interfaces").forEach(i -> {
        if (i.path(classic ? "implicit-on-classic" : "implicit-on-core").asBoolean()) {
          expected.add(i.path("name").asText());
        }
      });
      assertThat(CATALOG.implicitOn(classic)).extracting(InterfaceInfo::name)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void find_knownAndUnknown() {
    InterfaceInfo camera = CATALOG.find("camera").orElseThrow();
    assertThat(camera.summary()).isEqualTo("allows access to all cameras");
    assertThat(camera.implicitOnClassic()).isTrue();
    assertThat(CATALOG.find("content").orElseThrow().implicitOn(true)).isFalse();
    assertThat(CATALOG.find("pcscd")).isEmpty();
    assertThat(CATALOG.contains("home")).isTrue();
  }

  @Test
  void everySanitizerBelongsToAKnownInterface() {
    assertThat(CATALOG.all()).extracting(InterfaceInfo::name)
        .containsAll(Sanitizers.interfaces());
    assertThat(Sanitizers.interfaces()).hasSize(29);
  }

  @Test
  void sanitizePlug_completesAttributes() {
    Plug plug = Plug.builder().snap("app").name("gtk-3-themes").iface("content")
        .attributes(Attributes.of(Map.of("target", "$SNAP/data-dir/themes"))).build();
    Plug checked = CATALOG.sanitizePlug(plug);
    assertThat(checked.attributes().getString("content")).contains("gtk-3-themes");
    assertThat(checked.ref()).isEqualTo(plug.ref());
  }

  @Test
  void sanitize_withoutCheckReturnsTheSameEndpoint() {
    Plug plug = Plug.builder().snap("app").name("cam").iface("camera")
        .attributes(Attributes.of(Map.of("usage", "front"))).build();
    assertThat(CATALOG.sanitizePlug(plug)).isSameAs(plug);
  }

  @Test
  void sanitize_refusesUnknownInterfaceAndBadAttributes() {
    Plug plug = Plug.builder().snap("app").name("pcscd").iface("pcscd").build();
    assertThatThrownBy(() -> CATALOG.sanitizePlug(plug))
        .isInstanceOf(AttributeCheckException.class)
        .hasMessage("unknown interface \"pcscd\"");
    Slot slot = Slot.builder().snap("gadget").name("led").iface("gpio").build();
    assertThatThrownBy(() -> CATALOG.sanitizeSlot(slot))
        .isInstanceOf(AttributeCheckException.class)
        .extracting(e -> ((AttributeCheckException) e).reason())
        .isEqualTo("gpio slot must have a number attribute");
  }

  @Test
  void interfaceInfo_rejectsInvalidNames() {
    List<String> bad = new ArrayList<>(List.of("Camera", "-x", "a--b", ""));
    for (String name : bad) {
      assertThatThrownBy(() -> InterfaceInfo.builder().name(name).summary("s")
          .implicitOnCore(false).implicitOnClassic(false).build())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
