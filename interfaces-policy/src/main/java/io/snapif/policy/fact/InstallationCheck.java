package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Rule;
import io.snapif.declaration.Side;
import io.snapif.manager.DecisionLayer;
import io.snapif.model.Attributes;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.Optional;

/**
 * May this plug or slot of a snap being installed be installed? One fact per plug and slot of the
 * snap; the snap is refused if any of them is (see {@code installation.drl}).
 *
 * <p>Its layers are the snap's own snap-declaration rule for the endpoint's side and interface
 * ({@link DecisionLayer#PLUG_SNAP_DECLARATION} for a plug,
 * {@link DecisionLayer#SLOT_SNAP_DECLARATION} for a slot) and the base declaration's rule of
 * the same side.
 *
 * <p>In DRL: {@code InstallationCheck(side == Side.PLUG, iface == "camera", publisher ==
 * "acme")}. Immutable.
 */
public final class InstallationCheck extends Check {
  private final InstalledSnap snap;
  private final Side side;
  private final String name;
  private final String iface;
  private final Attributes attributes;
  private final Optional<Rule> snapRule;
  private final Optional<Rule> baseRule;

  private InstallationCheck(InstalledSnap snap, Side side, String name, String iface,
      Attributes attributes, Declaration base, Device device, int order) {
    super(device, order);
    this.snap = snap;
    this.side = side;
    this.name = name;
    this.iface = iface;
    this.attributes = attributes;
    this.snapRule = snap.declaration().flatMap(d -> d.rule(side, iface));
    this.baseRule = base.rule(side, iface);
  }

  /** The check of {@code plug} of {@code snap}, against {@code base} and the snap's declaration. */
  public static InstallationCheck forPlug(
      InstalledSnap snap, Plug plug, Declaration base, Device device, int order) {
    return new InstallationCheck(snap, Side.PLUG, plug.name(), plug.iface(), plug.attributes(),
        base, device, order);
  }

  /** The check of {@code slot} of {@code snap}, against {@code base} and the snap's declaration. */
  public static InstallationCheck forSlot(
      InstalledSnap snap, Slot slot, Declaration base, Device device, int order) {
    return new InstallationCheck(snap, Side.SLOT, slot.name(), slot.iface(), slot.attributes(),
        base, device, order);
  }

  @Override
  public CheckKind getKind() {
    return CheckKind.INSTALLATION;
  }

  @Override
  public String getIface() {
    return iface;
  }

  @Override
  public String getSubject() {
    return snap.name();
  }

  /**
   * {@link PolicyScope#FULL}; for a snap without declaration MINIMAL (slots) or UNCHECKED
   * (plugs).
   */
  @Override
  public PolicyScope getScope() {
    if (!snap.dangerous()) {
      return PolicyScope.FULL;
    }
    return side == Side.SLOT ? PolicyScope.MINIMAL : PolicyScope.UNCHECKED;
  }

  @Override
  public Optional<Rule> rule(DecisionLayer layer) {
    return switch (layer) {
      case PLUG_SNAP_DECLARATION -> side == Side.PLUG ? snapRule : Optional.empty();
      case SLOT_SNAP_DECLARATION -> side == Side.SLOT ? snapRule : Optional.empty();
      case BASE_PLUG_RULE -> side == Side.PLUG ? baseRule : Optional.empty();
      case BASE_SLOT_RULE -> side == Side.SLOT ? baseRule : Optional.empty();
      default -> Optional.empty();
    };
  }

  @Override
  String declarationSnapName(DecisionLayer layer) {
    return snap.name();
  }

  /** The snap being installed, with its declaration. */
  public InstalledSnap getInstalledSnap() {
    return snap;
  }

  /** The snap's name. */
  public String getSnap() {
    return snap.name();
  }

  /** The snap's type as policy names it ({@code core} for {@code os} and {@code snapd}). */
  public String getSnapType() {
    return snap.snap().type().policyName();
  }

  /** The snap-id; empty for a snap without declaration. */
  public String getSnapId() {
    return snap.dangerous() ? "" : snap.snap().snapId().orElse("");
  }

  /** The publisher id; empty for a snap without declaration. */
  public String getPublisher() {
    return snap.dangerous() ? "" : snap.snap().publisherId().orElse("");
  }

  /** Whether the snap was installed without snap-declaration ({@code --dangerous}). */
  public boolean isDangerous() {
    return snap.dangerous();
  }

  /** Whether a plug or a slot is checked. */
  public Side getSide() {
    return side;
  }

  /** The plug or slot name. */
  public String getName() {
    return name;
  }

  /** The static attributes of the plug or slot. */
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "installation of " + side.word() + " " + snap.name() + ":" + name + " (" + iface + ")";
  }
}
