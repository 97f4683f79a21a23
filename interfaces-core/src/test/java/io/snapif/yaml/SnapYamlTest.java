package io.snapif.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.catalog.InterfaceCatalog;
import io.snapif.model.App;
import io.snapif.model.Plug;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

class SnapYamlTest {
  private static final InterfaceCatalog CATALOG = InterfaceCatalog.builtin();

  private static Snap read(String yaml) {
    return SnapYaml.read(yaml, "snap.yaml", CATALOG);
  }

  private static ThrowableAssertAlternative<SnapYamlException> fails(String yaml) {
    return org.assertj.core.api.Assertions.assertThatExceptionOfType(SnapYamlException.class)
        .isThrownBy(() -> read(yaml));
  }

  @Test
  void header_nameVersionTypeDefaults() {
    Snap s = read("name: hello\nversion: 1.0\n");
    assertThat(s.name()).isEqualTo("hello");
    assertThat(s.version()).isEqualTo("1.0"); // the text, not the float 1.0 -> "1"
    assertThat(s.type()).isEqualTo(SnapType.APP);
    assertThat(read("name: pc\nversion: '1'\ntype: gadget\n").type()).isEqualTo(SnapType.GADGET);
    assertThat(read("name: x1\nversion: '1'\ntype: application\n").type())
        .isEqualTo(SnapType.APP);
    // snapd forces the type of the snap named snapd
    assertThat(read("name: snapd\nversion: '1'\ntype: app\n").type()).isEqualTo(SnapType.SNAPD);
  }

  @Test
  void topLevelPlugs_threeSpellings() {
    Snap s = read("""
        name: app
        version: '1'
        plugs:
          network:
          cam: camera
          themes:
            interface: content
            target: $SNAP/themes
            default-provider: gtk-common-themes
        """);
    assertThat(s.plugs().get("network").iface()).isEqualTo("network");
    assertThat(s.plugs().get("network").attributes().isEmpty()).isTrue();
    assertThat(s.plugs().get("cam").iface()).isEqualTo("camera");
    Plug themes = s.plugs().get("themes");
    assertThat(themes.iface()).isEqualTo("content");
    assertThat(themes.attributes().asMap()).isEqualTo(Map.of(
        "target", "$SNAP/themes", "default-provider", "gtk-common-themes", "content", "themes"));
  }

  @Test
  void topLevelSlots_andMapWithoutInterfaceUsesTheName() {
    Snap s = read("""
        name: prov
        version: '1'
        slots:
          content:
            read: [$SNAP/lib]
          media: {interface: content, content: media, read: [/]}
        """);
    assertThat(s.slots().get("content").iface()).isEqualTo("content");
    assertThat(s.slots().get("content").attributes().getString("content")).contains("content");
    assertThat(s.slots().get("media").attributes().getString("content")).contains("media");
  }

  @Test
  void attributes_typedAsGoYamlV2() {
    Snap s = read("""
        name: attrs
        version: '1'
        plugs:
          cam:
            interface: camera
            int: 42
            hex: 0x10
            float: 1.5
            yes-word: yes
            on-word: on
            quoted: 'yes'
            list: [a, 1, true]
            nested: {k: [x, {z: 2}]}
            date: 2024-01-01
            label: Front camera
        """);
    Map<String, Object> a = s.plugs().get("cam").attributes().asMap();
    assertThat(a).containsEntry("int", 42L).containsEntry("hex", 16L)
        .containsEntry("float", 1.5).containsEntry("yes-word", true)
        .containsEntry("on-word", true).containsEntry("quoted", "yes")
        .containsEntry("list", List.of("a", 1L, true))
        .containsEntry("nested", Map.of("k", List.of("x", Map.of("z", 2L))))
        .containsEntry("date", "2024-01-01")
        .doesNotContainKey("label").doesNotContainKey("interface");
  }

  @Test
  void appPlugsAndSlots_createImplicitOnesNamedAsTheirInterface() {
    Snap s = read("""
        name: vlc
        version: '3.0'
        apps:
          vlc:
            command: vlc
            plugs: [audio-playback, camera, home]
            slots: [mpris]
        """);
    assertThat(s.plugs().keySet()).containsExactly("audio-playback", "camera", "home");
    assertThat(s.plugs().get("camera").iface()).isEqualTo("camera");
    assertThat(s.slots().get("mpris").iface()).isEqualTo("mpris");
    assertThat(s.apps().get("vlc").plugs()).containsExactlyInAnyOrder(
        "audio-playback", "camera", "home");
  }

  @Test
  void bindings_unscopedPlugsGoToEveryAppAndHook() {
    Snap s = read("""
        name: multi
        version: '1'
        plugs:
          network:
          cam: camera
        apps:
          a:
            command: a
            plugs: [cam]
          b:
            command: b
        hooks:
          configure:
            plugs: [network-observe]
          not-a-hook:
            plugs: [x11]
        """);
    App a = s.apps().get("a");
    App b = s.apps().get("b");
    assertThat(a.plugs()).containsExactlyInAnyOrder("cam", "network");
    assertThat(b.plugs()).containsExactly("network");
    assertThat(s.hooks().keySet()).containsExactly("configure");
    assertThat(s.hooks().get("configure").plugs())
        .containsExactlyInAnyOrder("network", "network-observe");
    // the unsupported hook and its plugs do not exist
    assertThat(s.plugs()).doesNotContainKey("x11");
  }

  @Test
  void unknownInterface_isDroppedAndReported() {
    Snap s = read("""
        name: app
        version: '1'
        plugs:
          pcscd:
          net: network
        apps:
          app:
            command: app
            plugs: [pcscd, net, checkbox-support]
        """);
    assertThat(s.plugs().keySet()).containsExactly("net");
    assertThat(s.badInterfaces()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "pcscd", "unknown interface \"pcscd\"",
        "checkbox-support", "unknown interface \"checkbox-support\""));
    assertThat(s.apps().get("app").plugs()).containsExactly("net");
  }

  @Test
  void invalidAttributesAndNames_areDroppedWithSnapdsReason() {
    Snap s = read("""
        name: gadget
        version: '1'
        type: gadget
        slots:
          led: {interface: gpio}
          Bad_Name: {interface: gpio, number: 3}
          gpio-3: {interface: gpio, number: 3}
        plugs:
          lib: content
        """);
    assertThat(s.slots().keySet()).containsExactly("gpio-3");
    assertThat(s.plugs()).isEmpty();
    assertThat(s.badInterfaces()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "led", "gpio slot must have a number attribute",
        "Bad_Name", "invalid slot name: \"Bad_Name\"",
        "lib", "content plug must contain target path"));
  }

  @Test
  void unknownInterfaceIsReportedBeforeAnInvalidName() {
    assertThat(read("name: a1\nversion: '1'\nplugs:\n  Bad: nope\n").badInterfaces())
        .containsEntry("Bad", "unknown interface \"nope\"");
  }

  @Test
  void plugAndSlotOfTheSameName() {
    fails("name: a1\nversion: '1'\nplugs:\n  x: network\nslots:\n  x: network\n")
        .withMessageContaining("cannot have plug and slot with the same name: \"x\"");
    // when one of them is dropped there is no clash; the slot's reason is the one kept
    Snap s = read("name: a1\nversion: '1'\nplugs:\n  x: nope\nslots:\n  x: nope2\n");
    assertThat(s.badInterfaces()).containsExactly(Map.entry("x", "unknown interface \"nope2\""));
  }

  @Test
  void endpointDefinitionErrorsAreFatal() {
    fails("name: a1\nversion: '1'\nplugs:\n  p: 3\n")
        .withMessageContaining("plug \"p\" has malformed definition (found int)");
    fails("name: a1\nversion: '1'\nslots:\n  s: [a]\n")
        .withMessageContaining("slot \"s\" has malformed definition (found []interface {})");
    fails("name: a1\nversion: '1'\nplugs:\n  p: {interface: 3}\n")
        .withMessageContaining("interface name on plug \"p\" is not a string (found int)");
    fails("name: a1\nversion: '1'\nplugs:\n  p: {$x: 1}\n")
        .withMessageContaining("plug \"p\" uses reserved attribute \"$x\"");
    fails("name: a1\nversion: '1'\nplugs:\n  p: {on: 1}\n")
        .withMessageContaining("plug \"p\" has attribute key that is not a string (found bool)");
    fails("name: a1\nversion: '1'\nplugs:\n  p: {interface: camera, a: }\n")
        .withMessageContaining("attribute \"a\" of plug \"p\": invalid scalar: <nil>");
    fails("name: a1\nversion: '1'\nplugs:\n  p: {interface: camera, a: {1: x}}\n")
        .withMessageContaining("attribute \"a\" of plug \"p\": non-string key: 1");
    // "y" is a YAML 1.1 boolean for go-yaml v2, so as a nested key snapd refuses it
    fails("name: a1\nversion: '1'\nplugs:\n  p: {interface: camera, a: {y: 2}}\n")
        .withMessageContaining("attribute \"a\" of plug \"p\": non-string key: true");
    fails("name: a1\nversion: '1'\nplugs:\n  p: {label: [x]}\n")
        .withMessageContaining("label of plug \"p\" is not a string");
    fails("name: a1\nversion: '1'\nplugs:\n  p: {'': x}\n")
        .withMessageContaining("plug \"p\" has an empty attribute key");
  }

  @Test
  void errorsNameSourceLineAndPath() {
    SnapYamlException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        SnapYamlException.class,
        () -> SnapYaml.read("name: a1\nversion: '1'\nplugs:\n  p: 3\n", "a1/meta/snap.yaml",
            CATALOG));
    assertThat(e.source()).isEqualTo("a1/meta/snap.yaml");
    assertThat(e.line()).hasValue(4);
    assertThat(e.path()).isEqualTo("plugs.p");
    assertThat(e.problem()).isEqualTo("plug \"p\" has malformed definition (found int)");
    assertThat(e).hasMessage(
        "a1/meta/snap.yaml:4: plugs.p: plug \"p\" has malformed definition (found int)");
  }

  @Test
  void validationErrorsPointAtTheField() {
    fails("name: a1\nsummary: s\nversion: 1.0-\n").satisfies(e -> {
      assertThat(e.line()).hasValue(3);
      assertThat(e.path()).isEqualTo("version");
      assertThat(e.problem()).startsWith("invalid snap version \"1.0-\": must end with");
    });
  }

  @Test
  void duplicateKeysAreRejected() {
    fails("name: a1\nversion: '1'\nname: a2\n").satisfies(e -> {
      assertThat(e.line()).hasValue(3);
      assertThat(e.problem()).isEqualTo("key \"name\" already set in map");
    });
    fails("name: a1\nversion: '1'\nplugs:\n  p: {interface: camera, a: 1, a: 2}\n")
        .withMessageContaining("already set in map");
  }

  @Test
  void unknownTopLevelKeysAreIgnoredButKnownOnesAreTyped() {
    assertThat(read("name: a1\nversion: '1'\ngrade: stable\nwhatever: [1, {2: 3}]\n").name())
        .isEqualTo("a1");
    fails("name: [a]\nversion: '1'\n").withMessageContaining("cannot unmarshal !!seq into string");
    fails("name: a1\nversion: '1'\napps: [x]\n")
        .withMessageContaining("cannot unmarshal !!seq into map[string]snap.appYaml");
    fails("name: a1\nversion: '1'\napps:\n  x:\n    plugs: home\n")
        .withMessageContaining("cannot unmarshal !!str `home` into []string");
    fails("name: a1\nversion: '1'\nlayouts:\n  /x: {bind: $SNAP/x}\n")
        .withMessageContaining("typo detected: use singular \"layout\" instead of plural");
    fails("- a\n- b\n").withMessageContaining("cannot unmarshal !!seq into snap.snapYaml");
  }

  @Test
  void malformedYamlIsATypedError() {
    fails("name: a1\nversion: '1'\nplugs: [a\n").satisfies(e -> {
      assertThat(e.line()).isPresent();
      assertThat(e.source()).isEqualTo("snap.yaml");
    });
  }

  @Test
  void coreSnapRenamesClashingPlugs() {
    Snap core = read("""
        name: core
        version: '16'
        type: os
        plugs:
          network-bind:
          core-support:
        slots:
          network-bind:
          core-support:
        """);
    assertThat(core.plugs().keySet())
        .containsExactlyInAnyOrder("network-bind-plug", "core-support-plug");
    assertThat(core.slots().keySet()).containsExactlyInAnyOrder("network-bind", "core-support");
    // any other snap keeps them, and then clashes
    fails("name: core2\nversion: '1'\nplugs: {network-bind: }\nslots: {network-bind: }\n")
        .withMessageContaining("cannot have plug and slot with the same name");
  }

  @Test
  void snapNameValidation() {
    fails("version: '1'\n").withMessageContaining("snap name cannot be empty");
    fails("name: Hello\nversion: '1'\n").withMessageContaining("invalid snap name: \"Hello\"");
    fails("name: a\nversion: '1'\n").withMessageContaining("invalid snap name: \"a\"");
    fails("name: a--b\nversion: '1'\n").withMessageContaining("invalid snap name");
    fails("name: " + "a".repeat(41) + "\nversion: '1'\n")
        .withMessageContaining("invalid snap name");
    assertThat(read("name: 0ad\nversion: '1'\n").name()).isEqualTo("0ad");
  }

  @Test
  void typeAndConfinementValues() {
    fails("name: a1\nversion: '1'\ntype: library\n")
        .withMessageContaining("invalid snap type: \"library\"");
    fails("name: a1\nversion: '1'\nconfinement: loose\n")
        .withMessageContaining("invalid confinement type: \"loose\"");
  }

  @Test
  void appAndHookValidation() {
    fails("name: a1\nversion: '1'\napps:\n  Bad_App:\n    command: x\n")
        .withMessageContaining("invalid definition of application \"Bad_App\": cannot have "
            + "\"Bad_App\" as app name - use letters, digits, and dash as separator");
    fails("name: a1\nversion: '1'\napps:\n  a:\n    command: x'y\n")
        .withMessageContaining("app description field 'command' contains illegal \"x'y\"");
    fails("name: a1\nversion: '1'\napps:\n  a:\n    daemon: forever\n")
        .withMessageContaining("\"daemon\" field contains invalid value \"forever\"");
    fails("name: a1\nversion: '1'\napps:\n  a:\n    daemon-scope: user\n")
        .withMessageContaining("\"daemon-scope\" can only be set for daemons");
    fails("name: a1\nversion: '1'\napps:\n  a:\n    daemon: simple\n    daemon-scope: root\n")
        .withMessageContaining("invalid daemon scope: \"root\"");
    fails("name: a1\nversion: '1'\napps:\n  a:\n    restart-condition: sometimes\n")
        .withMessageContaining("invalid restart condition");
    fails("name: a1\nversion: '1'\napps:\n  a:\n    daemon: simple\n    after: [b]\n")
        .withMessageContaining("before/after references a missing application \"b\"");
    fails("name: a1\nversion: '1'\napps:\n  a: {daemon: simple, after: [b]}\n"
        + "  b: {daemon: simple, after: [a]}\n")
        .withMessageContaining("applications are part of a before/after cycle: a, b");
    fails("name: a1\nversion: '1'\napps:\n  a: {aliases: [x]}\n  b: {aliases: [x]}\n")
        .withMessageContaining("cannot set \"x\" as alias for both \"a\" and \"b\"");
    fails("name: a1\nversion: '1'\napps:\n  a:\n    activates-on: [nope]\n")
        .withMessageContaining("invalid activates-on value \"nope\" on app \"a\": slot not found");
    fails("name: a1\nversion: '1'\nhooks:\n  connect-plug--x: {}\n")
        .withMessageContaining("invalid hook name: \"connect-plug--x\"");
    // restart-condition "no" is a YAML boolean, but snapd reads the text into its string field
    assertThat(read("name: a1\nversion: '1'\napps:\n  a:\n    daemon: simple\n"
        + "    restart-condition: no\n").apps()).containsKey("a");
  }

  @Test
  void activatesOn_bindsTheDbusSlotToItsService() {
    Snap s = read("""
        name: svc
        version: '1'
        slots:
          dbus-svc: {interface: dbus, bus: system, name: org.example.Svc}
        apps:
          daemon:
            daemon: dbus
            activates-on: [dbus-svc]
          cli:
            command: cli
        """);
    assertThat(s.apps().get("daemon").slots()).containsExactly("dbus-svc");
    // scoped by activates-on, so not bound to the other app
    assertThat(s.apps().get("cli").slots()).isEmpty();
  }

  @Test
  void baseValidation() {
    fails("name: a1\nversion: '1'\ntype: base\nbase: core20\n")
        .withMessageContaining("cannot have \"base\" field on \"base\" snap \"a1\"");
    fails("name: a1\nversion: '1'\nbase: none\napps:\n  a: {command: a}\n")
        .withMessageContaining("cannot have apps or hooks with base \"none\"");
    fails("name: a1\nversion: '1'\nbase: core_1\n")
        .withMessageContaining("base cannot specify a snap instance name: \"core_1\"");
  }
}
