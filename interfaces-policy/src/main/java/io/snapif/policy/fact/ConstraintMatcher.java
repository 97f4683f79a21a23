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
      Constraints value, Function<ConstraintSet, Mismatch> failureOf) {
    List<ConstraintSet> alternatives = value.alternatives();
    if (alternatives.isEmpty()) {
      return ConstraintMatch.failed(() -> "never matches (false)");
    }
    Mismatch first = null;
    for (int i = 0; i < alternatives.size(); i++) {
      ConstraintSet set = alternatives.get(i);
      Mismatch failure = failureOf.apply(set);
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
    Mismatch first = null;
    List<ConstraintSet> alternatives = value.alternatives();
    for (int i = 0; i < alternatives.size(); i++) {
      ConstraintSet set = alternatives.get(i);
      if (set.slotSnapTypes().isEmpty() && set.onClassic().isEmpty()) {
        continue;
      }
      Mismatch failure = snapType("slot-snap-type", check::getSnapType, set.slotSnapTypes());
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

  private static Mismatch installationFailure(InstallationCheck check, ConstraintSet set) {
    boolean plug = check.getSide() == Side.PLUG;
    String prefix = plug ? "plug-" : "slot-";
    Mismatch failure = names(prefix + "names", plug ? set.plugNames() : set.slotNames(),
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

  private static Mismatch pairFailure(PairCheck check, ConstraintSet set, Side ruleSide) {
    Mismatch failure = names("plug-names", set.plugNames(), check.getPlugName(),
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

  private static Mismatch deviceFailure(Mismatch failure, ConstraintSet set, Device device) {
    if (failure == null) {
      failure = onClassic(set.onClassic(), device);
    }
    if (failure == null) {
      failure = deviceScope(set, device);
    }
    return failure;
  }

  // --- leaf checks; each returns null on a match, else why not (in words when asked) ----------

  static Mismatch names(String key, Optional<ImmutableList<String>> constraint, String name,
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

  static Mismatch snapType(String key, Supplier<String> typeOf,
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
  static Mismatch ids(String key, String id, Optional<ImmutableList<String>> constraint,
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

  static Mismatch onClassic(Optional<OnClassic> constraint, Device device) {
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

  static Mismatch deviceScope(ConstraintSet set, Device device) {
    boolean scoped = set.onStore().isPresent() || set.onBrand().isPresent()
        || set.onModel().isPresent();
    if (!scoped) {
      return null;
    }
    if (device.brand().isEmpty() || device.model().isEmpty()) {
      return () -> "on-store/on-brand/on-model: the device has no model";
    }
    String store = device.store().orElse("");
    if (set.onStore().isPresent() && !set.onStore().get().isEmpty()
        && !set.onStore().get().contains(store)) {
      return () -> "on-store: store " + (store.isEmpty() ? "(none)" : "\"" + store + "\"")
          + " is not one of " + listText(set.onStore().get());
    }
    String brand = device.brand().get();
    if (set.onBrand().isPresent() && !set.onBrand().get().isEmpty()
        && !set.onBrand().get().contains(brand)) {
      return () -> "on-brand: brand \"" + brand + "\" is not one of "
          + listText(set.onBrand().get());
    }
    String model = brand + "/" + device.model().get();
    if (set.onModel().isPresent() && !set.onModel().get().isEmpty()
        && !set.onModel().get().contains(model)) {
      return () -> "on-model: model \"" + model + "\" is not one of "
          + listText(set.onModel().get());
    }
    return null;
  }

  private static Mismatch attributes(String key, Optional<AttributeConstraint> constraint,
      Function<String, Optional<Object>> lookup, AttributeContext context) {
    if (constraint.isEmpty()) {
      return null;
    }
    Mismatch failure = AttributeMatcher.matchRoot(constraint.get(), lookup, context);
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
