package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.CORE;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.snap;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.InterfaceInfo;
import io.snapif.declaration.Arity;
import io.snapif.manager.Decision;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.SnapType;
import io.snapif.spi.ConnectCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every built-in interface against the real base declaration: installation of a plug and of a
 * slot by each snap type, connection and auto-connection of an app's plug to a slot. The
 * expectations are what snapd 2.57.6 decides for the same base declaration (its policy tests
 * list them per interface); each list below says which behaviour it pins.
 */
class BaseDeclarationConformanceTest {
  private static final DroolsPolicyEvaluator POLICY = DroolsPolicyEvaluator.builtin();
  private static final List<InterfaceInfo> ALL = InterfaceCatalog.builtin().all();

  /** The interfaces whose plug auto-connects to a slot of another snap, with one slot per plug. */
  private static final Set<String> AUTO_CONNECT = Set.of(
      "audio-playback", "browser-support", "desktop", "desktop-legacy", "gsettings", "media-hub",
      "mir", "network", "network-bind", "network-status", "online-accounts-service", "opengl",
      "optical-drive", "screen-inhibit-control", "ubuntu-download-manager", "unity7", "unity8",
      "upower-observe", "wayland", "x11");

  /**
   * Snowflakes: interfaces whose auto-connection depends on more than the interface, checked
   * separately below or left to the scenario tests.
   */
  private static final Set<String> AUTO_CONNECT_SNOWFLAKES = Set.of(
      "content",            // same publisher and content tag (see contentAutoConnection...)
      "core-support",       // plug only on core snaps
      "home",               // auto-connects on classic only (see homeAutoConnects...)
      "lxd-support",        // super-privileged, needs a store grant
      "microstack-support", // super-privileged, needs a store grant
      "multipass-support",  // super-privileged, needs a store grant
      "packagekit-control", // super-privileged, needs a store grant
      "pkcs11",             // slot rules depend on attributes
      "snapd-control",      // super-privileged, needs a store grant
      "empty");             // test interface of snapd

  /**
   * Who may install a slot (policy snap-type names); interfaces not listed: only {@code core}.
   * An empty list marks a snowflake with stricter rules (snap-ids, attributes), skipped here.
   */
  private static final Map<String, List<String>> SLOT_INSTALLERS = Map.ofEntries(
      Map.entry("adb-support", List.of("core")),
      Map.entry("audio-playback", List.of("app", "core")),
      Map.entry("audio-record", List.of("app", "core")),
      Map.entry("autopilot-introspection", List.of("core")),
      Map.entry("avahi-control", List.of("app", "core")),
      Map.entry("avahi-observe", List.of("app", "core")),
      Map.entry("bluez", List.of("app", "core")),
      Map.entry("bool-file", List.of("core", "gadget")),
      Map.entry("browser-support", List.of("core")),
      Map.entry("content", List.of("app", "gadget")),
      Map.entry("cups", List.of("app")),
      Map.entry("cups-control", List.of("app", "core")),
      Map.entry("dbus", List.of("app")),
      Map.entry("dsp", List.of("core", "gadget")),
      Map.entry("empty", List.of("app")),
      Map.entry("fwupd", List.of("app", "core")),
      Map.entry("gpio", List.of("core", "gadget")),
      Map.entry("hidraw", List.of("core", "gadget")),
      Map.entry("i2c", List.of("core", "gadget")),
      Map.entry("iio", List.of("core", "gadget")),
      Map.entry("location-control", List.of("app")),
      Map.entry("location-observe", List.of("app")),
      Map.entry("maliit", List.of("app")),
      Map.entry("media-hub", List.of("app", "core")),
      Map.entry("mir", List.of("app")),
      Map.entry("modem-manager", List.of("app", "core")),
      Map.entry("mpris", List.of("app")),
      Map.entry("netlink-driver", List.of("core", "gadget")),
      Map.entry("network-manager", List.of("app", "core")),
      Map.entry("network-manager-observe", List.of("app", "core")),
      Map.entry("ofono", List.of("app", "core")),
      Map.entry("online-accounts-service", List.of("app")),
      Map.entry("pulseaudio", List.of("app", "core")),
      Map.entry("pwm", List.of("core", "gadget")),
      Map.entry("raw-volume", List.of("core", "gadget")),
      Map.entry("serial-port", List.of("core", "gadget")),
      Map.entry("spi", List.of("core", "gadget")),
      Map.entry("storage-framework-service", List.of("app")),
      Map.entry("thumbnailer-service", List.of("app")),
      Map.entry("ubuntu-download-manager", List.of("app")),
      Map.entry("udisks2", List.of("app", "core")),
      Map.entry("uio", List.of("core", "gadget")),
      Map.entry("unity8", List.of("app")),
      Map.entry("unity8-calendar", List.of("app")),
      Map.entry("unity8-contacts", List.of("app")),
      Map.entry("upower-observe", List.of("app", "core")),
      Map.entry("wayland", List.of("app", "core")),
      Map.entry("x11", List.of("app", "core")),
      // snowflakes: installation also depends on snap-ids or attributes
      Map.entry("classic-support", List.of()),
      Map.entry("custom-device", List.of()),
      Map.entry("docker", List.of()),
      Map.entry("lxd", List.of()),
      Map.entry("microceph", List.of()),
      Map.entry("pkcs11", List.of()),
      Map.entry("posix-mq", List.of()),
      Map.entry("shared-memory", List.of()));

  private static final Map<String, SnapType> SNAP_TYPES = Map.of(
      "core", SnapType.OS, "app", SnapType.APP, "kernel", SnapType.KERNEL,
      "gadget", SnapType.GADGET);

  /** Plugs an app may not install without a store grant (super-privileged interfaces). */
  private static final Set<String> RESTRICTED_PLUGS = Set.of(
      "block-devices", "classic-support", "desktop-launch", "dm-crypt", "docker-support",
      "greengrass-support", "gpio-control", "ion-memory-control", "kernel-module-control",
      "kernel-module-load", "kubernetes-support", "lxd-support", "microstack-support",
      "mount-control", "multipass-support", "packagekit-control", "personal-files", "polkit",
      "sd-control", "snap-refresh-control", "snap-themes-control", "snapd-control",
      "steam-support", "system-files", "tee", "uinput", "unity8", "xilinx-dma",
      "core-support"); // core-support plugs: core snaps only

  /** Interfaces whose manual connection needs a store grant (on any system). */
  private static final Set<String> NO_CONNECT = Set.of(
      "content", "cups", "custom-device", "docker", "fwupd", "location-control",
      "location-observe", "lxd", "maliit", "microceph", "mir", "online-accounts-service",
      "posix-mq", "raw-volume", "shared-memory", "storage-framework-service",
      "thumbnailer-service", "ubuntu-download-manager", "unity8-calendar", "unity8-contacts");

  /**
   * Interfaces whose manual connection needs a store grant on core devices only: services an
   * app may provide everywhere but only classic systems trust ({@code deny-connection:
   * on-classic: false}). snapd's tests pin audio-record, modem-manager, network-manager, ofono,
   * pulseaudio and upower-observe on both systems, audio-playback and cups-control too; the
   * others carry the same stanza.
   */
  private static final Set<String> NO_CONNECT_ON_CORE = Set.of(
      "audio-playback", "audio-record", "avahi-control", "avahi-observe", "bluez",
      "cups-control", "media-hub", "modem-manager", "network-manager", "network-manager-observe",
      "ofono", "pulseaudio", "udisks2", "upower-observe", "wayland", "x11");

  private static ConnectCandidate appToApp(String iface, Device device) {
    InstalledSnap plugSnap = app("plug-snap").plug(iface, iface).build();
    InstalledSnap slotSnap = app("slot-snap").slot(iface, iface).build();
    return pair(plugSnap, iface, slotSnap, iface, device);
  }

  private static Decision autoConnect(ConnectCandidate candidate) {
    var request = io.snapif.spi.AutoConnectRequest.builder().snap(candidate.plugSnap())
        .putPlugCandidates(candidate.plug().name(),
            com.google.common.collect.ImmutableList.of(candidate))
        .build();
    return POLICY.planAutoConnect(request).endpoints().get(0).candidates().get(0);
  }

  @Test
  void catalogAndBaseDeclaration_coverTheSameInterfaces() {
    assertThat(ALL).hasSizeGreaterThan(170);
    // every interface with rules is in the catalog
    for (String iface : POLICY.baseDeclaration().slotRules().keySet()) {
      assertThat(InterfaceCatalog.builtin().contains(iface)).as(iface).isTrue();
    }
  }

  @Test
  void autoConnection_ofEveryInterface() {
    List<String> wrong = new ArrayList<>();
    for (InterfaceInfo info : ALL) {
      String iface = info.name();
      if (AUTO_CONNECT_SNOWFLAKES.contains(iface)) {
        continue;
      }
      Decision d = autoConnect(appToApp(iface, CLASSIC));
      boolean expected = AUTO_CONNECT.contains(iface);
      if (d.allowed() != expected) {
        wrong.add(iface + ": " + d.message());
      } else if (expected && !d.slotsPerPlug().equals(java.util.Optional.of(Arity.one()))) {
        wrong.add(iface + ": slots-per-plug " + d.slotsPerPlug());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void slotInstallation_ofEveryInterfaceByEverySnapType() {
    List<String> wrong = new ArrayList<>();
    for (InterfaceInfo info : ALL) {
      String iface = info.name();
      List<String> installers = SLOT_INSTALLERS.getOrDefault(iface, List.of("core"));
      if (installers.isEmpty()) {
        continue;
      }
      SNAP_TYPES.forEach((typeName, type) -> {
        InstalledSnap s = snap("install-slot-snap", type).slot(iface, iface).build();
        Decision d = POLICY.checkInstallation(s, CLASSIC);
        if (d.allowed() != installers.contains(typeName)) {
          wrong.add(iface + " by " + typeName + ": " + d.message());
        }
      });
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void slotInstallation_snowflakesNeedAStoreGrantOnApps() {
    for (String iface : List.of("docker", "lxd", "microceph", "shared-memory")) {
      InstalledSnap s = app("install-slot-snap").slot(iface, iface).build();
      assertThat(POLICY.checkInstallation(s, CLASSIC).message())
          .isEqualTo("installation not allowed by \"" + iface + "\" slot rule of interface \""
              + iface + "\"");
    }
    // the system snaps themselves may have a shared-memory slot (by their snap-ids)
    InstalledSnap core = snap("core", SnapType.OS).snapId("99T7MUlRhtI3U0QFgl5mXXESAiSwt776")
        .publisher("canonical").slot("shared-memory", "shared-memory").build();
    assertThat(POLICY.checkInstallation(core, CLASSIC).allowed()).isTrue();
  }

  @Test
  void plugInstallation_ofEveryInterfaceByAnApp() {
    List<String> wrong = new ArrayList<>();
    for (InterfaceInfo info : ALL) {
      String iface = info.name();
      InstalledSnap s = app("install-plug-snap").plug(iface, iface).build();
      Decision d = POLICY.checkInstallation(s, CLASSIC);
      if (d.allowed() == RESTRICTED_PLUGS.contains(iface)) {
        wrong.add(iface + ": " + d.message());
      }
    }
    assertThat(wrong).isEmpty();
    InstalledSnap core = snap("core", SnapType.OS).plug("core-support", "core-support").build();
    assertThat(POLICY.checkInstallation(core, CLASSIC).allowed()).isTrue();
  }

  @Test
  void connection_ofEveryInterface_onClassicAndOnCore() {
    List<String> wrong = new ArrayList<>();
    for (InterfaceInfo info : ALL) {
      String iface = info.name();
      boolean onClassic = POLICY.checkConnection(appToApp(iface, CLASSIC)).allowed();
      if (onClassic == NO_CONNECT.contains(iface)) {
        wrong.add(iface + " on classic");
      }
      boolean onCore = POLICY.checkConnection(appToApp(iface, CORE)).allowed();
      boolean expectedOnCore = !NO_CONNECT.contains(iface) && !NO_CONNECT_ON_CORE.contains(iface);
      if (onCore != expectedOnCore) {
        wrong.add(iface + " on core");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void systemSnap_withItsImplicitSlots_passesTheInstallationCheck() {
    // snapd adds the implicit slots to the system snap before its installation check
    for (boolean classic : new boolean[] {true, false}) {
      for (SnapType type : List.of(SnapType.OS, SnapType.SNAPD)) {
        boolean snapd = type == SnapType.SNAPD;
        var system = snap(snapd ? "snapd" : "core", type).publisher("canonical")
            .snapId(snapd ? "PMrrV4ml8uWuEUDBT8dSGnKUYbevVhc4" : "99T7MUlRhtI3U0QFgl5mXXESAiSwt776");
        for (InterfaceInfo info : InterfaceCatalog.builtin().implicitOn(classic)) {
          system.slot(info.name(), info.name());
        }
        Decision d = POLICY.checkInstallation(system.build(), classic ? CLASSIC : CORE);
        assertThat(d.allowed()).as(type + " on " + (classic ? "classic" : "core") + ": "
            + d.message()).isTrue();
      }
    }
  }

  // ---- snowflakes checked one by one --------------------------------------------------------

  @Test
  void homeAutoConnects_onClassicOnly() {
    InstalledSnap plugSnap = app("plug-snap").plug("home", "home").build();
    InstalledSnap core = snap("core", SnapType.OS).publisher("canonical").slot("home", "home")
        .build();
    assertThat(autoConnect(pair(plugSnap, "home", core, "home", CLASSIC)).allowed()).isTrue();
    assertThat(autoConnect(pair(plugSnap, "home", core, "home", CORE)).message())
        .isEqualTo("auto-connection denied by slot rule of interface \"home\"");
  }

  @Test
  void contentAutoConnects_onlyBetweenSnapsOfOnePublisherAndTag() {
    InstalledSnap consumer = app("consumer").publisher("acme")
        .plug("lib", "content", "content", "lib", "target", "$SNAP/lib").build();
    InstalledSnap provider = app("provider").publisher("acme")
        .slot("lib", "content", "content", "lib", "read", List.of("$SNAP/lib")).build();
    InstalledSnap stranger = app("stranger").publisher("other")
        .slot("lib", "content", "content", "lib", "read", List.of("$SNAP/lib")).build();
    InstalledSnap otherTag = app("other-tag").publisher("acme")
        .slot("lib", "content", "content", "gtk", "read", List.of("$SNAP/lib")).build();
    assertThat(autoConnect(pair(consumer, "lib", provider, "lib", CLASSIC)).allowed()).isTrue();
    Decision foreign = autoConnect(pair(consumer, "lib", stranger, "lib", CLASSIC));
    assertThat(foreign.allowed()).isFalse();
    assertThat(foreign.reasons().get(0).detail()).endsWith(
        "plug-publisher-id: \"acme\" does not match $SLOT_PUBLISHER_ID \"other\"");
    assertThat(autoConnect(pair(consumer, "lib", otherTag, "lib", CLASSIC)).allowed()).isFalse();
    // manual connection only needs the same tag
    assertThat(POLICY.checkConnection(pair(consumer, "lib", stranger, "lib", CLASSIC))
        .allowed()).isTrue();
    assertThat(POLICY.checkConnection(pair(consumer, "lib", otherTag, "lib", CLASSIC))
        .allowed()).isFalse();
  }

  @Test
  void snapdControl_autoConnectsWithAStoreGrantOfInstallationAlone() {
    // a snap-declaration rule replaces the base rule as a whole: unnamed keys default to allow
    var grant = io.snapif.declaration.DeclarationParser.parseRules(Map.of("plugs",
        Map.of("snapd-control", Map.of("allow-installation", true))), "grant");
    InstalledSnap granted = app("plug-snap").declaration(grant)
        .plug("snapd-control", "snapd-control").build();
    InstalledSnap core = snap("core", SnapType.OS).publisher("canonical")
        .slot("snapd-control", "snapd-control").build();
    assertThat(autoConnect(pair(granted, "snapd-control", core, "snapd-control", CLASSIC))
        .allowed()).isTrue();
    InstalledSnap plain = app("plug-snap").plug("snapd-control", "snapd-control").build();
    assertThat(autoConnect(pair(plain, "snapd-control", core, "snapd-control", CLASSIC))
        .allowed()).isFalse();
  }
}
