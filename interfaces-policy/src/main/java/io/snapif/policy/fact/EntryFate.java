package io.snapif.policy.fact;

import io.snapif.spi.EntryPlan;
import java.util.Objects;

/**
 * What becomes of a {@link TouchedEntry}, as a rule concludes it. The built-in rules of {@code
 * lifecycle.drl} give every touched entry one fate; a site rule's fate ({@link #custom})
 * overrides them. The fates that count for an entry must agree.
 *
 * <p>Immutable, identity-equal.
 */
public final class EntryFate {
  private final String rule;
  private final TouchedEntry entry;
  private final EntryPlan.Fate fate;
  private final String detail;
  private final boolean custom;

  private EntryFate(String rule, TouchedEntry entry, EntryPlan.Fate fate, String detail,
      boolean custom) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.entry = Objects.requireNonNull(entry, "entry");
    this.fate = Objects.requireNonNull(fate, "fate");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.custom = custom;
  }

  /** A built-in rule's conclusion. */
  public static EntryFate decided(String rule, TouchedEntry entry, EntryPlan.Fate fate) {
    return new EntryFate(rule, entry, fate, "", false);
  }

  /** A site rule's conclusion, which overrides the built-in ones; {@code detail} says why. */
  public static EntryFate custom(String rule, TouchedEntry entry, EntryPlan.Fate fate,
      String detail) {
    return new EntryFate(rule, entry, fate, detail, true);
  }

  public String getRule() {
    return rule;
  }

  public TouchedEntry getEntry() {
    return entry;
  }

  public EntryPlan.Fate getFate() {
    return fate;
  }

  public String getDetail() {
    return detail;
  }

  public boolean isCustom() {
    return custom;
  }

  @Override
  public String toString() {
    return entry.getId() + ": " + fate + " by \"" + rule + "\"";
  }
}
