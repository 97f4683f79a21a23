package io.snapif.manager;

import java.util.Locale;

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
  /**
   * The interface itself: its own auto-connect check refused the pair (in snapd 2.57.6 only
   * {@code netlink-driver} has one: plug and slot must name the same {@code family-name}).
   */
  INTERFACE,
  /** A user's custom rule file. */
  CUSTOM_RULE,
  /** No rule applied: the default (allowed). */
  DEFAULT,
  /** The lifecycle: a remembered connection, an arity limit, a missing declaration. */
  LIFECYCLE;

  /** The layer as messages and JSON name it: {@code base-slot-rule}, {@code custom-rule}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
