/**
 * The fact model of the policy rules: what built-in and custom DRL rules see.
 *
 * <p>A decision session starts from {@link io.snapif.policy.fact.Check}s: an
 * {@link io.snapif.policy.fact.InstallationCheck} per plug and slot of a snap being installed, a
 * {@link io.snapif.policy.fact.PairCheck} per plug and slot that may be connected or
 * auto-connected. Each check knows its {@link io.snapif.policy.fact.DecidingRule} (first layer
 * with a rule: plug snap's declaration, slot snap's declaration, base plug rule, base slot rule).
 * The built-in rules ({@code io/snapif/policy/rules/*.drl}) derive, with {@code insertLogical}:
 * <ol>
 *   <li>{@code declarations.drl}, for every kind of check: a
 *       {@link io.snapif.policy.fact.Verdict} (deny matching denies, else allow must match);
 *   <li>{@code precedence.drl}: which verdicts are {@link io.snapif.policy.fact.Overridden} by
 *       stronger ones (custom, interface); the others count;
 *   <li>{@code auto-connection.drl}: {@link io.snapif.policy.fact.Candidate}s, arity
 *       ({@link io.snapif.policy.fact.PlannedConnection}, {@link io.snapif.policy.fact.Ambiguity})
 *       and state ({@link io.snapif.policy.fact.NewConnection},
 *       {@link io.snapif.policy.fact.AlreadyInState}) over
 *       {@link io.snapif.policy.fact.Endpoint}s and {@link io.snapif.policy.fact.StateEntry}s.
 * </ol>
 *
 * <p>Every session also holds the {@link io.snapif.policy.fact.Operation} it decides for
 * (committed, simulated or explained) and, when custom rules are loaded, the {@link
 * io.snapif.policy.fact.ExistingConnection}s in effect of the snaps and slots it touches, which
 * custom rules may count.
 *
 * <p>Custom rule files (own package, importing this one) match these facts and insert
 * {@link io.snapif.policy.fact.Verdict#allow} / {@link io.snapif.policy.fact.Verdict#allowAll} /
 * {@link io.snapif.policy.fact.Verdict#deny}. Facts
 * are immutable; custom rules must not modify or retract the built-in ones.
 */
package io.snapif.policy.fact;
