package io.snapif.policy.fact;

/**
 * How much of the policy a {@link Check} gets, fixed by what is known about the snaps involved
 * (as snapd's callers choose which check to run).
 */
public enum PolicyScope {
  /** Every layer and every constraint: the normal case. */
  FULL,
  /**
   * A slot of a snap installed without snap-declaration ({@code --dangerous}): only the base
   * declaration's slot rule, and of its installation constraints only {@code slot-snap-type} and
   * {@code on-classic} (alternatives with neither are ignored), as snapd's
   * {@code InstallCandidateMinimalCheck} does.
   */
  MINIMAL,
  /**
   * Not checked by the declarations: a plug of a snap installed without snap-declaration, and a
   * manual (or gadget) connection where either snap has none (snapd skips the connection policy
   * then). Custom rules may still deny it.
   */
  UNCHECKED
}
