package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.ConstraintSet;
import io.snapif.declaration.Constraints;
import io.snapif.declaration.Rule;
import io.snapif.declaration.Side;
import io.snapif.manager.DecisionLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule that decides a {@link Check} at the declaration level: the first of the check's
 * layers that has a rule for its interface, in snapd's order (plug snap's declaration, slot
 * snap's declaration, base declaration plug rule, base declaration slot rule; an installation
 * check has only its own side's two), {@link DecisionLayer#DEFAULT} when none has one, and
 * {@link DecisionLayer#LIFECYCLE} when the declarations do not apply to the check at all
 * ({@link PolicyScope#UNCHECKED}). Rules are not merged: the deciding rule alone counts.
 *
 * <p>A property of the check ({@link Check#getDecidingRule()}), not a fact of its own: which
 * layer decides is a lookup, and one fact less per pair halves the work of the sessions that
 * weigh hundreds of thousands of pairs. {@code declarations.drl} turns it into a {@link Verdict}
 * for every kind of check: deny key matching means denied, else the allow key must match.
 *
 * <p>{@link #getDeny()} and {@link #getAllow()} match the rule's keys for the check's kind against
 * the check (computed once, on first use); for DEFAULT the deny key never matches and the allow
 * key always does.
 *
 * <p>Not thread-safe (it belongs to a check, which lives in one session).
 */
public final class DecidingRule {
  private final Check check;
  private final DecisionLayer layer;
  private final Optional<Rule> rule;
  private ConstraintMatch deny;
  private ConstraintMatch allow;
  private List<Alternative> alternatives;

  // The layers a check may have, in the order snapd consults them.
  private static final DecisionLayer[] LAYERS = {DecisionLayer.PLUG_SNAP_DECLARATION,
      DecisionLayer.SLOT_SNAP_DECLARATION, DecisionLayer.BASE_PLUG_RULE,
      DecisionLayer.BASE_SLOT_RULE};

  private DecidingRule(Check check, DecisionLayer layer, Optional<Rule> rule) {
    this.check = check;
    this.layer = layer;
    this.rule = rule;
  }

  /** The deciding rule of {@code check}; use {@link Check#getDecidingRule()}, which keeps it. */
  static DecidingRule of(Check check) {
    if (check.getScope() == PolicyScope.UNCHECKED) {
      return new DecidingRule(check, DecisionLayer.LIFECYCLE, Optional.empty());
    }
    for (DecisionLayer layer : LAYERS) {
      Optional<Rule> rule = check.rule(layer);
      if (rule.isPresent()) {
        return new DecidingRule(check, layer, rule);
      }
    }
    return new DecidingRule(check, DecisionLayer.DEFAULT, Optional.empty());
  }

  public Check getCheck() {
    return check;
  }

  public CheckKind getKind() {
    return check.getKind();
  }

  public DecisionLayer getLayer() {
    return layer;
  }

  /** The rule that decides; empty for DEFAULT and LIFECYCLE. */
  public Optional<Rule> rule() {
    return rule;
  }

  /** Whether a declaration's rule decides (neither DEFAULT nor LIFECYCLE). */
  public boolean isDeclared() {
    return rule.isPresent();
  }

  /** Whether a plug rule decides (a snap's or the base declaration's). */
  public boolean isPlugRule() {
    return layer == DecisionLayer.PLUG_SNAP_DECLARATION || layer == DecisionLayer.BASE_PLUG_RULE;
  }

  /** Whether a slot rule decides (a snap's or the base declaration's). */
  public boolean isSlotRule() {
    return layer == DecisionLayer.SLOT_SNAP_DECLARATION || layer == DecisionLayer.BASE_SLOT_RULE;
  }

  /** Whether the rule comes from a snap-declaration (not the base declaration). */
  public boolean isSnapDeclaration() {
    return layer == DecisionLayer.PLUG_SNAP_DECLARATION
        || layer == DecisionLayer.SLOT_SNAP_DECLARATION;
  }

  /** How the rule's {@code deny-<kind>} key matched the check. */
  public ConstraintMatch getDeny() {
    if (deny == null) {
      deny = rule.map(r -> match(r.deny(check.getKind()), true))
          .orElseGet(() -> ConstraintMatch.failed(() -> "no rule"));
    }
    return deny;
  }

  /** How the rule's {@code allow-<kind>} key matched the check. */
  public ConstraintMatch getAllow() {
    if (allow == null) {
      allow = rule.map(r -> match(r.allow(check.getKind()), false))
          .orElseGet(() -> ConstraintMatch.matched(0, ConstraintSet.any()));
    }
    return allow;
  }

  private ConstraintMatch match(Constraints value, boolean denyKey) {
    if (check instanceof InstallationCheck installation) {
      return ConstraintMatcher.installation(installation, value, denyKey);
    }
    return ConstraintMatcher.pair((PairCheck) check, value, ruleSide());
  }

  /** The side whose rule decides (for an installation: the check's own side). */
  Side ruleSide() {
    return isPlugRule() ? Side.PLUG : Side.SLOT;
  }

  /**
   * The alternatives of the rule's {@code deny-<kind>} key, then those of its
   * {@code allow-<kind>} key, for {@code declaration-keys.drl}; empty for DEFAULT and
   * LIFECYCLE. The minimal check of a snap without snap-declaration leaves out the alternatives
   * that constrain neither {@code slot-snap-type} nor {@code on-classic}, as it ignores them.
   */
  public List<Alternative> getAlternatives() {
    if (alternatives == null) {
      List<Alternative> list = new ArrayList<>();
      rule.ifPresent(r -> {
        add(list, true, r.deny(check.getKind()));
        add(list, false, r.allow(check.getKind()));
      });
      alternatives = List.copyOf(list);
    }
    return alternatives;
  }

  private void add(List<Alternative> list, boolean deny, Constraints value) {
    List<ConstraintSet> sets = value.alternatives();
    for (int i = 0; i < sets.size(); i++) {
      ConstraintSet set = sets.get(i);
      if (check.getScope() == PolicyScope.MINIMAL && set.slotSnapTypes().isEmpty()
          && set.onClassic().isEmpty()) {
        continue;
      }
      list.add(new Alternative(this, deny, i + 1, set));
    }
  }

  /**
   * How messages name the rule: {@code plug rule of interface "camera"}, for an installation
   * {@code "cam" plug rule of interface "camera"}, plus {@code for "vlc" snap} for a
   * snap-declaration rule; empty for DEFAULT and LIFECYCLE.
   */
  public String describe() {
    if (rule.isEmpty()) {
      return "";
    }
    Rule r = rule.get();
    StringBuilder b = new StringBuilder();
    if (check instanceof InstallationCheck installation) {
      b.append('"').append(installation.getName()).append("\" ");
    }
    b.append(r.side().word()).append(" rule of interface \"").append(check.getIface())
        .append('"');
    if (isSnapDeclaration()) {
      b.append(" for \"").append(check.declarationSnapName(layer)).append("\" snap");
    }
    return b.toString();
  }

  /** Which declaration the rule is in, for people: {@code the base declaration}. */
  public String source() {
    return switch (layer) {
      case PLUG_SNAP_DECLARATION, SLOT_SNAP_DECLARATION ->
          "the snap-declaration of \"" + check.declarationSnapName(layer) + "\"";
      case BASE_PLUG_RULE, BASE_SLOT_RULE -> "the base declaration";
      default -> "no declaration";
    };
  }

  @Override
  public String toString() {
    return layer + " decides " + check;
  }
}
