package io.snapif.policy.fact;

import com.google.common.collect.ImmutableList;
import com.google.re2j.Pattern;
import io.snapif.declaration.AttributeConstraint;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Constraints;
import io.snapif.declaration.DeclarationException;
import io.snapif.declaration.OnClassic;
import io.snapif.declaration.Side;
import io.snapif.model.Attributes;
import io.snapif.model.Device;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Matches the value of one rule key against a check, the leaf work of the policy rules (which
 * layer decides and what a match means is for the DRL).
 *
 * <p>Design notes. What snapd 2.57.6 looks at depends on the rule's side and the check's kind:
 * <ul>
 *   <li>installation: the endpoint's own names, attributes (without the other side, so
 *       {@code $PLUG()}/{@code $SLOT()} never match), snap type, snap-id, then on-classic and the
 *       device scope;
 *   <li>connection by a plug rule: plug-names, slot-names, plug-attributes, slot-attributes, then
 *       the OTHER side's identity (slot-snap-type, slot-snap-id, slot-publisher-id with
 *       {@code $PLUG_PUBLISHER_ID}), on-classic, device scope; a slot rule mirrors it
 *       (plug-snap-type, plug-snap-id, plug-publisher-id with {@code $SLOT_PUBLISHER_ID});
 *   <li>the minimal check of a snap without declaration: only slot-snap-type and on-classic,
 *       ignoring alternatives that have neither.
 * </ul>
 * Keys a side does not look at are ignored, as snapd ignores them. Alternatives are tried in
 * order, the first match wins; a failure reports the first alternative's first failing key.
 */
final class ConstraintMatcher {
  // Compiled name regexps by source; the constraint language has few distinct ones.
  private static final Map<String, Optional<Pattern>> NAME_PATTERNS = new ConcurrentHashMap<>();

  private ConstraintMatcher() {}

  /**
   * Matches {@code value}, the allow or ({@code deny}) deny key of a rule on the check's own
   * side, for an installation.
   */
  static ConstraintMatch installation(InstallationCheck check, Constraints value, boolean deny) {
    if (check.getScope() == PolicyScope.MINIMAL) {
      return deny ? minimalDeny(check, value) : minimal(check, value);
    }
    return firstMatch(value, set -> installationFailure(check, set));
  }

  /**
   * Matches {@code value}, a key of a rule for {@code ruleSide}, for a connection or
   * auto-connection.
   */
  static ConstraintMatch pair(PairCheck check, Constraints value, Side ruleSide) {
    return firstMatch(value, set -> pairFailure(check, set, ruleSide));
  }

  /**
   * Whether a deny key matches in the minimal check: only alternatives with a snap-type or
   * on-classic constraint count, so an unconstrained {@code deny-installation: true} denies
   * nothing.
   */
  private static ConstraintMatch minimalDeny(InstallationCheck check, Constraints value) {
    ConstraintMatch m = minimal(check, value);
    if (m.isMatched() && m.getAlternative() == 0) {
      return ConstraintMatch.failed(() -> "no alternative constrains slot-snap-type or on-classic");
    }
    return m;
  }

  private static ConstraintMatch firstMatch(
      Constraints value, Function<ConstraintSet, Failure> failureOf) {
    List<ConstraintSet> alternatives = value.alternatives();
    if (alternatives.isEmpty()) {
      return ConstraintMatch.failed(() -> "never matches (false)");
    }
    Failure first = null;
    for (int i = 0; i < alternatives.size(); i++) {
      ConstraintSet set = alternatives.get(i);
      Failure failure = failureOf.apply(set);
      if (failure == null) {
        return ConstraintMatch.matched(i + 1, set);
      }
      if (first == null) {
        first = alternatives.size() == 1 ? failure : failure.after("alternative " + (i + 1) + ": ");
      }
    }
    return ConstraintMatch.failed(first);
  }

  // Alternatives without slot-snap-type and on-classic are skipped; when none is left the key
  // counts as matched (alternative 0), which for an allow key means allowed.
  private static ConstraintMatch minimal(InstallationCheck check, Constraints value) {
    Failure first = null;
    List<ConstraintSet> alternatives = value.alternatives();
    for (int i = 0; i < alternatives.size(); i++) {
      ConstraintSet set = alternatives.get(i);
      if (set.slotSnapTypes().isEmpty() && set.onClassic().isEmpty()) {
        continue;
      }
      Failure failure = snapType("slot-snap-type", check::getSnapType, set.slotSnapTypes());
      if (failure == null) {
        failure = onClassic(set.onClassic(), check.getDevice());
      }
      if (failure == null) {
        return ConstraintMatch.matched(i + 1, set);
      }
      if (first == null) {
        first = failure;
      }
    }
    return first == null
        ? ConstraintMatch.matched(0, ConstraintSet.any())
        : ConstraintMatch.failed(first);
  }

  // The two below are straight-line code rather than a walk over keys() with key(): they run
  // for every alternative of every candidate pair (346,484 pairs at N=1000), under C1, and the
  // walk costs a call and a dispatch per key. They check the keys of keys() in its order, with
  // the same leaf checks; DeclarationKeysTest checks that they and the key facts agree.
  private static Failure installationFailure(InstallationCheck check, ConstraintSet set) {
    boolean plug = check.getSide() == Side.PLUG;
    String prefix = plug ? "plug-" : "slot-";
    Failure failure = names(prefix + "names", plug ? set.plugNames() : set.slotNames(),
        check.getName(), check.getIface());
    if (failure == null) {
      Optional<AttributeConstraint> attrs = plug ? set.plugAttributes() : set.slotAttributes();
      failure = attributes(prefix + "attributes", attrs,
          path -> PairCheck.lookup(check.getAttributes(), Attributes.empty(), path), null);
    }
    if (failure == null) {
      failure = snapType(prefix + "snap-type", check::getSnapType,
          plug ? set.plugSnapTypes() : set.slotSnapTypes());
    }
    if (failure == null) {
      failure = ids(prefix + "snap-id", check.getSnapId(),
          plug ? set.plugSnapIds() : set.slotSnapIds(), null, "");
    }
    return deviceFailure(failure, set, check.getDevice());
  }

  private static Failure pairFailure(PairCheck check, ConstraintSet set, Side ruleSide) {
    Failure failure = names("plug-names", set.plugNames(), check.getPlugName(),
        check.getIface());
    if (failure == null) {
      failure = names("slot-names", set.slotNames(), check.getSlotName(), check.getIface());
    }
    AttributeContext context = new AttributeContext(check);
    if (failure == null) {
      failure = attributes("plug-attributes", set.plugAttributes(),
          path -> check.attribute(Side.PLUG, path), context);
    }
    if (failure == null) {
      failure = attributes("slot-attributes", set.slotAttributes(),
          path -> check.attribute(Side.SLOT, path), context);
    }
    if (ruleSide == Side.PLUG) {
      if (failure == null) {
        failure = snapType("slot-snap-type", check::getSlotSnapType, set.slotSnapTypes());
      }
      if (failure == null) {
        failure = ids("slot-snap-id", check.getSlotSnapId(), set.slotSnapIds(), null, "");
      }
      if (failure == null) {
        failure = ids("slot-publisher-id", check.getSlotPublisher(), set.slotPublisherIds(),
            "$PLUG_PUBLISHER_ID", check.getPlugPublisher());
      }
    } else {
      if (failure == null) {
        failure = snapType("plug-snap-type", check::getPlugSnapType, set.plugSnapTypes());
      }
      if (failure == null) {
        failure = ids("plug-snap-id", check.getPlugSnapId(), set.plugSnapIds(), null, "");
      }
      if (failure == null) {
        failure = ids("plug-publisher-id", check.getPlugPublisher(), set.plugPublisherIds(),
            "$SLOT_PUBLISHER_ID", check.getSlotPublisher());
      }
    }
    return deviceFailure(failure, set, check.getDevice());
  }

  private static Failure deviceFailure(Failure failure, ConstraintSet set, Device device) {
    if (failure == null) {
      failure = onClassic(set.onClassic(), device);
    }
    if (failure == null) {
      failure = scoped(set, device, set.onStore(), "on-store");
    }
    if (failure == null) {
      failure = scoped(set, device, set.onBrand(), "on-brand");
    }
    if (failure == null) {
      failure = scoped(set, device, set.onModel(), "on-model");
    }
    return failure;
  }

  // --- constraint keys -------------------------------------------------------------------------

  /** A constraint key of an alternative, spelled as in the declaration. */
  enum Key {
    PLUG_NAMES("plug-names"), SLOT_NAMES("slot-names"),
    PLUG_ATTRIBUTES("plug-attributes"), SLOT_ATTRIBUTES("slot-attributes"),
    PLUG_SNAP_TYPE("plug-snap-type"), SLOT_SNAP_TYPE("slot-snap-type"),
    PLUG_SNAP_ID("plug-snap-id"), SLOT_SNAP_ID("slot-snap-id"),
    PLUG_PUBLISHER_ID("plug-publisher-id"), SLOT_PUBLISHER_ID("slot-publisher-id"),
    ON_CLASSIC("on-classic"), ON_STORE("on-store"), ON_BRAND("on-brand"), ON_MODEL("on-model");

    private final String word;

    Key(String word) {
      this.word = word;
    }

    String word() {
      return word;
    }
  }

  // The keys each kind of check looks at, in the order snapd checks them (which failure a
  // message names first). A rule ignores the keys its side does not look at.
  private static final Key[] INSTALLATION_PLUG = {Key.PLUG_NAMES, Key.PLUG_ATTRIBUTES,
      Key.PLUG_SNAP_TYPE, Key.PLUG_SNAP_ID, Key.ON_CLASSIC, Key.ON_STORE, Key.ON_BRAND,
      Key.ON_MODEL};
  private static final Key[] INSTALLATION_SLOT = {Key.SLOT_NAMES, Key.SLOT_ATTRIBUTES,
      Key.SLOT_SNAP_TYPE, Key.SLOT_SNAP_ID, Key.ON_CLASSIC, Key.ON_STORE, Key.ON_BRAND,
      Key.ON_MODEL};
  private static final Key[] MINIMAL = {Key.SLOT_SNAP_TYPE, Key.ON_CLASSIC};
  private static final Key[] PAIR_PLUG_RULE = {Key.PLUG_NAMES, Key.SLOT_NAMES,
      Key.PLUG_ATTRIBUTES, Key.SLOT_ATTRIBUTES, Key.SLOT_SNAP_TYPE, Key.SLOT_SNAP_ID,
      Key.SLOT_PUBLISHER_ID, Key.ON_CLASSIC, Key.ON_STORE, Key.ON_BRAND, Key.ON_MODEL};
  private static final Key[] PAIR_SLOT_RULE = {Key.PLUG_NAMES, Key.SLOT_NAMES,
      Key.PLUG_ATTRIBUTES, Key.SLOT_ATTRIBUTES, Key.PLUG_SNAP_TYPE, Key.PLUG_SNAP_ID,
      Key.PLUG_PUBLISHER_ID, Key.ON_CLASSIC, Key.ON_STORE, Key.ON_BRAND, Key.ON_MODEL};

  /**
   * The keys {@code check} looks at, in order, for a rule of {@code ruleSide} (ignored for an
   * installation, which only looks at its own side).
   */
  static List<Key> keys(Check check, Side ruleSide) {
    if (check instanceof InstallationCheck installation) {
      if (installation.getScope() == PolicyScope.MINIMAL) {
        return List.of(MINIMAL);
      }
      return List.of(installation.getSide() == Side.PLUG ? INSTALLATION_PLUG : INSTALLATION_SLOT);
    }
    return List.of(ruleSide == Side.PLUG ? PAIR_PLUG_RULE : PAIR_SLOT_RULE);
  }

  /** Whether {@code set} constrains {@code key} at all. */
  static boolean constrains(ConstraintSet set, Key key) {
    return switch (key) {
      case PLUG_NAMES -> set.plugNames().isPresent();
      case SLOT_NAMES -> set.slotNames().isPresent();
      case PLUG_ATTRIBUTES -> set.plugAttributes().isPresent();
      case SLOT_ATTRIBUTES -> set.slotAttributes().isPresent();
      case PLUG_SNAP_TYPE -> set.plugSnapTypes().isPresent();
      case SLOT_SNAP_TYPE -> set.slotSnapTypes().isPresent();
      case PLUG_SNAP_ID -> set.plugSnapIds().isPresent();
      case SLOT_SNAP_ID -> set.slotSnapIds().isPresent();
      case PLUG_PUBLISHER_ID -> set.plugPublisherIds().isPresent();
      case SLOT_PUBLISHER_ID -> set.slotPublisherIds().isPresent();
      case ON_CLASSIC -> set.onClassic().isPresent();
      case ON_STORE -> set.onStore().isPresent();
      case ON_BRAND -> set.onBrand().isPresent();
      case ON_MODEL -> set.onModel().isPresent();
    };
  }

  /** Matches one key of {@code set} against {@code check}; null when it matches. */
  static Failure key(Check check, ConstraintSet set, Key key) {
    if (check instanceof InstallationCheck installation) {
      return installationKey(installation, set, key);
    }
    return pairKey((PairCheck) check, set, key, new AttributeContext((PairCheck) check));
  }

  // An installation sees its own side only: both sides' keys name the one endpoint.
  private static Failure installationKey(InstallationCheck check, ConstraintSet set, Key key) {
    return switch (key) {
      case PLUG_NAMES -> names(key.word(), set.plugNames(), check.getName(), check.getIface());
      case SLOT_NAMES -> names(key.word(), set.slotNames(), check.getName(), check.getIface());
      case PLUG_ATTRIBUTES -> attributes(key.word(), set.plugAttributes(),
          path -> PairCheck.lookup(check.getAttributes(), Attributes.empty(), path), null);
      case SLOT_ATTRIBUTES -> attributes(key.word(), set.slotAttributes(),
          path -> PairCheck.lookup(check.getAttributes(), Attributes.empty(), path), null);
      case PLUG_SNAP_TYPE -> snapType(key.word(), check::getSnapType, set.plugSnapTypes());
      case SLOT_SNAP_TYPE -> snapType(key.word(), check::getSnapType, set.slotSnapTypes());
      case PLUG_SNAP_ID -> ids(key.word(), check.getSnapId(), set.plugSnapIds(), null, "");
      case SLOT_SNAP_ID -> ids(key.word(), check.getSnapId(), set.slotSnapIds(), null, "");
      // An installation has no publisher constraint of its own.
      case PLUG_PUBLISHER_ID, SLOT_PUBLISHER_ID -> null;
      default -> deviceKey(set, key, check.getDevice());
    };
  }

  private static Failure pairKey(PairCheck check, ConstraintSet set, Key key,
      AttributeContext context) {
    return switch (key) {
      case PLUG_NAMES -> names(key.word(), set.plugNames(), check.getPlugName(),
          check.getIface());
      case SLOT_NAMES -> names(key.word(), set.slotNames(), check.getSlotName(),
          check.getIface());
      case PLUG_ATTRIBUTES -> attributes(key.word(), set.plugAttributes(),
          path -> check.attribute(Side.PLUG, path), context);
      case SLOT_ATTRIBUTES -> attributes(key.word(), set.slotAttributes(),
          path -> check.attribute(Side.SLOT, path), context);
      case PLUG_SNAP_TYPE -> snapType(key.word(), check::getPlugSnapType, set.plugSnapTypes());
      case SLOT_SNAP_TYPE -> snapType(key.word(), check::getSlotSnapType, set.slotSnapTypes());
      case PLUG_SNAP_ID -> ids(key.word(), check.getPlugSnapId(), set.plugSnapIds(), null, "");
      case SLOT_SNAP_ID -> ids(key.word(), check.getSlotSnapId(), set.slotSnapIds(), null, "");
      case PLUG_PUBLISHER_ID -> ids(key.word(), check.getPlugPublisher(),
          set.plugPublisherIds(), "$SLOT_PUBLISHER_ID", check.getSlotPublisher());
      case SLOT_PUBLISHER_ID -> ids(key.word(), check.getSlotPublisher(),
          set.slotPublisherIds(), "$PLUG_PUBLISHER_ID", check.getPlugPublisher());
      default -> deviceKey(set, key, check.getDevice());
    };
  }

  private static Failure deviceKey(ConstraintSet set, Key key, Device device) {
    return switch (key) {
      case ON_CLASSIC -> onClassic(set.onClassic(), device);
      case ON_STORE -> scoped(set, device, set.onStore(), "on-store");
      case ON_BRAND -> scoped(set, device, set.onBrand(), "on-brand");
      case ON_MODEL -> scoped(set, device, set.onModel(), "on-model");
      default -> throw new IllegalArgumentException("not a device key: " + key);
    };
  }

  // --- leaf checks; each returns null on a match, else why not (in words when asked) ----------

  static Failure names(String key, Optional<ImmutableList<String>> constraint, String name,
      String iface) {
    if (constraint.isEmpty()) {
      return null;
    }
    for (String entry : constraint.get()) {
      if (entry.startsWith("$")) {
        if (entry.equals("$INTERFACE") && !iface.isEmpty() && iface.equals(name)) {
          return null;
        }
      } else if (namePattern(entry).map(p -> p.matcher(name).find()).orElse(false)) {
        return null;
      }
    }
    return () -> key + ": \"" + name + "\" does not match " + listText(constraint.get());
  }

  // Name entries are Go regexps, anchored as snapd anchors them; the parser has validated them,
  // a bad one built by hand simply never matches.
  private static Optional<Pattern> namePattern(String source) {
    return NAME_PATTERNS.computeIfAbsent(source, s -> {
      try {
        return Optional.of(AttributeConstraint.Regex.compile(s).pattern());
      } catch (DeclarationException e) {
        return Optional.empty();
      }
    });
  }

  static Failure snapType(String key, Supplier<String> typeOf,
      Optional<ImmutableList<String>> constraint) {
    if (constraint.isEmpty() || constraint.get().isEmpty()) {
      return null;
    }
    String type = typeOf.get();
    if (constraint.get().contains(type)) {
      return null;
    }
    return () -> key + ": \"" + type + "\" is not one of " + listText(constraint.get());
  }

  /**
   * snapd's id check: an empty id never matches; {@code special} (if it appears) stands for
   * {@code specialValue}, and is skipped when that is empty; other {@code $} entries are skipped.
   */
  static Failure ids(String key, String id, Optional<ImmutableList<String>> constraint,
      String special, String specialValue) {
    if (constraint.isEmpty() || constraint.get().isEmpty()) {
      return null;
    }
    List<String> entries = constraint.get();
    if (!id.isEmpty()) {
      for (String entry : entries) {
        String expected = entry;
        if (entry.startsWith("$")) {
          expected = entry.equals(special) ? specialValue : "";
          if (expected.isEmpty()) {
            continue;
          }
        }
        if (id.equals(expected)) {
          return null;
        }
      }
    }
    return () -> {
      String actual = id.isEmpty() ? "(none)" : "\"" + id + "\"";
      if (entries.size() == 1) {
        String entry = entries.get(0);
        String expected = entry.equals(special)
            ? entry + " " + (specialValue.isEmpty() ? "(none)" : "\"" + specialValue + "\"")
            : "\"" + entry + "\"";
        return key + ": " + actual + " does not match " + expected;
      }
      return key + ": " + actual + " does not match any of " + listText(entries);
    };
  }

  static Failure onClassic(Optional<OnClassic> constraint, Device device) {
    if (constraint.isEmpty()) {
      return null;
    }
    OnClassic c = constraint.get();
    if (c.classic() != device.classic()) {
      return c.classic()
          ? () -> "on-classic: the rule needs a classic system, this is a core device"
          : () -> "on-classic: the rule needs a core device, this is a classic system";
    }
    if (c.classic() && !c.distros().isEmpty()
        && (device.distro().isEmpty() || !c.distros().contains(device.distro()))) {
      return () -> "on-classic: distribution \"" + device.distro() + "\" is not one of "
          + listText(c.distros());
    }
    return null;
  }

  // on-store, on-brand and on-model: a device without model matches none of them, and says so
  // once for the three (the first of them the alternative has reports it).
  private static Failure scoped(ConstraintSet set, Device device,
      Optional<ImmutableList<String>> constraint, String key) {
    if (constraint.isEmpty()) {
      return null;
    }
    if (device.brand().isEmpty() || device.model().isEmpty()) {
      return () -> "on-store/on-brand/on-model: the device has no model";
    }
    if (constraint.get().isEmpty()) {
      return null;
    }
    String brand = device.brand().get();
    String actual = switch (key) {
      case "on-store" -> device.store().orElse("");
      case "on-brand" -> brand;
      default -> brand + "/" + device.model().get();
    };
    if (constraint.get().contains(actual)) {
      return null;
    }
    String what = switch (key) {
      case "on-store" -> "store " + (actual.isEmpty() ? "(none)" : "\"" + actual + "\"");
      case "on-brand" -> "brand \"" + actual + "\"";
      default -> "model \"" + actual + "\"";
    };
    return () -> key + ": " + what + " is not one of " + listText(constraint.get());
  }

  private static Failure attributes(String key, Optional<AttributeConstraint> constraint,
      Function<String, Optional<Object>> lookup, AttributeContext context) {
    if (constraint.isEmpty()) {
      return null;
    }
    Failure failure = AttributeMatcher.matchRoot(constraint.get(), lookup, context);
    return failure == null ? null : failure.after(key + ": ");
  }

  static String listText(List<String> entries) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      String e = entries.get(i);
      b.append(e.startsWith("$") ? e : "\"" + e + "\"");
    }
    return b.append(']').toString();
  }

  /** The other side of a pair, for {@code $PLUG(path)} and {@code $SLOT(path)}. */
  static final class AttributeContext {
    private final PairCheck check;

    AttributeContext(PairCheck check) {
      this.check = check;
    }

    Optional<Object> attribute(Side side, String path) {
      return check.attribute(side, path);
    }
  }
}
