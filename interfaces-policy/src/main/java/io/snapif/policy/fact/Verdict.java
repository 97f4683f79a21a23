package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;
import io.snapif.manager.DecisionLayer;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One rule's answer to a {@link Check}: allowed or not, by which rule, with a snapd-style
 * message and a detail for people. Several verdicts may exist for one check (the declarations'
 * and custom ones); {@code precedence.drl} marks those that do not count ({@link Overridden}):
 * <ol>
 *   <li>a {@link Source#CUSTOM} deny always wins;
 *   <li>else a {@link Source#INTERFACE} refusal (the interface's own auto-connect check);
 *   <li>else a {@link Source#CUSTOM} allow, which can grant what the declarations deny;
 *   <li>else the {@link Source#DECLARATION} verdict.
 * </ol>
 *
 * <p>Custom rules add verdicts with {@link #allow}, {@link #allowAll} and {@link #deny}:
 * <pre>{@code
 * rule "site: no camera for acme snaps"
 * when
 *   $c : PairCheck(iface == "camera", plugPublisher == "acme")
 * then
 *   insert(Verdict.deny(drools.getRule().getName(), $c, "acme snaps may not use the camera"));
 * end
 * }</pre>
 *
 * <p>Immutable, identity-equal. The built-in rules' verdicts put their message and detail into
 * words when first asked: most are about candidate pairs nobody asks about.
 */
public final class Verdict {
  /** Where a verdict comes from, which sets its precedence. */
  public enum Source {
    /** The built-in rules applying the base declaration and snap-declarations. */
    DECLARATION,
    /** The interface's own auto-connect check. */
    INTERFACE,
    /** A user's rule file. */
    CUSTOM
  }

  private final Check check;
  private final boolean allowed;
  private final Source source;
  private final String rule;
  private final DecisionLayer layer;
  private final Supplier<String> message;
  private final Supplier<String> detail;
  private final boolean slotsPerPlugAny;

  private Verdict(Check check, boolean allowed, Source source, String rule, DecisionLayer layer,
      Supplier<String> message, Supplier<String> detail, boolean slotsPerPlugAny) {
    this.check = Objects.requireNonNull(check, "check");
    this.allowed = allowed;
    this.source = source;
    this.rule = Objects.requireNonNull(rule, "rule");
    this.layer = layer;
    this.message = message;
    this.detail = Objects.requireNonNull(detail, "detail");
    this.slotsPerPlugAny = slotsPerPlugAny;
  }

  // --- custom rules -----------------------------------------------------------------------------

  /**
   * A custom rule allows {@code check}; it overrides a denial by the declarations but not a
   * custom deny nor the interface's refusal. An allowed auto-connection counts as
   * {@code slots-per-plug: 1}: the plug connects only if this is its single candidate (see
   * {@link #allowAll}).
   *
   * @param rule the rule's name, {@code drools.getRule().getName()} in a consequence
   */
  public static Verdict allow(String rule, Check check, String detail) {
    return custom(rule, check, true, detail, false);
  }

  /**
   * A custom rule allows an auto-connection with {@code slots-per-plug: *}: like {@link #allow},
   * but the plug connects to all its candidate slots when every verdict that allows one of them
   * says {@code *} too (snapd's arity rule); otherwise the plug is ambiguous and connects none.
   *
   * @param rule the rule's name, {@code drools.getRule().getName()} in a consequence
   * @throws IllegalArgumentException if {@code check} is not an auto-connection check
   */
  public static Verdict allowAll(String rule, Check check, String detail) {
    if (check.getKind() != CheckKind.AUTO_CONNECTION) {
      throw new IllegalArgumentException("custom rule \"" + rule + "\": allowAll is for "
          + "auto-connection checks (slots-per-plug), not for " + check.getKind().word()
          + " of " + check.getSubject());
    }
    return custom(rule, check, true, detail, true);
  }

  /**
   * A custom rule denies {@code check}; this wins over every other verdict.
   *
   * @param rule the rule's name, {@code drools.getRule().getName()} in a consequence
   */
  public static Verdict deny(String rule, Check check, String detail) {
    return custom(rule, check, false, detail, false);
  }

  private static Verdict custom(String rule, Check check, boolean allowed, String detail,
      boolean slotsPerPlugAny) {
    Objects.requireNonNull(detail, "detail");
    return new Verdict(check, allowed, Source.CUSTOM, rule, DecisionLayer.CUSTOM_RULE,
        () -> check.getKind().word() + (allowed ? " allowed" : " denied")
            + " by custom rule \"" + rule + "\"",
        () -> detail, slotsPerPlugAny);
  }

  // --- built-in rules ---------------------------------------------------------------------------

  /** The deciding rule's deny key matched. */
  public static Verdict denied(String rule, DecidingRule deciding) {
    CheckKind kind = deciding.getKind();
    ConstraintMatch deny = deciding.getDeny();
    return new Verdict(deciding.getCheck(), false, Source.DECLARATION, rule, deciding.getLayer(),
        () -> kind.word() + " denied by " + deciding.describe(),
        () -> kind.denyKey() + " of " + deciding.source() + " matches" + alternative(deny), false);
  }

  /** The deciding rule's allow key did not match. */
  public static Verdict notAllowed(String rule, DecidingRule deciding) {
    CheckKind kind = deciding.getKind();
    ConstraintMatch allow = deciding.getAllow();
    return new Verdict(deciding.getCheck(), false, Source.DECLARATION, rule, deciding.getLayer(),
        () -> kind.word() + " not allowed by " + deciding.describe(),
        () -> kind.allowKey() + " of " + deciding.source() + " does not match: "
            + allow.getFailure(), false);
  }

  /** The deciding rule's deny key did not match and its allow key did (or no rule decides). */
  public static Verdict allowedBy(String rule, DecidingRule deciding) {
    Check check = deciding.getCheck();
    CheckKind kind = check.getKind();
    if (deciding.getLayer() == DecisionLayer.DEFAULT) {
      return new Verdict(check, true, Source.DECLARATION, rule, DecisionLayer.DEFAULT,
          () -> kind.word() + " allowed: no rule for interface \"" + check.getIface() + "\"",
          () -> "neither declaration has a plug or slot rule for \"" + check.getIface() + "\"",
          false);
    }
    ConstraintMatch allow = deciding.getAllow();
    Supplier<String> detail = () -> {
      boolean explicit = deciding.rule().map(r -> r.allowKeys().containsKey(kind)).orElse(false);
      return explicit
          ? kind.allowKey() + " of " + deciding.source() + " matches" + alternative(allow)
          : kind.denyKey() + " of " + deciding.source() + " does not match and "
              + kind.allowKey() + " is not given (true)";
    };
    return new Verdict(check, true, Source.DECLARATION, rule, deciding.getLayer(),
        () -> kind.word() + " allowed by " + deciding.describe(), detail,
        kind == CheckKind.AUTO_CONNECTION && allow.isSlotsPerPlugAny());
  }

  /** The declarations do not apply to the check (see {@link PolicyScope#UNCHECKED}). */
  public static Verdict unchecked(String rule, Check check, String detail) {
    Objects.requireNonNull(detail, "detail");
    return new Verdict(check, true, Source.DECLARATION, rule, DecisionLayer.LIFECYCLE,
        () -> check.getKind().word() + " not checked: " + detail, () -> detail, false);
  }

  /** The interface's own auto-connect check refuses the pair. */
  public static Verdict refusedByInterface(String rule, Check check, String detail) {
    Objects.requireNonNull(detail, "detail");
    return new Verdict(check, false, Source.INTERFACE, rule, DecisionLayer.INTERFACE,
        () -> check.getKind().word() + " refused by interface \"" + check.getIface() + "\"",
        () -> detail, false);
  }

  private static String alternative(ConstraintMatch match) {
    return match.getAlternative() > 1 ? " (alternative " + match.getAlternative() + ")" : "";
  }

  // --- properties -------------------------------------------------------------------------------

  public Check getCheck() {
    return check;
  }

  public CheckKind getKind() {
    return check.getKind();
  }

  public boolean isAllowed() {
    return allowed;
  }

  public Source getSource() {
    return source;
  }

  /** Whether a custom rule gave it. */
  public boolean isCustom() {
    return source == Source.CUSTOM;
  }

  /** The name of the rule that gave it. */
  public String getRule() {
    return rule;
  }

  public DecisionLayer getLayer() {
    return layer;
  }

  /**
   * The sentence snapd would print, e.g. {@code connection denied by slot rule of interface
   * "camera"}.
   */
  public String getMessage() {
    return message.get();
  }

  /** Why, for people: which key matched, or the first constraint that failed. */
  public String getDetail() {
    return detail.get();
  }

  /**
   * For an allowed auto-connection: whether the allowing rule says {@code slots-per-plug: *}
   * (any number of slots), or a custom rule gave it with {@link #allowAll}; otherwise a plug
   * auto-connects only to a single candidate.
   */
  public boolean isSlotsPerPlugAny() {
    return slotsPerPlugAny;
  }

  @Override
  public String toString() {
    return getMessage() + " [" + rule + "]";
  }
}
