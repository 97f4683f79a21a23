package io.snapif.policy.fact;

import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Rule;
import io.snapif.manager.DecisionLayer;
import io.snapif.model.Device;
import java.util.Optional;

/**
 * One question put to policy: may this plug or slot be installed ({@link InstallationCheck}), may
 * this plug and slot be connected or auto-connected ({@link PairCheck}). Every decision session
 * starts from these facts; the built-in rules turn the check's {@link DecidingRule} into a
 * {@link Verdict} and weigh it against custom and interface verdicts ({@link Overridden}).
 *
 * <p>A check carries, per {@link DecisionLayer}, the declaration rule that layer has for the
 * check's interface ({@link #hasRule}, {@link #rule}); the first of them decides
 * ({@link #getDecidingRule()}). The device properties ({@link #isClassic()},
 * {@link #getBrand()}, ...) are there so custom rules can scope a verdict to a kind of device.
 *
 * <p>Immutable but for the deciding rule, worked out on first use; identity-equal (two checks are
 * the same fact only if they are the same object). Not thread-safe: a check lives in one session.
 */
public abstract class Check {
  private final Device device;
  private final int order;
  private DecidingRule decidingRule;

  Check(Device device, int order) {
    this.device = device;
    this.order = order;
  }

  /** Installation, connection or auto-connection. */
  public abstract CheckKind getKind();

  /** The interface of the plug or slot ({@code iface} in DRL: {@code interface} is a keyword). */
  public abstract String getIface();

  /** What is checked, for messages: a snap name, or a connection id. */
  public abstract String getSubject();

  /** How much of the policy applies. */
  public abstract PolicyScope getScope();

  /** Whether {@code layer} has a rule for this check (always false for the other side's layers). */
  public final boolean hasRule(DecisionLayer layer) {
    return rule(layer).isPresent();
  }

  /** The rule {@code layer} has for this check, if any. */
  public abstract Optional<Rule> rule(DecisionLayer layer);

  /** The rule that decides this check at the declaration level. */
  public final DecidingRule getDecidingRule() {
    if (decidingRule == null) {
      decidingRule = DecidingRule.of(this);
    }
    return decidingRule;
  }

  /** The device the decision is for. */
  public final Device getDevice() {
    return device;
  }

  /** Whether the device is a classic system (not Ubuntu Core). */
  public final boolean isClassic() {
    return device.classic();
  }

  /** The os-release id of the system ({@code ubuntu}, ...). */
  public final String getDistro() {
    return device.distro();
  }

  /** The model's brand id; empty if the device has no model. */
  public final String getBrand() {
    return device.brand().orElse("");
  }

  /** The model name; empty if the device has no model. */
  public final String getModel() {
    return device.model().orElse("");
  }

  /** The model's store id; empty if none. */
  public final String getStore() {
    return device.store().orElse("");
  }

  /** Position among the checks of one decision (slots before plugs for an installation). */
  public final int getOrder() {
    return order;
  }

  /** The snap-declaration snap name used in messages ({@code for "vlc" snap}). */
  abstract String declarationSnapName(DecisionLayer layer);

  @Override
  public String toString() {
    return getKind().word() + " of " + getSubject();
  }
}
