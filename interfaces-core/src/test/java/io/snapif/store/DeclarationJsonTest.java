package io.snapif.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.declaration.Arity;
import io.snapif.declaration.AttributeConstraint;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Constraints;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.OnClassic;
import io.snapif.declaration.Rule;
import io.snapif.declaration.Side;
import io.snapif.spi.StateStoreException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeclarationJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A declaration using every key and every kind of attribute constraint. */
  static Declaration everything() {
    ConstraintSet rich = ConstraintSet.builder()
        .plugSnapTypes(ImmutableList.of("app", "core"))
        .slotSnapTypes(ImmutableList.of("gadget"))
        .plugSnapIds(ImmutableList.of("id-1"))
        .slotSnapIds(ImmutableList.of("id-2", "id-3"))
        .plugPublisherIds(ImmutableList.of("$SLOT_PUBLISHER_ID"))
        .slotPublisherIds(ImmutableList.of("canonical"))
        .plugAttributes(new AttributeConstraint.MapOf(ImmutableMap.of(
            "content", new AttributeConstraint.OtherSide(Side.SLOT, "content"),
            "read", new AttributeConstraint.AnyOf(ImmutableList.of(
                AttributeConstraint.Regex.compile("\\$SNAP/.*"),
                new AttributeConstraint.Missing())),
            "nested", new AttributeConstraint.MapOf(ImmutableMap.of(
                "x", AttributeConstraint.Regex.compile("a|b"))))))
        .slotAttributes(new AttributeConstraint.MapOf(ImmutableMap.of(
            "name", new AttributeConstraint.OtherSide(Side.PLUG, "name"))))
        .plugNames(ImmutableList.of("$INTERFACE"))
        .slotNames(ImmutableList.of("serial-.*"))
        .onClassic(OnClassic.distros(List.of("ubuntu", "debian")))
        .onStore(ImmutableList.of("acme-store"))
        .onBrand(ImmutableList.of("acme"))
        .onModel(ImmutableList.of("acme/box"))
        .slotsPerPlug(Arity.any())
        .plugsPerSlot(Arity.one())
        .build();
    Rule camera = Rule.builder().iface("camera").side(Side.PLUG)
        .putAllowKeys(CheckKind.AUTO_CONNECTION, Constraints.of(List.of(rich,
            ConstraintSet.builder().onClassic(OnClassic.of(false)).build())))
        .putDenyKeys(CheckKind.INSTALLATION, Constraints.never())
        .putAllowKeys(CheckKind.CONNECTION, Constraints.always())
        .build();
    Rule serial = Rule.builder().iface("serial-port").side(Side.SLOT)
        .putDenyKeys(CheckKind.AUTO_CONNECTION, Constraints.always())
        .putDenyKeys(CheckKind.CONNECTION, Constraints.of(List.of(
            ConstraintSet.builder().onClassic(OnClassic.of(true)).build())))
        .build();
    return Declaration.builder().putPlugRules("camera", camera)
        .putSlotRules("serial-port", serial).build();
  }

  private static Declaration roundTrip(Declaration d) throws Exception {
    String text = MAPPER.writeValueAsString(DeclarationJson.write(d));
    return DeclarationJson.read(new JsonInput(MAPPER.readTree(text), "declaration"));
  }

  @Test
  void roundTrip_keepsEveryKeyAndConstraint() throws Exception {
    Declaration d = everything();
    assertThat(roundTrip(d)).isEqualTo(d);
  }

  @Test
  void roundTrip_keepsHowValuesWereWrittenAndIgnoredKeys() throws Exception {
    Rule rule = Rule.builder().iface("home").side(Side.SLOT)
        .putAllowKeys(CheckKind.CONNECTION,
            Constraints.of(List.of(ConstraintSet.any()), Constraints.Form.LITERAL))
        .putDenyKeys(CheckKind.AUTO_CONNECTION,
            Constraints.of(List.of(ConstraintSet.any()), Constraints.Form.RULE_SHORTCUT))
        .putAllowKeys(CheckKind.INSTALLATION, Constraints.always())
        .build();
    Declaration d = Declaration.builder().putSlotRules("home", rule)
        .addIgnoredKeys("slots/home/allow-connection/plug-names").build();

    Declaration back = roundTrip(d);

    Rule home = back.rule(Side.SLOT, "home").orElseThrow();
    assertThat(home.allowKeys().get(CheckKind.CONNECTION).form())
        .isEqualTo(Constraints.Form.LITERAL);
    assertThat(home.denyKeys().get(CheckKind.AUTO_CONNECTION).form())
        .isEqualTo(Constraints.Form.RULE_SHORTCUT);
    assertThat(home.allowKeys().get(CheckKind.INSTALLATION).form())
        .isEqualTo(Constraints.Form.DEFAULT);
    assertThat(home.allowKeys().get(CheckKind.INSTALLATION).isAlways()).isTrue();
    assertThat(back.ignoredKeys()).containsExactly("slots/home/allow-connection/plug-names");
  }

  @Test
  void roundTrip_ofParsedBaseDeclaration() throws Exception {
    Declaration base = io.snapif.declaration.DeclarationParser.builtinBaseDeclaration();
    Declaration back = roundTrip(base);
    assertThat(back).isEqualTo(base);
    for (Side side : Side.values()) {
      for (Rule r : (side == Side.PLUG ? base.plugRules() : base.slotRules()).values()) {
        Rule b = back.rule(side, r.iface()).orElseThrow();
        r.allowKeys().forEach((k, c) -> assertThat(b.allowKeys().get(k).form()).isEqualTo(c.form()));
        r.denyKeys().forEach((k, c) -> assertThat(b.denyKeys().get(k).form()).isEqualTo(c.form()));
      }
    }
  }

  @Test
  void roundTrip_ofEmptyDeclaration() throws Exception {
    assertThat(roundTrip(Declaration.empty())).isEqualTo(Declaration.empty());
  }

  @Test
  void write_usesTheDeclarationKeyNames() {
    String text = DeclarationJson.write(everything()).toString();
    assertThat(text).contains("\"allow-auto-connection\":[{",
        "\"deny-installation\":{\"form\":\"default\",\"alternatives\":[]}",
        "\"allow-connection\":{\"form\":\"default\",\"alternatives\":[{}]}", "\"slots-per-plug\":\"*\"", "\"plugs-per-slot\":\"1\"",
        "\"slot\":\"content\"", "\"missing\":true");
  }

  @Test
  void read_reportsTheBadKeyWithItsPath() {
    String text = "{\"plugs\":{\"camera\":{\"allow-connection\":[{\"plug-snap-tpye\":[\"app\"]}]}}}";
    assertThatThrownBy(() -> DeclarationJson.read(new JsonInput(MAPPER.readTree(text), "d")))
        .isInstanceOf(StateStoreException.class)
        .hasMessage("d.plugs.camera.allow-connection[0]: unknown constraint \"plug-snap-tpye\"");
  }

  @Test
  void read_rejectsBadArityAndRegex() {
    String arity = "{\"plugs\":{\"x\":{\"allow-auto-connection\":[{\"slots-per-plug\":\"0\"}]}}}";
    assertThatThrownBy(() -> DeclarationJson.read(new JsonInput(MAPPER.readTree(arity), "d")))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("slots-per-plug: expected \"*\" or a positive count");
    String regex = "{\"slots\":{\"x\":{\"allow-connection\":[{\"slot-attributes\":"
        + "{\"map\":{\"a\":{\"regex\":\"(\"}}}}]}}}";
    assertThatThrownBy(() -> DeclarationJson.read(new JsonInput(MAPPER.readTree(regex), "d")))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("slot-attributes.map.a.regex: invalid regular expression");
  }

  @Test
  void regexConstraint_stillMatchesAfterRoundTrip() throws Exception {
    Declaration back = roundTrip(everything());
    AttributeConstraint.MapOf attrs = (AttributeConstraint.MapOf) back.rule(Side.PLUG, "camera")
        .orElseThrow().allow(CheckKind.AUTO_CONNECTION).alternatives().get(0).plugAttributes()
        .orElseThrow();
    AttributeConstraint.AnyOf read = (AttributeConstraint.AnyOf) attrs.entries().get("read");
    AttributeConstraint.Regex regex = (AttributeConstraint.Regex) read.alternatives().get(0);
    assertThat(regex.pattern().matcher("$SNAP/share").find()).isTrue();
    assertThat(regex.pattern().matcher("/etc").find()).isFalse();
    assertThat(Optional.of(back)).contains(everything());
  }
}
