package io.snapif.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every validation error of the parser: the path of the bad key and snapd's key facts. */
class DeclarationValidationTest {

  /** A plug rule {@code x} whose {@code key} holds {@code constraints} (YAML flow text). */
  private static String plug(String key, String constraints) {
    return "plugs:\n  x:\n    " + key + ": " + constraints + "\n";
  }

  private static Arguments error(String yaml, String path, String message) {
    return Arguments.of(yaml, path, message);
  }

  static Stream<Arguments> errors() {
    String conn = "plugs/x/allow-connection";
    String auto = "plugs/x/allow-auto-connection";
    return Stream.of(
        // stanzas and rules
        error("plugs: [x]", "plugs", "must be a map of interface names to plug rules"),
        error("slots: x", "slots", "must be a map of interface names to slot rules"),
        error(
            "plugs: {x: yes}",
            "plugs/x",
            "plug rule of interface \"x\" must be a map or one of the shortcuts 'true' or 'false'"),
        error("slots: {x: [true]}", "slots/x", "slot rule of interface \"x\" must be a map"),
        error(
            "plugs: {x: {}}",
            "plugs/x",
            "plug rule of interface \"x\" must specify at least one of allow-installation,"
                + " deny-installation, allow-connection, deny-connection, allow-auto-connection,"
                + " deny-auto-connection"),
        error("plugs: {x: {allow-everything: true}}", "plugs/x", "must specify at least one of"),
        // rule keys
        error(
            plug("allow-connection", "maybe"),
            conn,
            "allow-connection must be a map or one of the shortcuts 'true' or 'false'"),
        error(plug("allow-connection", "[]"), conn, "non-empty list of maps"),
        error(
            plug("allow-connection", "[{on-classic: true}, true]"),
            conn + "/1",
            "alternative 2 of allow-connection must be a map of constraints"),
        error(
            plug("deny-connection", "{}"),
            "plugs/x/deny-connection",
            "deny-connection must specify at least one of plug-names, slot-names, plug-attributes,"
                + " slot-attributes, slot-snap-type, slot-publisher-id, slot-snap-id, slots-per-plug,"
                + " plugs-per-slot, on-classic, on-store, on-brand, on-model"),
        error(
            plug("allow-installation", "{slot-snap-type: [core]}"),
            "plugs/x/allow-installation",
            "allow-installation must specify at least one of plug-names, plug-attributes,"
                + " plug-snap-type, plug-snap-id, slots-per-plug"),
        error(
            "slots:\n  x:\n    allow-installation: {plug-snap-type: [core]}\n",
            "slots/x/allow-installation",
            "must specify at least one of slot-names, slot-attributes, slot-snap-type, slot-snap-id"),
        error(plug("allow-connection", "{slot-snap-type: []}"), conn, "must specify at least one"),
        // snap types, ids, publishers
        error(plug("allow-connection", "{slot-snap-type: core}"), conn + "/slot-snap-type",
            "slot-snap-type must be a list of strings"),
        error(plug("allow-connection", "{slot-snap-type: [[core]]}"), conn + "/slot-snap-type",
            "must be a list of strings"),
        error(plug("allow-connection", "{slot-snap-type: [core, base]}"),
            conn + "/slot-snap-type/1",
            "slot-snap-type contains an invalid element: \"base\" (expected core, kernel, gadget"
                + " or app)"),
        error(plug("allow-connection", "{slot-snap-type: [snapd]}"), conn + "/slot-snap-type/0",
            "invalid element: \"snapd\""),
        error(plug("allow-connection", "{slot-snap-id: [vlc-id]}"), conn + "/slot-snap-id/0",
            "slot-snap-id contains an invalid element: \"vlc-id\""),
        error(plug("allow-connection", "{slot-publisher-id: [$plug]}"),
            conn + "/slot-publisher-id/0", "invalid element: \"$plug\""),
        error(plug("allow-connection", "{slot-publisher-id: [x]}"), conn + "/slot-publisher-id/0",
            "invalid element: \"x\""),
        error("slots:\n  x:\n    deny-auto-connection: {plug-publisher-id: [Canonical]}\n",
            "slots/x/deny-auto-connection/plug-publisher-id/0", "invalid element: \"Canonical\""),
        // names
        error(plug("allow-connection", "{plug-names: p1}"), conn + "/plug-names",
            "plug-names constraints must be a list of regexps and special $ values"),
        error(plug("allow-connection", "{slot-names: [[p1]]}"), conn + "/slot-names/0",
            "slot-names constraint entry must be a regexp or special $ value"),
        error(plug("allow-connection", "{plug-names: [$interface]}"), conn + "/plug-names/0",
            "plug-names constraint entry special value \"$interface\" is invalid"),
        error(plug("allow-connection", "{plug-names: ['a b']}"), conn + "/plug-names/0",
            "plug-names constraint entry regexp contains unexpected spaces"),
        error(plug("allow-connection", "{plug-names: ['a(']}"), conn + "/plug-names/0",
            "cannot compile plug-names constraint entry \"a(\""),
        error(plug("allow-connection", "{plug-names: ['(?=a)']}"), conn + "/plug-names/0",
            "invalid or unsupported Perl syntax"),
        // attributes
        error(plug("allow-connection", "{plug-attributes: foo}"), conn + "/plug-attributes",
            "the first level of attribute constraints must be a map"),
        error(plug("allow-connection", "{plug-attributes: [foo]}"), conn + "/plug-attributes/0",
            "the first level of attribute constraints must be a map"),
        error(plug("allow-connection", "{slot-attributes: {a: [[x]]}}"),
            conn + "/slot-attributes/a/0", "cannot nest alternative constraints directly"),
        error(plug("allow-connection", "{plug-attributes: [[{a: x}]]}"),
            conn + "/plug-attributes/0", "cannot nest alternative constraints directly"),
        error(plug("allow-connection", "{plug-attributes: {a: $FOO(x)}}"),
            conn + "/plug-attributes/a", "not a valid $SLOT()/$PLUG() constraint"),
        error(plug("allow-connection", "{plug-attributes: {a: $PLUG()}}"),
            conn + "/plug-attributes/a", "not a valid $SLOT()/$PLUG() constraint"),
        error(plug("allow-connection", "{plug-attributes: {a: $MISSINGX}}"),
            conn + "/plug-attributes/a", "not a valid $SLOT()/$PLUG() constraint"),
        error(plug("allow-connection", "{plug-attributes: {a: '$PLUG(x,y)'}}"),
            conn + "/plug-attributes/a", "$PLUG() constraint expects 1 argument"),
        error(plug("allow-auto-connection", "{plug-attributes: {content: 'a('}}"),
            auto + "/plug-attributes/content", "cannot compile regexp \"a(\""),
        error(plug("allow-auto-connection", "{plug-attributes: {c: {d: '(a)\\1'}}}"),
            auto + "/plug-attributes/c/d", "invalid escape sequence"),
        error(plug("allow-auto-connection", "{plug-attributes: {c: 'a{1001}'}}"),
            auto + "/plug-attributes/c", "invalid repeat count"),
        error(plug("allow-auto-connection", "{plug-attributes: {c: 'a*+'}}"),
            auto + "/plug-attributes/c", "invalid nested repetition operator"),
        // arity
        error(plug("allow-installation", "{slots-per-plug: '*'}"),
            "plugs/x/allow-installation/slots-per-plug",
            "allow-installation cannot specify a slots-per-plug constraint, they apply only to"
                + " allow-connection and allow-auto-connection"),
        error(plug("deny-auto-connection", "{plugs-per-slot: '1'}"),
            "plugs/x/deny-auto-connection/plugs-per-slot",
            "deny-auto-connection cannot specify a plugs-per-slot constraint"),
        error(plug("allow-auto-connection", "{slots-per-plug: '0'}"), auto + "/slots-per-plug",
            "slots-per-plug must be an integer >= 1 or *"),
        error(plug("allow-auto-connection", "{slots-per-plug: '-1'}"), auto + "/slots-per-plug",
            "must be an integer >= 1 or *"),
        error(plug("allow-auto-connection", "{slots-per-plug: ''}"), auto + "/slots-per-plug",
            "must be an integer >= 1 or *"),
        error(plug("allow-auto-connection", "{slots-per-plug: 'two'}"), auto + "/slots-per-plug",
            "must be an integer >= 1 or *"),
        error(plug("allow-auto-connection", "{slots-per-plug: '1.5'}"), auto + "/slots-per-plug",
            "must be an integer >= 1 or *"),
        error(plug("allow-auto-connection", "{slots-per-plug: ['1']}"), auto + "/slots-per-plug",
            "must be an integer >= 1 or *"),
        error(plug("allow-auto-connection", "{plugs-per-slot: '01'}"), auto + "/plugs-per-slot",
            "plugs-per-slot has invalid prefix zeros: 01"),
        error(plug("allow-auto-connection", "{plugs-per-slot: '99999999999999999999'}"),
            auto + "/plugs-per-slot", "plugs-per-slot is out of range"),
        // on-classic and device scope
        error(plug("allow-connection", "{on-classic: yes}"), conn + "/on-classic",
            "on-classic must be 'true', 'false' or a list of operating system IDs"),
        error(plug("allow-connection", "{on-classic: {a: b}}"), conn + "/on-classic",
            "on-classic must be 'true', 'false' or a list"),
        error(plug("allow-connection", "{on-classic: [Ubuntu]}"), conn + "/on-classic/0",
            "on-classic contains an invalid element: \"Ubuntu\""),
        error(plug("allow-connection", "{on-store: acme}"), conn + "/on-store",
            "on-store must be a list of strings"),
        error(plug("allow-connection", "{on-store: ['a store']}"), conn + "/on-store/0",
            "invalid element"),
        error(plug("allow-connection", "{on-brand: [A]}"), conn + "/on-brand/0",
            "on-brand contains an invalid element: \"A\""),
        error(plug("allow-connection", "{on-model: [acme]}"), conn + "/on-model/0",
            "on-model contains an invalid element: \"acme\" (expected <brand-id>/<model>)"),
        error(plug("allow-connection", "{on-model: [acme/-box]}"), conn + "/on-model/0",
            "invalid element"),
        error(plug("allow-connection", "{on-brand: [acme], on-model: [a/b/c]}"),
            conn + "/on-model/0", "invalid element"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void rejects(String yaml, String path, String message) {
    assertThatThrownBy(() -> DeclarationParser.parseYaml(yaml, "t.yaml"))
        .isInstanceOfSatisfying(
            DeclarationException.class,
            e -> {
              assertThat(e.path()).isEqualTo(path);
              assertThat(e.detail()).contains(message);
              assertThat(e.getMessage()).startsWith("t.yaml:").contains(path + ": ");
            });
  }

  /** Edge values snapd accepts. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{slots-per-plug: '+1'}",
        "{slots-per-plug: '9223372036854775807'}",
        "{slot-publisher-id: [$ANY_MARKER]}",
        "{on-store: []}",
        "{plug-names: []}",
        "{plug-attributes: {}}",
        "{plug-attributes: []}",
        "{plug-attributes: {a: '$PLUG(a))'}}",
        "{plug-attributes: {a: '(?P<name_1>x)[[:alpha:]]{0,1000}\\pL'}}",
        "{plug-names: ['$INTERFACE_2']}",
        "{on-classic: []}",
        "{on-model: [aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpP/M0del-1]}",
        "{slot-snap-id: [], on-brand: [ab]}",
        "{unknown: x, on-brand: [ab]}"
      })
  void accepts(String constraints) {
    Declaration d = DeclarationParser.parseYaml(plug("allow-auto-connection", constraints), "t");
    assertThat(d.rule(Side.PLUG, "x").orElseThrow().allowKeys())
        .containsKey(CheckKind.AUTO_CONNECTION);
  }
}
