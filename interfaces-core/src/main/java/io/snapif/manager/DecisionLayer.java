package io.snapif.manager;

/** Which layer of policy made a decision. */
public enum DecisionLayer {
  /** The plug snap's own snap-declaration. */
  PLUG_SNAP_DECLARATION,
  /** The slot snap's own snap-declaration. */
  SLOT_SNAP_DECLARATION,
  /** The base declaration's plug rule. */
  BASE_PLUG_RULE,
  /** The base declaration's slot rule. */
  BASE_SLOT_RULE,
  /** A user's custom rule file. */
  CUSTOM_RULE,
  /** No rule applied: the default (allowed). */
  DEFAULT,
  /** The lifecycle: a remembered connection, an arity limit, a missing declaration. */
  LIFECYCLE
}
