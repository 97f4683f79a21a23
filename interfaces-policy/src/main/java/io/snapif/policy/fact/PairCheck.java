package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Rule;
import io.snapif.declaration.Side;
import io.snapif.manager.DecisionLayer;
import io.snapif.model.Attributes;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.PlugRef;
import io.snapif.model.SlotRef;
import io.snapif.spi.ConnectCandidate;
import java.util.Optional;

/**
 * May this plug be connected ({@link CheckKind#CONNECTION}: a manual or gadget connect) or
 * auto-connected ({@link CheckKind#AUTO_CONNECTION}) to this slot?
 *
 * <p>Its four layers, in snapd's order: the plug snap's declaration plug rule, the slot snap's
 * declaration slot rule, the base declaration plug rule, the base declaration slot rule (each
 * for the plug's interface). Publisher and snap-id properties are empty for a snap without
 * snap-declaration, so publisher and snap-id constraints never match it.
 *
 * <p>For auto-connection, {@link #isOwnPlug()} / {@link #isOwnSlot()} tell whether the plug or
 * the slot belongs to the snap being auto-connected (a pair with neither is another candidate
 * slot of a foreign plug, weighed only for that plug's arity).
 *
 * <p>In DRL: {@code PairCheck(kind == CheckKind.AUTO_CONNECTION, iface == "camera",
 * plugPublisher == "acme")}. Immutable.
 */
public final class PairCheck extends Check {
  private final CheckKind kind;
  private final ConnectCandidate candidate;
  private final boolean ownPlug;
  private final boolean ownSlot;
  private final Optional<Rule> plugSnapRule;
  private final Optional<Rule> slotSnapRule;
  private final Optional<Rule> basePlugRule;
  private final Optional<Rule> baseSlotRule;
  // Read for every constraint and join: computed once.
  private final ConnectionId id;
  private final String plugPublisher;
  private final String slotPublisher;

  private PairCheck(CheckKind kind, ConnectCandidate candidate, Declaration base, int order,
      boolean ownPlug, boolean ownSlot) {
    super(candidate.device(), order);
    if (kind == CheckKind.INSTALLATION) {
      throw new IllegalArgumentException("a pair is checked for connection or auto-connection");
    }
    String iface = candidate.plug().iface();
    if (!iface.equals(candidate.slot().iface())) {
      throw new IllegalArgumentException("plug " + candidate.plug() + " and slot "
          + candidate.slot() + " have different interfaces");
    }
    this.kind = kind;
    this.candidate = candidate;
    this.ownPlug = ownPlug;
    this.ownSlot = ownSlot;
    this.plugSnapRule = candidate.plugSnap().declaration().flatMap(d -> d.rule(Side.PLUG, iface));
    this.slotSnapRule = candidate.slotSnap().declaration().flatMap(d -> d.rule(Side.SLOT, iface));
    this.basePlugRule = base.rule(Side.PLUG, iface);
    this.baseSlotRule = base.rule(Side.SLOT, iface);
    this.id = candidate.id();
    this.plugPublisher = storeIdentity(candidate.plugSnap(),
        candidate.plugSnap().snap().publisherId());
    this.slotPublisher = storeIdentity(candidate.slotSnap(),
        candidate.slotSnap().snap().publisherId());
  }

  /**
   * The check of {@code candidate} for {@code kind} against {@code base} and the snaps'
   * declarations; both ends count as the snap's own.
   *
   * @throws IllegalArgumentException if the kind is installation or the interfaces differ
   */
  public static PairCheck of(CheckKind kind, ConnectCandidate candidate, Declaration base,
      int order) {
    return new PairCheck(kind, candidate, base, order, true, true);
  }

  /**
   * An auto-connection check of {@code candidate}, telling which ends belong to the snap being
   * auto-connected.
   *
   * @throws IllegalArgumentException if the interfaces differ
   */
  public static PairCheck autoConnection(ConnectCandidate candidate, Declaration base, int order,
      boolean ownPlug, boolean ownSlot) {
    return new PairCheck(CheckKind.AUTO_CONNECTION, candidate, base, order, ownPlug, ownSlot);
  }

  @Override
  public CheckKind getKind() {
    return kind;
  }

  @Override
  public String getIface() {
    return candidate.plug().iface();
  }

  @Override
  public String getSubject() {
    return getId().toString();
  }

  /** FULL, or UNCHECKED for a connection (not auto-connection) where a snap has no declaration. */
  @Override
  public PolicyScope getScope() {
    if (kind == CheckKind.CONNECTION && (isPlugDangerous() || isSlotDangerous())) {
      return PolicyScope.UNCHECKED;
    }
    return PolicyScope.FULL;
  }

  @Override
  public Optional<Rule> rule(DecisionLayer layer) {
    return switch (layer) {
      case PLUG_SNAP_DECLARATION -> plugSnapRule;
      case SLOT_SNAP_DECLARATION -> slotSnapRule;
      case BASE_PLUG_RULE -> basePlugRule;
      case BASE_SLOT_RULE -> baseSlotRule;
      default -> Optional.empty();
    };
  }

  @Override
  String declarationSnapName(DecisionLayer layer) {
    return layer == DecisionLayer.SLOT_SNAP_DECLARATION ? getSlotSnap() : getPlugSnap();
  }

  /** The candidate as the manager gave it. */
  public ConnectCandidate getCandidate() {
    return candidate;
  }

  /** {@code plugsnap:plug slotsnap:slot}. */
  public ConnectionId getId() {
    return id;
  }

  public PlugRef getPlugRef() {
    return id.plug();
  }

  public SlotRef getSlotRef() {
    return id.slot();
  }

  public String getPlugSnap() {
    return candidate.plug().snap();
  }

  public String getPlugName() {
    return candidate.plug().name();
  }

  public String getSlotSnap() {
    return candidate.slot().snap();
  }

  public String getSlotName() {
    return candidate.slot().name();
  }

  /** The plug snap's type as policy names it ({@code core} for {@code os} and {@code snapd}). */
  public String getPlugSnapType() {
    return candidate.plugSnap().snap().type().policyName();
  }

  /** The slot snap's type as policy names it. */
  public String getSlotSnapType() {
    return candidate.slotSnap().snap().type().policyName();
  }

  /** The plug snap's snap-id; empty without snap-declaration. */
  public String getPlugSnapId() {
    return storeIdentity(candidate.plugSnap(), candidate.plugSnap().snap().snapId());
  }

  /** The slot snap's snap-id; empty without snap-declaration. */
  public String getSlotSnapId() {
    return storeIdentity(candidate.slotSnap(), candidate.slotSnap().snap().snapId());
  }

  /** The plug snap's publisher id; empty without snap-declaration. */
  public String getPlugPublisher() {
    return plugPublisher;
  }

  /** The slot snap's publisher id; empty without snap-declaration. */
  public String getSlotPublisher() {
    return slotPublisher;
  }

  public boolean isPlugDangerous() {
    return candidate.plugSnap().dangerous();
  }

  public boolean isSlotDangerous() {
    return candidate.slotSnap().dangerous();
  }

  /** The plug's static attributes. */
  public Attributes getPlugAttributes() {
    return candidate.plug().attributes();
  }

  /** The slot's static attributes. */
  public Attributes getSlotAttributes() {
    return candidate.slot().attributes();
  }

  /** Whether the plug belongs to the snap being decided about. */
  public boolean isOwnPlug() {
    return ownPlug;
  }

  /** Whether the slot belongs to the snap being decided about. */
  public boolean isOwnSlot() {
    return ownSlot;
  }

  /**
   * Whether plug and slot both have the static attribute {@code name} with equal values (what an
   * interface's own auto-connect check may require, e.g. netlink-driver's {@code family-name}).
   */
  public boolean hasMatchingAttribute(String name) {
    Optional<Object> plugValue = candidate.plug().attributes().get(name);
    return plugValue.isPresent() && plugValue.equals(candidate.slot().attributes().get(name));
  }

  /** The attribute at {@code path} of {@code side} as constraints see it, dynamic over static. */
  Optional<Object> attribute(Side side, String path) {
    return side == Side.PLUG
        ? lookup(candidate.plug().attributes(), candidate.plugDynamic(), path)
        : lookup(candidate.slot().attributes(), candidate.slotDynamic(), path);
  }

  // snapd looks a path up in the dynamic attributes when they hold its first component, else in
  // the static ones; there is no merging below the top level.
  static Optional<Object> lookup(Attributes stat, Attributes dyn, String path) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    Attributes from = dyn.asMap().containsKey(head) ? dyn : stat;
    // A plain name (the common case) needs no path walk.
    return dot < 0 ? Optional.ofNullable(from.asMap().get(path)) : from.get(path);
  }

  private static String storeIdentity(InstalledSnap snap, Optional<String> value) {
    return snap.dangerous() ? "" : value.orElse("");
  }

  @Override
  public String toString() {
    return kind.word() + " of " + getId() + " (" + getIface() + ")";
  }
}
