package io.snapif.policy.fact;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.CORE;
import static io.snapif.policy.Fixtures.FALSE;
import static io.snapif.policy.Fixtures.TRUE;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.attributes;
import static io.snapif.policy.Fixtures.list;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.snap;
import static io.snapif.policy.Fixtures.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.declaration.AttributeConstraint;
import io.snapif.declaration.AttributeConstraint.AnyOf;
import io.snapif.declaration.AttributeConstraint.MapOf;
import io.snapif.declaration.AttributeConstraint.Missing;
import io.snapif.declaration.AttributeConstraint.OtherSide;
import io.snapif.declaration.AttributeConstraint.Regex;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Constraints;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.OnClassic;
import io.snapif.declaration.Side;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.SnapType;
import io.snapif.spi.ConnectCandidate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every constraint kind, matching and not, as snapd's policy helpers match them. */
class ConstraintMatcherTest {
  private static final InstalledSnap CAMS = app("cams").publisher("acme").slot("cam", "camera",
      "name", "front", "count", 2L, "enabled", true, "ratio", 1.5,
      "modes", List.of("a", "b"), "bus", ImmutableMap.of("kind", "usb", "port", 3L)).build();
  private static final InstalledSnap VLC = app("vlc").publisher("videolan")
      .plug("camera", "camera", "name", "front", "modes", List.of()).build();

  private static PairCheck check(InstalledSnap plugSnap, InstalledSnap slotSnap, Device device) {
    return PairCheck.of(CheckKind.CONNECTION, pair(plugSnap, plugSnap.snap().plugs().keySet()
        .iterator().next(), slotSnap, slotSnap.snap().slots().keySet().iterator().next(), device),
        Declaration.empty(), 0);
  }

  private static PairCheck check() {
    return check(VLC, CAMS, CLASSIC);
  }

  private static ConstraintMatch plugRule(PairCheck check, ConstraintSet set) {
    return ConstraintMatcher.pair(check, when(set), Side.PLUG);
  }

  private static ConstraintMatch slotRule(PairCheck check, ConstraintSet set) {
    return ConstraintMatcher.pair(check, when(set), Side.SLOT);
  }

  private static ConstraintSet slotAttrs(AttributeConstraint c) {
    return ConstraintSet.builder().slotAttributes(c).build();
  }

  private static MapOf map(String key, AttributeConstraint value) {
    return new MapOf(ImmutableMap.of(key, value));
  }

  // ---- true / false / alternatives ---------------------------------------------------------

  @Test
  void trueMatches_falseNever() {
    assertThat(ConstraintMatcher.pair(check(), TRUE, Side.PLUG).isMatched()).isTrue();
    ConstraintMatch never = ConstraintMatcher.pair(check(), FALSE, Side.PLUG);
    assertThat(never.isMatched()).isFalse();
    assertThat(never.getFailure()).contains("false");
  }

  @Test
  void alternatives_firstMatchingWins_failureNamesTheFirst() {
    ConstraintSet wrongType = ConstraintSet.builder().slotSnapTypes(list("core")).build();
    ConstraintSet rightType = ConstraintSet.builder().slotSnapTypes(list("app")).build();
    ConstraintMatch m = ConstraintMatcher.pair(check(), when(wrongType, rightType), Side.PLUG);
    assertThat(m.isMatched()).isTrue();
    assertThat(m.getAlternative()).isEqualTo(2);
    ConstraintMatch none = ConstraintMatcher.pair(check(), when(wrongType, wrongType), Side.PLUG);
    assertThat(none.getFailure()).startsWith("alternative 1: slot-snap-type:");
  }

  // ---- snap types, ids, publishers -----------------------------------------------------------

  @Test
  void snapType_osAndSnapdCountAsCore() {
    InstalledSnap core = snap("core", SnapType.OS).slot("camera", "camera").build();
    InstalledSnap snapd = snap("snapd", SnapType.SNAPD).slot("camera", "camera").build();
    ConstraintSet onCore = ConstraintSet.builder().slotSnapTypes(list("core")).build();
    assertThat(plugRule(check(VLC, core, CLASSIC), onCore).isMatched()).isTrue();
    assertThat(plugRule(check(VLC, snapd, CLASSIC), onCore).isMatched()).isTrue();
    ConstraintMatch app = plugRule(check(), onCore);
    assertThat(app.isMatched()).isFalse();
    assertThat(app.getFailure()).isEqualTo("slot-snap-type: \"app\" is not one of [\"core\"]");
  }

  @Test
  void snapType_ofTheOtherSideIsWhatARuleChecks() {
    // a plug rule's connection constraints look at the slot side only
    ConstraintSet plugTypeInPlugRule = ConstraintSet.builder().plugSnapTypes(list("gadget"))
        .build();
    assertThat(plugRule(check(), plugTypeInPlugRule).isMatched()).isTrue();
    assertThat(slotRule(check(), plugTypeInPlugRule).isMatched()).isFalse();
  }

  @Test
  void snapId_matchesTheDeclaredSnapId_neverWithoutDeclaration() {
    ConstraintSet ids = ConstraintSet.builder().slotSnapIds(list("cams-id")).build();
    assertThat(plugRule(check(), ids).isMatched()).isTrue();
    InstalledSnap local = app("cams").dangerous().slot("cam", "camera").build();
    ConstraintMatch m = plugRule(check(VLC, local, CLASSIC), ids);
    assertThat(m.isMatched()).isFalse();
    assertThat(m.getFailure()).isEqualTo("slot-snap-id: (none) does not match \"cams-id\"");
  }

  @Test
  void publisher_withOtherSidePublisherVariable() {
    InstalledSnap sameVendor = app("cams").publisher("videolan").slot("cam", "camera").build();
    ConstraintSet samePublisher = ConstraintSet.builder()
        .slotPublisherIds(list("$PLUG_PUBLISHER_ID")).build();
    assertThat(plugRule(check(VLC, sameVendor, CLASSIC), samePublisher).isMatched()).isTrue();
    ConstraintMatch m = plugRule(check(), samePublisher);
    assertThat(m.isMatched()).isFalse();
    assertThat(m.getFailure())
        .isEqualTo("slot-publisher-id: \"acme\" does not match $PLUG_PUBLISHER_ID \"videolan\"");
    ConstraintSet slotSide = ConstraintSet.builder().plugPublisherIds(list("$SLOT_PUBLISHER_ID"))
        .build();
    assertThat(slotRule(check(VLC, sameVendor, CLASSIC), slotSide).isMatched()).isTrue();
    assertThat(slotRule(check(), slotSide).isMatched()).isFalse();
  }

  @Test
  void publisher_unknownVariablesAreSkipped_andAMissingPublisherNeverMatches() {
    // $SLOT_PUBLISHER_ID means nothing in slot-publisher-id: skipped, so only "acme" counts
    ConstraintSet set = ConstraintSet.builder()
        .slotPublisherIds(list("$SLOT_PUBLISHER_ID", "acme")).build();
    assertThat(plugRule(check(), set).isMatched()).isTrue();
    InstalledSnap local = app("cams").dangerous().slot("cam", "camera").build();
    ConstraintSet any = ConstraintSet.builder().slotPublisherIds(list("$PLUG_PUBLISHER_ID"))
        .build();
    InstalledSnap localPlug = app("vlc").dangerous().plug("camera", "camera").build();
    // both publishers empty: "" == "" must not count as the same publisher
    assertThat(plugRule(check(localPlug, local, CLASSIC), any).isMatched()).isFalse();
  }

  // ---- names ----------------------------------------------------------------------------------

  @Test
  void names_regexpAnchored_andInterfaceVariable() {
    ConstraintSet regexp = ConstraintSet.builder().slotNames(list("ca.")).build();
    assertThat(plugRule(check(), regexp).isMatched()).isTrue();
    ConstraintSet prefix = ConstraintSet.builder().slotNames(list("ca")).build();
    assertThat(plugRule(check(), prefix).isMatched()).isFalse();
    ConstraintSet iface = ConstraintSet.builder().plugNames(list("$INTERFACE")).build();
    assertThat(plugRule(check(), iface).isMatched()).isTrue(); // plug "camera", iface camera
    ConstraintMatch slotNamedOtherwise = plugRule(check(),
        ConstraintSet.builder().slotNames(list("$INTERFACE")).build());
    assertThat(slotNamedOtherwise.getFailure())
        .isEqualTo("slot-names: \"cam\" does not match [$INTERFACE]");
    ConstraintSet empty = ConstraintSet.builder().slotNames(ImmutableList.of()).build();
    assertThat(plugRule(check(), empty).isMatched()).isFalse();
  }

  // ---- device -------------------------------------------------------------------------------

  @Test
  void onClassic_boolAndDistroList() {
    ConstraintSet classic = ConstraintSet.builder().onClassic(OnClassic.of(true)).build();
    assertThat(plugRule(check(VLC, CAMS, CLASSIC), classic).isMatched()).isTrue();
    assertThat(plugRule(check(VLC, CAMS, CORE), classic).isMatched()).isFalse();
    ConstraintSet core = ConstraintSet.builder().onClassic(OnClassic.of(false)).build();
    assertThat(plugRule(check(VLC, CAMS, CORE), core).isMatched()).isTrue();
    ConstraintSet distros = ConstraintSet.builder()
        .onClassic(OnClassic.distros(list("ubuntu", "debian"))).build();
    assertThat(plugRule(check(VLC, CAMS, CLASSIC), distros).isMatched()).isTrue();
    Device fedora = Device.builder().from(CLASSIC).distro("fedora").build();
    ConstraintMatch m = plugRule(check(VLC, CAMS, fedora), distros);
    assertThat(m.getFailure())
        .isEqualTo("on-classic: distribution \"fedora\" is not one of [\"ubuntu\", \"debian\"]");
    assertThat(plugRule(check(VLC, CAMS, CORE), distros).isMatched()).isFalse();
  }

  @Test
  void deviceScope_storeBrandModel() {
    Device acme = Device.builder().classic(false).brand("acme").model("box").store("acme-store")
        .build();
    ConstraintSet brand = ConstraintSet.builder().onBrand(list("acme")).build();
    ConstraintSet model = ConstraintSet.builder().onModel(list("acme/box")).build();
    ConstraintSet store = ConstraintSet.builder().onStore(list("acme-store")).build();
    for (ConstraintSet set : List.of(brand, model, store)) {
      assertThat(plugRule(check(VLC, CAMS, acme), set).isMatched()).isTrue();
      assertThat(plugRule(check(VLC, CAMS, CORE), set).isMatched()).isFalse();
    }
    assertThat(plugRule(check(VLC, CAMS, CORE), model).getFailure())
        .isEqualTo("on-model: model \"canonical/pc\" is not one of [\"acme/box\"]");
    assertThat(plugRule(check(VLC, CAMS, CORE), store).getFailure())
        .isEqualTo("on-store: store (none) is not one of [\"acme-store\"]");
    Device noModel = Device.builder().classic(true).build();
    assertThat(plugRule(check(VLC, CAMS, noModel), brand).getFailure())
        .contains("the device has no model");
  }

  // ---- attributes ----------------------------------------------------------------------------

  @Test
  void attributes_regexpOverStringIntegerAndBoolean() {
    assertThat(plugRule(check(), slotAttrs(map("name", Regex.compile("fr.*")))).isMatched())
        .isTrue();
    assertThat(plugRule(check(), slotAttrs(map("count", Regex.compile("[0-9]")))).isMatched())
        .isTrue();
    assertThat(plugRule(check(), slotAttrs(map("enabled", Regex.compile("true")))).isMatched())
        .isTrue();
    ConstraintMatch m = plugRule(check(), slotAttrs(map("name", Regex.compile("back"))));
    assertThat(m.getFailure())
        .isEqualTo("slot-attributes: attribute \"name\" value \"front\" does not match \"back\"");
  }

  @Test
  void attributes_floatsAndMapsNeverMatchARegexp() {
    ConstraintMatch m = plugRule(check(), slotAttrs(map("ratio", Regex.compile(".*"))));
    assertThat(m.getFailure()).contains("must be a scalar or list");
    assertThat(plugRule(check(), slotAttrs(map("bus", Regex.compile(".*")))).isMatched())
        .isFalse();
  }

  @Test
  void attributes_listValuesMustMatchInEveryElement() {
    assertThat(plugRule(check(), slotAttrs(map("modes", Regex.compile("a|b")))).isMatched())
        .isTrue();
    assertThat(plugRule(check(), slotAttrs(map("modes", Regex.compile("a")))).getFailure())
        .contains("\"modes.1\" value \"b\"");
    // an empty list has no element to fail
    ConstraintSet onPlug = ConstraintSet.builder()
        .plugAttributes(map("modes", Regex.compile("x"))).build();
    assertThat(plugRule(check(), onPlug).isMatched()).isTrue();
  }

  @Test
  void attributes_alternativesAndNestedMaps() {
    AnyOf either = new AnyOf(ImmutableList.of(Regex.compile("back"), Regex.compile("front")));
    assertThat(plugRule(check(), slotAttrs(map("name", either))).isMatched()).isTrue();
    AnyOf neither = new AnyOf(ImmutableList.of(Regex.compile("x"), Regex.compile("y")));
    assertThat(plugRule(check(), slotAttrs(map("name", neither))).getFailure())
        .startsWith("slot-attributes: no alternative for attribute \"name\" matches");
    MapOf usb = map("bus", map("kind", Regex.compile("usb")));
    assertThat(plugRule(check(), slotAttrs(usb)).isMatched()).isTrue();
    MapOf pci = map("bus", map("kind", Regex.compile("pci")));
    assertThat(plugRule(check(), slotAttrs(pci)).getFailure()).contains("\"bus.kind\"");
    MapOf dotted = new MapOf(ImmutableMap.of("bus.port", Regex.compile("3")));
    assertThat(plugRule(check(), slotAttrs(dotted)).isMatched()).isTrue();
  }

  @Test
  void attributes_missing() {
    assertThat(plugRule(check(), slotAttrs(map("absent", new Missing()))).isMatched()).isTrue();
    assertThat(plugRule(check(), slotAttrs(map("name", new Missing()))).getFailure())
        .contains("must be missing but is set");
    assertThat(plugRule(check(), slotAttrs(map("absent", Regex.compile(".*")))).getFailure())
        .contains("\"absent\" has constraints but is unset");
  }

  @Test
  void attributes_otherSideComparison() {
    MapOf sameName = map("name", new OtherSide(Side.PLUG, "name"));
    assertThat(plugRule(check(), slotAttrs(sameName)).isMatched()).isTrue();
    InstalledSnap rear = app("vlc").plug("camera", "camera", "name", "rear").build();
    ConstraintMatch m = plugRule(check(rear, CAMS, CLASSIC), slotAttrs(sameName));
    assertThat(m.getFailure()).isEqualTo(
        "slot-attributes: attribute \"name\" value \"front\" does not match $PLUG(name) \"rear\"");
    MapOf unknown = map("name", new OtherSide(Side.PLUG, "nope"));
    assertThat(plugRule(check(), slotAttrs(unknown)).getFailure()).contains("is not set");
    // lists are compared whole, not element by element
    MapOf modes = map("modes", new OtherSide(Side.PLUG, "modes"));
    assertThat(plugRule(check(), slotAttrs(modes)).isMatched()).isFalse();
  }

  @Test
  void attributes_dynamicValuesOverrideStaticOnesAtConnectTime() {
    ConnectCandidate base = pair(VLC, "camera", CAMS, "cam", CLASSIC);
    ConnectCandidate dynamic = ConnectCandidate.builder().from(base)
        .slotDynamic(attributes("name", "rear")).build();
    PairCheck check = PairCheck.of(CheckKind.CONNECTION, dynamic, Declaration.empty(), 0);
    assertThat(plugRule(check, slotAttrs(map("name", Regex.compile("rear")))).isMatched())
        .isTrue();
    assertThat(plugRule(check, slotAttrs(map("count", Regex.compile("2")))).isMatched())
        .isTrue();
  }

  // ---- installation --------------------------------------------------------------------------

  @Test
  void installation_looksAtTheEndpointItself_withoutOtherSide() {
    InstallationCheck slot = InstallationCheck.forSlot(CAMS, CAMS.snap().slots().get("cam"),
        Declaration.empty(), CLASSIC, 0);
    Constraints named = when(ConstraintSet.builder().slotNames(list("cam"))
        .slotAttributes(map("name", Regex.compile("front"))).slotSnapTypes(list("app"))
        .slotSnapIds(list("cams-id")).build());
    assertThat(ConstraintMatcher.installation(slot, named, false).isMatched()).isTrue();
    Constraints other = when(slotAttrs(map("name", new OtherSide(Side.PLUG, "name"))));
    assertThat(ConstraintMatcher.installation(slot, other, false).getFailure())
        .contains("without the other side");
  }

  @Test
  void minimalCheck_onlySnapTypeAndOnClassicCount() {
    InstalledSnap local = app("cams").dangerous().slot("cam", "camera", "name", "front").build();
    InstallationCheck slot = InstallationCheck.forSlot(local, local.snap().slots().get("cam"),
        Declaration.empty(), CLASSIC, 0);
    Constraints coreOnly = when(ConstraintSet.builder().slotSnapTypes(list("core")).build());
    assertThat(ConstraintMatcher.installation(slot, coreOnly, false).isMatched()).isFalse();
    assertThat(ConstraintMatcher.installation(slot, coreOnly, true).isMatched()).isFalse();
    Constraints appOnly = when(ConstraintSet.builder().slotSnapTypes(list("app")).build());
    assertThat(ConstraintMatcher.installation(slot, appOnly, true).isMatched()).isTrue();
    // attributes are not looked at; an alternative without type or on-classic is skipped
    Constraints attrsOnly = when(slotAttrs(map("name", Regex.compile("back"))));
    assertThat(ConstraintMatcher.installation(slot, attrsOnly, false).isMatched()).isTrue();
    assertThat(ConstraintMatcher.installation(slot, TRUE, true).isMatched()).isFalse();
    assertThat(ConstraintMatcher.installation(slot, FALSE, false).isMatched()).isTrue();
  }

  @Test
  void slotsPerPlug_isAnyOnlyWhenWrittenSo() {
    ConstraintSet any = ConstraintSet.builder().slotsPerPlug(io.snapif.declaration.Arity.any())
        .build();
    ConstraintSet two = ConstraintSet.builder().slotsPerPlug(io.snapif.declaration.Arity.of(2))
        .build();
    assertThat(plugRule(check(), any).isSlotsPerPlugAny()).isTrue();
    assertThat(plugRule(check(), two).isSlotsPerPlugAny()).isFalse();
  }
}
