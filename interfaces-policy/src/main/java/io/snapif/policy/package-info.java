/**
 * The Drools policy engine: {@link io.snapif.policy.DroolsPolicyEvaluator} implements
 * {@link io.snapif.spi.PolicyEvaluator} with the built-in rules ({@code io/snapif/policy/rules/}:
 * {@code declarations.drl}, {@code precedence.drl}, {@code installation.drl},
 * {@code connection.drl}, {@code auto-connection.drl}, {@code lifecycle.drl}) over the fact model of {@link io.snapif.policy.fact}, plus
 * optional custom rule files. Failures of custom rules surface as
 * {@link io.snapif.policy.RuleCompilationException} and
 * {@link io.snapif.policy.RuleExecutionException}.
 */
package io.snapif.policy;
