package io.snapif.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.declaration.AttributeConstraint.AnyOf;
import io.snapif.declaration.AttributeConstraint.MapOf;
import io.snapif.declaration.AttributeConstraint.Missing;
import io.snapif.declaration.AttributeConstraint.OtherSide;
import io.snapif.declaration.AttributeConstraint.Regex;
import io.snapif.declaration.Constraints.Form;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeclarationParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses JSON text the way a scenario file gives a declaration (JSON booleans, numbers). */
  static Declaration json(String text) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> headers = JSON.readValue(text.replace('\'', '"'), Map.class);
      return DeclarationParser.parseRules(headers, "test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Declaration yaml(String text) {
    return DeclarationParser.parseYaml(text, "test.yaml");
  }

  /** The only alternative of {@code kind}'s allow key of the plug (or slot) rule of iface. */
  static ConstraintSet allowSet(Declaration d, Side side, String iface, CheckKind kind) {
    Constraints c = d.rule(side, iface).orElseThrow().allow(kind);
    assertThat(c.alternatives()).hasSize(1);
    return c.alternatives().get(0);
  }

  @Nested
  class ConstraintKeys {
    @Test
    void snapTypesIdsAndPublishersOfTheOtherSide() {
      Declaration d =
          yaml(
              """
              plugs:
                camera:
                  allow-connection:
                    slot-snap-type: [core, gadget]
                    slot-snap-id: [aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpP]
                    slot-publisher-id: [canonical, $PLUG_PUBLISHER_ID]
              slots:
                camera:
                  allow-auto-connection:
                    plug-snap-type: [app]
                    plug-snap-id: [0123456789abcdefghijklmnopqrstuv]
                    plug-publisher-id: [$SLOT_PUBLISHER_ID]
              """);
      ConstraintSet plug = allowSet(d, Side.PLUG, "camera", CheckKind.CONNECTION);
      assertThat(plug.slotSnapTypes()).hasValue(ImmutableList.of("core", "gadget"));
      assertThat(plug.slotSnapIds()).hasValue(ImmutableList.of("aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpP"));
      assertThat(plug.slotPublisherIds())
          .hasValue(ImmutableList.of("canonical", "$PLUG_PUBLISHER_ID"));
      ConstraintSet slot = allowSet(d, Side.SLOT, "camera", CheckKind.AUTO_CONNECTION);
      assertThat(slot.plugSnapTypes()).hasValue(ImmutableList.of("app"));
      assertThat(slot.plugSnapIds()).hasValue(ImmutableList.of("0123456789abcdefghijklmnopqrstuv"));
      assertThat(slot.plugPublisherIds()).hasValue(ImmutableList.of("$SLOT_PUBLISHER_ID"));
    }

    @Test
    void installationReadsTheRuleSideOwnTypesAndIds() {
      Declaration d =
          yaml(
              """
              plugs:
                x: {allow-installation: {plug-snap-type: [kernel], plug-snap-id: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]}}
              slots:
                x: {deny-installation: {slot-snap-type: [gadget], slot-snap-id: [bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb]}}
              """);
      ConstraintSet plug = allowSet(d, Side.PLUG, "x", CheckKind.INSTALLATION);
      assertThat(plug.plugSnapTypes()).hasValue(ImmutableList.of("kernel"));
      assertThat(plug.plugSnapIds()).hasValue(ImmutableList.of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
      Constraints deny = d.rule(Side.SLOT, "x").orElseThrow().deny(CheckKind.INSTALLATION);
      assertThat(deny.form()).isEqualTo(Form.CONSTRAINTS);
      assertThat(deny.alternatives().get(0).slotSnapTypes()).hasValue(ImmutableList.of("gadget"));
      assertThat(deny.alternatives().get(0).slotSnapIds())
          .hasValue(ImmutableList.of("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
    }

    @Test
    void namesOfBothSides() {
      Declaration d =
          yaml(
              """
              plugs:
                serial-port:
                  allow-auto-connection:
                    plug-names: [$INTERFACE, 'serial-[0-9]+']
                    slot-names: [ttyUSB.*]
              """);
      ConstraintSet set = allowSet(d, Side.PLUG, "serial-port", CheckKind.AUTO_CONNECTION);
      assertThat(set.plugNames()).hasValue(ImmutableList.of("$INTERFACE", "serial-[0-9]+"));
      assertThat(set.slotNames()).hasValue(ImmutableList.of("ttyUSB.*"));
    }

    @Test
    void attributesOfBothSides() {
      Declaration d =
          yaml(
              """
              slots:
                content:
                  allow-connection:
                    plug-attributes: {content: $SLOT(content)}
                    slot-attributes: {read: $MISSING}
              """);
      ConstraintSet set = allowSet(d, Side.SLOT, "content", CheckKind.CONNECTION);
      assertThat(set.plugAttributes())
          .hasValue(new MapOf(ImmutableMap.of("content", new OtherSide(Side.SLOT, "content"))));
      assertThat(set.slotAttributes())
          .hasValue(new MapOf(ImmutableMap.of("read", new Missing())));
    }

    @Test
    void onClassicAsBooleanOrDistributionList() {
      Declaration d =
          yaml(
              """
              plugs:
                a: {allow-installation: {on-classic: true}}
                b: {allow-installation: {on-classic: false}}
                c: {allow-installation: {on-classic: [ubuntu, fedora.39]}}
                d: {allow-installation: {on-classic: []}}
              """);
      assertThat(allowSet(d, Side.PLUG, "a", CheckKind.INSTALLATION).onClassic())
          .hasValue(OnClassic.of(true));
      assertThat(allowSet(d, Side.PLUG, "b", CheckKind.INSTALLATION).onClassic())
          .hasValue(OnClassic.of(false));
      assertThat(allowSet(d, Side.PLUG, "c", CheckKind.INSTALLATION).onClassic())
          .hasValue(OnClassic.distros(List.of("ubuntu", "fedora.39")));
      // an empty list means classic, any distribution
      assertThat(allowSet(d, Side.PLUG, "d", CheckKind.INSTALLATION).onClassic())
          .hasValue(OnClassic.of(true));
    }

    @Test
    void deviceScope() {
      Declaration d =
          yaml(
              """
              plugs:
                x:
                  deny-connection:
                    on-store: [acme-store]
                    on-brand: [acme]
                    on-model: [acme/box, aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpP/Box-2]
              """);
      ConstraintSet set =
          d.rule(Side.PLUG, "x").orElseThrow().deny(CheckKind.CONNECTION).alternatives().get(0);
      assertThat(set.onStore()).hasValue(ImmutableList.of("acme-store"));
      assertThat(set.onBrand()).hasValue(ImmutableList.of("acme"));
      assertThat(set.onModel())
          .hasValue(ImmutableList.of("acme/box", "aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpP/Box-2"));
    }

    @Test
    void arity() {
      Declaration d =
          yaml(
              """
              plugs:
                x:
                  allow-auto-connection: {slots-per-plug: '*', plugs-per-slot: '2'}
                  allow-connection: {slots-per-plug: '+3'}
              """);
      ConstraintSet auto = allowSet(d, Side.PLUG, "x", CheckKind.AUTO_CONNECTION);
      assertThat(auto.slotsPerPlug()).hasValue(Arity.any());
      assertThat(auto.plugsPerSlot()).hasValue(Arity.of(2));
      assertThat(allowSet(d, Side.PLUG, "x", CheckKind.CONNECTION).slotsPerPlug())
          .hasValue(Arity.of(3));
    }

    @Test
    void effectiveArityFollowsSnapdNormalisation() {
      Declaration d =
          yaml(
              """
              slots:
                any: {allow-auto-connection: {slots-per-plug: '*'}}
                two: {allow-auto-connection: {slots-per-plug: '2', plugs-per-slot: '1'}}
                none: {allow-auto-connection: {on-classic: true}}
              """);
      ConstraintSet any = allowSet(d, Side.SLOT, "any", CheckKind.AUTO_CONNECTION);
      ConstraintSet two = allowSet(d, Side.SLOT, "two", CheckKind.AUTO_CONNECTION);
      ConstraintSet none = allowSet(d, Side.SLOT, "none", CheckKind.AUTO_CONNECTION);
      assertThat(any.effectiveSlotsPerPlug(CheckKind.AUTO_CONNECTION)).isEqualTo(Arity.any());
      assertThat(two.effectiveSlotsPerPlug(CheckKind.AUTO_CONNECTION)).isEqualTo(Arity.one());
      assertThat(none.effectiveSlotsPerPlug(CheckKind.AUTO_CONNECTION)).isEqualTo(Arity.one());
      assertThat(two.effectiveSlotsPerPlug(CheckKind.CONNECTION)).isEqualTo(Arity.any());
      assertThat(two.effectivePlugsPerSlot()).isEqualTo(Arity.any());
      // "true" written as the key value has no arity either: one slot per plug
      assertThat(ConstraintSet.any().effectiveSlotsPerPlug(CheckKind.AUTO_CONNECTION))
          .isEqualTo(Arity.one());
    }
  }

  @Nested
  class ShortcutsAndDefaults {
    @Test
    void wholeRuleTrueAllowsEverything() {
      Rule rule = yaml("plugs: {x: true}").rule(Side.PLUG, "x").orElseThrow();
      for (CheckKind kind : CheckKind.values()) {
        assertThat(rule.allow(kind).isAlways()).isTrue();
        assertThat(rule.deny(kind).isNever()).isTrue();
        assertThat(rule.allow(kind).form()).isEqualTo(Form.RULE_SHORTCUT);
        assertThat(rule.deny(kind).form()).isEqualTo(Form.RULE_SHORTCUT);
      }
    }

    @Test
    void wholeRuleFalseDeniesEverything() {
      Rule rule = yaml("slots: {x: false}").rule(Side.SLOT, "x").orElseThrow();
      for (CheckKind kind : CheckKind.values()) {
        assertThat(rule.allow(kind).isNever()).isTrue();
        assertThat(rule.deny(kind).isAlways()).isTrue();
        assertThat(rule.deny(kind).form()).isEqualTo(Form.RULE_SHORTCUT);
      }
    }

    @Test
    void keysWrittenAsLiteralsAndAbsentKeys() {
      Rule rule =
          yaml("plugs: {x: {allow-installation: false, deny-auto-connection: true}}")
              .rule(Side.PLUG, "x")
              .orElseThrow();
      assertThat(rule.allow(CheckKind.INSTALLATION).isNever()).isTrue();
      assertThat(rule.allow(CheckKind.INSTALLATION).form()).isEqualTo(Form.LITERAL);
      assertThat(rule.deny(CheckKind.AUTO_CONNECTION).isAlways()).isTrue();
      assertThat(rule.deny(CheckKind.AUTO_CONNECTION).form()).isEqualTo(Form.LITERAL);
      assertThat(rule.allow(CheckKind.CONNECTION).isAlways()).isTrue();
      assertThat(rule.allow(CheckKind.CONNECTION).form()).isEqualTo(Form.DEFAULT);
      assertThat(rule.deny(CheckKind.CONNECTION).isNever()).isTrue();
      assertThat(rule.allowKeys().keySet()).containsExactly(CheckKind.INSTALLATION);
      assertThat(rule.denyKeys().keySet()).containsExactly(CheckKind.AUTO_CONNECTION);
    }

    @Test
    void jsonBooleansAndNumbersCountAsTheirAssertionStrings() {
      Declaration fromJson =
          json(
              "{'plugs': {'x': {'allow-auto-connection': {'slots-per-plug': 2, 'on-classic': false},"
                  + " 'deny-connection': true}, 'y': false}}");
      Declaration fromStrings =
          json(
              "{'plugs': {'x': {'allow-auto-connection': {'slots-per-plug': '2', 'on-classic':"
                  + " 'false'}, 'deny-connection': 'true'}, 'y': 'false'}}");
      assertThat(fromJson).isEqualTo(fromStrings);
      assertThat(allowSet(fromJson, Side.PLUG, "x", CheckKind.AUTO_CONNECTION).slotsPerPlug())
          .hasValue(Arity.of(2));
    }

    @Test
    void numbersInAttributeConstraintsAreRegexps() {
      Declaration d = json("{'slots': {'x': {'allow-connection': {'slot-attributes': {'n': 5}}}}}");
      assertThat(allowSet(d, Side.SLOT, "x", CheckKind.CONNECTION).slotAttributes())
          .hasValue(new MapOf(ImmutableMap.of("n", Regex.compile("5"))));
    }

    @Test
    void otherHeadersAndMissingStanzasAreFine() {
      Declaration d =
          json("{'snap-id': 'x', 'publisher-id': 'y', 'refresh-control': ['a'], 'format': 3}");
      assertThat(d).isEqualTo(Declaration.empty());
      assertThat(json("{'plugs': {}, 'slots': {}}")).isEqualTo(Declaration.empty());
    }

    @Test
    void emptyIdListsAreNoConstraintButEmptyNameListsMatchNothing() {
      Declaration d =
          yaml(
              """
              plugs:
                x:
                  allow-connection: {slot-snap-type: [], slot-names: []}
                  allow-auto-connection: {on-store: []}
              """);
      ConstraintSet conn = allowSet(d, Side.PLUG, "x", CheckKind.CONNECTION);
      assertThat(conn.slotSnapTypes()).isEmpty();
      assertThat(conn.slotNames()).hasValue(ImmutableList.of());
      // an empty device scope list still counts as written, and constrains nothing
      assertThat(d.rule(Side.PLUG, "x").orElseThrow().allow(CheckKind.AUTO_CONNECTION).isAlways())
          .isTrue();
    }
  }

  @Nested
  class Alternatives {
    @Test
    void listOfMapsIsAlternatives() {
      Declaration d =
          yaml(
              """
              slots:
                network-manager:
                  allow-auto-connection:
                    - plug-names: [p1]
                    - on-brand: [acme]
                      plug-snap-type: [core]
              """);
      Constraints c =
          d.rule(Side.SLOT, "network-manager").orElseThrow().allow(CheckKind.AUTO_CONNECTION);
      assertThat(c.form()).isEqualTo(Form.CONSTRAINTS);
      assertThat(c.alternatives())
          .containsExactly(
              ConstraintSet.builder().plugNames(ImmutableList.of("p1")).build(),
              ConstraintSet.builder()
                  .onBrand(ImmutableList.of("acme"))
                  .plugSnapTypes(ImmutableList.of("core"))
                  .build());
    }
  }

  @Nested
  class AttributeTrees {
    private AttributeConstraint plugAttributes(String constraint) {
      Declaration d =
          yaml("slots:\n  x:\n    allow-connection:\n      plug-attributes: " + constraint + "\n");
      return allowSet(d, Side.SLOT, "x", CheckKind.CONNECTION).plugAttributes().orElseThrow();
    }

    @Test
    void scalarsAreAnchoredRegexps() {
      AttributeConstraint c = plugAttributes("{usage: front|back}");
      Regex regex = (Regex) ((MapOf) c).entries().get("usage");
      assertThat(regex.source()).isEqualTo("front|back");
      assertThat(regex.pattern().matcher("front").find()).isTrue();
      assertThat(regex.pattern().matcher("frontal").find()).isFalse();
      assertThat(regex.pattern().matcher("xback").find()).isFalse();
    }

    @Test
    void specialValues() {
      assertThat(plugAttributes("{a: $MISSING, b: $PLUG(x.y), c: $SLOT(c)}"))
          .isEqualTo(
              new MapOf(
                  ImmutableMap.of(
                      "a", new Missing(),
                      "b", new OtherSide(Side.PLUG, "x.y"),
                      "c", new OtherSide(Side.SLOT, "c"))));
    }

    @Test
    void nestedMapsAndListsOfAlternatives() {
      assertThat(plugAttributes("{mounts: {path: [/a, /b], persistent: 'true'}, mode: [$MISSING, '0644']}"))
          .isEqualTo(
              new MapOf(
                  ImmutableMap.of(
                      "mounts",
                      new MapOf(
                          ImmutableMap.of(
                              "path",
                              new AnyOf(ImmutableList.of(Regex.compile("/a"), Regex.compile("/b"))),
                              "persistent",
                              Regex.compile("true"))),
                      "mode",
                      new AnyOf(ImmutableList.of(new Missing(), Regex.compile("0644"))))));
    }

    @Test
    void topLevelListOfMaps() {
      AttributeConstraint d = new MapOf(ImmutableMap.of("d", Regex.compile("z")));
      AttributeConstraint c = new AnyOf(ImmutableList.of(Regex.compile("y"), d));
      AttributeConstraint b = new MapOf(ImmutableMap.of("c", c));
      assertThat(plugAttributes("[{a: x}, {b: {c: [y, {d: z}]}}]"))
          .isEqualTo(
              new AnyOf(
                  ImmutableList.of(
                      new MapOf(ImmutableMap.of("a", Regex.compile("x"))),
                      new MapOf(ImmutableMap.of("b", b)))));
    }

    @Test
    void emptyMapIsAWrittenConstraint() {
      assertThat(plugAttributes("{}")).isEqualTo(new MapOf(ImmutableMap.of()));
    }
  }

  @Nested
  class IgnoredKeys {
    @Test
    void keysSnapdDoesNotReadThereAreDroppedAndListed() {
      Declaration d =
          yaml(
              """
              plugs:
                x:
                  allow-installation: {plug-snap-type: [core], slot-snap-type: [app], plug-publisher-id: [a1]}
                  allow-connection: {slot-snap-type: [core], plug-snap-type: [app]}
                  allow-fun: true
              slots:
                x:
                  allow-connection: {plug-snap-type: [app], slot-publisher-id: [canonical]}
              """);
      assertThat(allowSet(d, Side.PLUG, "x", CheckKind.INSTALLATION))
          .isEqualTo(ConstraintSet.builder().plugSnapTypes(ImmutableList.of("core")).build());
      assertThat(allowSet(d, Side.PLUG, "x", CheckKind.CONNECTION).plugSnapTypes()).isEmpty();
      assertThat(allowSet(d, Side.SLOT, "x", CheckKind.CONNECTION).slotPublisherIds()).isEmpty();
      assertThat(d.ignoredKeys())
          .containsExactly(
              "plugs/x/allow-installation/slot-snap-type",
              "plugs/x/allow-installation/plug-publisher-id",
              "plugs/x/allow-connection/plug-snap-type",
              "plugs/x/allow-fun",
              "slots/x/allow-connection/slot-publisher-id");
    }
  }

  @Nested
  class Sources {
    @Test
    void yamlErrorsNameSourceLineAndPath() {
      assertThatThrownBy(
              () ->
                  DeclarationParser.parseYaml(
                      """
                      type: base-declaration
                      plugs:
                        camera:
                          allow-auto-connection:
                            plug-attributes:
                              content: "a("
                      """,
                      "decl.yaml"))
          .isInstanceOfSatisfying(
              DeclarationException.class,
              e -> {
                assertThat(e.path())
                    .isEqualTo("plugs/camera/allow-auto-connection/plug-attributes/content");
                assertThat(e.line()).hasValue(6);
                assertThat(e.source()).isEqualTo("decl.yaml");
                assertThat(e.getMessage())
                    .startsWith(
                        "decl.yaml:6: plugs/camera/allow-auto-connection/plug-attributes/content:"
                            + " cannot compile regexp \"a(\"");
              });
    }

    @Test
    void mapErrorsNameSourceAndPath() {
      Map<String, Object> headers =
          Map.of("plugs", Map.of("camera", Map.of("allow-connection", "maybe")));
      assertThatThrownBy(() -> DeclarationParser.parseRules(headers, "declaration of \"vlc\""))
          .isInstanceOfSatisfying(
              DeclarationException.class,
              e -> {
                assertThat(e.path()).isEqualTo("plugs/camera/allow-connection");
                assertThat(e.line()).isEmpty();
                assertThat(e.getMessage())
                    .isEqualTo(
                        "declaration of \"vlc\": plugs/camera/allow-connection: allow-connection"
                            + " must be a map or one of the shortcuts 'true' or 'false'");
              });
    }

    @Test
    void nullsAndForeignValuesAreRejected() {
      Map<String, Object> withNull = new HashMap<>();
      withNull.put("allow-connection", null);
      assertThatThrownBy(
              () -> DeclarationParser.parseRules(Map.of("plugs", Map.of("x", withNull)), "t"))
          .isInstanceOfSatisfying(
              DeclarationException.class,
              e -> {
                assertThat(e.path()).isEqualTo("plugs/x/allow-connection");
                assertThat(e.detail()).contains("null is not allowed");
              });
      assertThatThrownBy(
              () -> DeclarationParser.parseRules(Map.of("plugs", Map.of("x", new Object())), "t"))
          .isInstanceOf(DeclarationException.class)
          .hasMessageContaining("unsupported value");
      Map<Object, Object> numericKey = new HashMap<>();
      numericKey.put(1, "true");
      assertThatThrownBy(() -> DeclarationParser.parseRules(Map.of("plugs", numericKey), "t"))
          .isInstanceOfSatisfying(
              DeclarationException.class, e -> assertThat(e.detail()).contains("keys must be strings"));
    }

    @Test
    void malformedYaml() {
      assertThatThrownBy(() -> yaml("plugs: {x: [}"))
          .isInstanceOf(DeclarationException.class)
          .hasMessageContaining("test.yaml:1")
          .hasMessageContaining("invalid YAML");
      assertThatThrownBy(() -> yaml("- plugs"))
          .isInstanceOf(DeclarationException.class)
          .hasMessageContaining("must be a map of headers");
      assertThatThrownBy(() -> yaml(""))
          .isInstanceOf(DeclarationException.class)
          .hasMessageContaining("empty document");
      assertThatThrownBy(() -> yaml("plugs:\n  x: true\n  x: false\n"))
          .isInstanceOfSatisfying(
              DeclarationException.class,
              e -> {
                assertThat(e.path()).isEqualTo("plugs/x");
                assertThat(e.line()).hasValue(3);
                assertThat(e.detail()).contains("duplicate key");
              });
      assertThatThrownBy(() -> yaml("plugs:\n  x:\n"))
          .isInstanceOfSatisfying(
              DeclarationException.class, e -> assertThat(e.path()).isEqualTo("plugs/x"));
    }
  }
}
