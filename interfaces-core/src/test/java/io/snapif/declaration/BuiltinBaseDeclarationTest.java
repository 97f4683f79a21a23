package io.snapif.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinBaseDeclarationTest {
  private static final Declaration BASE = DeclarationParser.builtinBaseDeclaration();

  @Test
  void parsesEveryPlugAndSlotRuleOfTheResource() throws IOException {
    Map<?, ?> raw;
    try (InputStream in = getClass().getResourceAsStream("base-declaration.yaml")) {
      raw = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
    }
    assertThat(raw.get("type")).isEqualTo("base-declaration");
    assertThat(BASE.plugRules().keySet()).isEqualTo(((Map<?, ?>) raw.get("plugs")).keySet());
    assertThat(BASE.slotRules().keySet()).isEqualTo(((Map<?, ?>) raw.get("slots")).keySet());
    assertThat(BASE.plugRules()).hasSizeGreaterThan(10);
    assertThat(BASE.slotRules()).hasSizeGreaterThan(100);
    assertThat(BASE.ignoredKeys()).isEmpty();
  }

  @Test
  void isParsedOnce() {
    assertThat(DeclarationParser.builtinBaseDeclaration()).isSameAs(BASE);
  }

  @Test
  void cameraSlotRuleDeniesAutoConnection() {
    Rule camera = BASE.rule(Side.SLOT, "camera").orElseThrow();
    assertThat(camera.deny(CheckKind.AUTO_CONNECTION).isAlways()).isTrue();
    assertThat(camera.deny(CheckKind.AUTO_CONNECTION).form()).isEqualTo(Constraints.Form.LITERAL);
    assertThat(camera.deny(CheckKind.CONNECTION).isNever()).isTrue();
    assertThat(camera.deny(CheckKind.CONNECTION).form()).isEqualTo(Constraints.Form.DEFAULT);
  }

  @Test
  void contentSlotRuleAutoConnectsOnlyToSamePublisherAndContent() {
    Rule content = BASE.rule(Side.SLOT, "content").orElseThrow();
    Constraints auto = content.allow(CheckKind.AUTO_CONNECTION);
    assertThat(auto.alternatives()).hasSize(1);
    ConstraintSet set = auto.alternatives().get(0);
    assertThat(set.plugPublisherIds()).hasValue(ImmutableList.of("$SLOT_PUBLISHER_ID"));
    assertThat(set.plugAttributes())
        .hasValue(
            new AttributeConstraint.MapOf(
                ImmutableMap.of(
                    "content", new AttributeConstraint.OtherSide(Side.SLOT, "content"))));
  }
}
