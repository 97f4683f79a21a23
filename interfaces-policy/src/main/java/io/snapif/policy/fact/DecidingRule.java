package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Constraints;
import io.snapif.declaration.Rule;
import io.snapif.declaration.Side;
import io.snapif.manager.DecisionLayer;
import java.util.Optional;

/**
 * Derived by {@code precedence.drl}: the layer whose rule decides a {@link Check} (the first of
 * the check's layers that has a rule for its interface), or {@link DecisionLayer#DEFAULT} when
 * none has one. The area files ({@code installation.drl}, {@code connection.drl},
 * {@code auto-connection.drl}) turn it into a {@link Verdict}: deny key matching means denied,
 * else the allow key must match.
 *
 * <p>{@link #getDeny()} and {@link #getAllow()} match the rule's keys for the check's kind against
 * the check (computed once, on first use); for DEFAULT the deny key never matches and the allow
 * key always does.
 *
 * <p>Identity-equal; not thread-safe (a fact lives in one session).
 */
public final class DecidingRule {
  private final Check check;
  private final DecisionLayer layer;
  private final Optional<Rule> rule;
  private ConstraintMatch deny;
  private ConstraintMatch allow;

  private DecidingRule(Check check, DecisionLayer layer) {
    this.check = check;
    this.layer = layer;
    this.rule = check.rule(layer);
    if (layer != DecisionLayer.DEFAULT && rule.isEmpty()) {
      throw new IllegalArgumentException(layer + " has no rule for " + check);
    }
  }

  /**
   * The deciding rule of {@code check} at {@code layer}.
   *
   * @throws IllegalArgumentException if the layer has no rule for the check (and is not DEFAULT)
   */
  public static DecidingRule of(Check check, DecisionLayer layer) {
    return new DecidingRule(check, layer);
  }

  /** No layer has a rule: the default applies. */
  public static DecidingRule byDefault(Check check) {
    return new DecidingRule(check, DecisionLayer.DEFAULT);
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

  /** The rule that decides; empty for DEFAULT. */
  public Optional<Rule> rule() {
    return rule;
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
          .orElseGet(() -> ConstraintMatch.failed("no rule"));
    }
    return deny;
  }

  /** How the rule's {@code allow-<kind>} key matched the check. */
  public ConstraintMatch getAllow() {
    if (allow == null) {
      allow = rule.map(r -> match(r.allow(check.getKind()), false))
          .orElseGet(() -> ConstraintMatch.matched(0, io.snapif.declaration.ConstraintSet.any()));
    }
    return allow;
  }

  private ConstraintMatch match(Constraints value, boolean denyKey) {
    if (check instanceof InstallationCheck installation) {
      return ConstraintMatcher.installation(installation, value, denyKey);
    }
    return ConstraintMatcher.pair((PairCheck) check, value, isPlugRule() ? Side.PLUG : Side.SLOT);
  }

  /**
   * How messages name the rule: {@code plug rule of interface "camera"}, for an installation
   * {@code "cam" plug rule of interface "camera"}, plus {@code for "vlc" snap} for a
   * snap-declaration rule; empty for DEFAULT.
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
