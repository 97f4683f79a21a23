package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Arity;
import io.snapif.declaration.CheckKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The outcome of one policy check (installation of a snap, connection or auto-connection of a
 * plug and a slot) with its reasons. A denial is a decision, not an exception.
 *
 * <p>{@link #message()} is the short sentence snapd would print, e.g. {@code connection denied by
 * slot rule of interface "camera"}; {@link #reasons()} say which rule of which layer decided and
 * why, first reason first.
 *
 * <p>A policy may leave the words for later ({@link Builder#wording(Supplier)}): installing one
 * snap on a large system decides hundreds of thousands of candidate pairs whose explanations
 * nobody reads unless asked, so they are written on first read, once. Either way a decision is
 * an immutable value; equality compares every attribute, the words included.
 */
public final class Decision {
  private final CheckKind kind;
  private final boolean allowed;
  private final Optional<Arity> slotsPerPlug;
  private final Optional<Arity> plugsPerSlot;
  // Until the words are first read: what writes them; then null, and wording holds them.
  private Supplier<Wording> writer;
  private volatile Wording wording;

  private Decision(Builder b) {
    this.kind = Objects.requireNonNull(b.kind, "kind");
    this.allowed = b.allowed;
    this.slotsPerPlug = b.slotsPerPlug;
    this.plugsPerSlot = b.plugsPerSlot;
    if (b.writer != null) {
      this.writer = b.writer;
    } else {
      this.wording = new Wording(Objects.requireNonNull(b.subject, "subject"),
          Objects.requireNonNull(b.message, "message"), ImmutableList.copyOf(b.reasons));
    }
  }

  /**
   * What a decision says to people: the subject checked, the snapd-style sentence and the
   * reasons.
   */
  public record Wording(String subject, String message, List<Reason> reasons) {
    /** Checks the parts and copies {@code reasons} (unmodifiable). */
    public Wording {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(message, "message");
      reasons = ImmutableList.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
  }

  public CheckKind kind() {
    return kind;
  }

  public boolean allowed() {
    return allowed;
  }

  /** What was checked: {@code vlc}, {@code vlc:camera core:camera}. */
  public String subject() {
    return wording().subject();
  }

  /** The snapd-style sentence. */
  public String message() {
    return wording().message();
  }

  /** Why, rule by rule; an unmodifiable list. */
  public List<Reason> reasons() {
    return wording().reasons();
  }

  /** For an allowed auto-connection: the {@code slots-per-plug} of the allowing rule. */
  public Optional<Arity> slotsPerPlug() {
    return slotsPerPlug;
  }

  /** For an allowed auto-connection: the {@code plugs-per-slot} of the allowing rule. */
  public Optional<Arity> plugsPerSlot() {
    return plugsPerSlot;
  }

  private Wording wording() {
    Wording w = wording;
    if (w == null) {
      synchronized (this) {
        w = wording;
        if (w == null) {
          w = Objects.requireNonNull(writer.get(), "the decision's wording");
          wording = w;
          writer = null;
        }
      }
    }
    return w;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Decision d && kind == d.kind && allowed == d.allowed
        && slotsPerPlug.equals(d.slotsPerPlug) && plugsPerSlot.equals(d.plugsPerSlot)
        && wording().equals(d.wording());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, allowed, slotsPerPlug, plugsPerSlot, wording());
  }

  @Override
  public String toString() {
    return (allowed() ? "allowed: " : "denied: ") + subject() + " (" + message() + ")";
  }

  /**
   * Builds a {@link Decision}: kind and allowed, then either subject, message and reasons, or
   * {@link #wording(Supplier)} to write them on first read.
   */
  public static final class Builder {
    private CheckKind kind;
    private Boolean allowed;
    private String subject;
    private String message;
    private final List<Reason> reasons = new ArrayList<>();
    private Supplier<Wording> writer;
    private Optional<Arity> slotsPerPlug = Optional.empty();
    private Optional<Arity> plugsPerSlot = Optional.empty();

    private Builder() {}

    public Builder kind(CheckKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    public Builder allowed(boolean allowed) {
      this.allowed = allowed;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
      return this;
    }

    public Builder message(String message) {
      this.message = Objects.requireNonNull(message, "message");
      return this;
    }

    public Builder addReasons(Reason... reasons) {
      for (Reason r : reasons) {
        this.reasons.add(Objects.requireNonNull(r, "reason"));
      }
      return this;
    }

    public Builder addAllReasons(Iterable<? extends Reason> reasons) {
      reasons.forEach(this::addReasons);
      return this;
    }

    /** Replaces the reasons given so far. */
    public Builder reasons(Iterable<? extends Reason> reasons) {
      this.reasons.clear();
      return addAllReasons(reasons);
    }

    /**
     * Leaves subject, message and reasons to {@code writer}, called at most once, on first read
     * (from whichever thread reads first). It must not depend on mutable state.
     */
    public Builder wording(Supplier<Wording> writer) {
      this.writer = Objects.requireNonNull(writer, "writer");
      return this;
    }

    public Builder slotsPerPlug(Arity arity) {
      this.slotsPerPlug = Optional.of(arity);
      return this;
    }

    public Builder plugsPerSlot(Arity arity) {
      this.plugsPerSlot = Optional.of(arity);
      return this;
    }

    /**
     * @throws IllegalStateException if kind or allowed is missing, or if both words and a
     *     {@linkplain #wording(Supplier) writer} of words are given
     * @throws NullPointerException if subject or message is missing (and no writer is given)
     */
    public Decision build() {
      if (kind == null || allowed == null) {
        throw new IllegalStateException("a decision needs its kind and whether it is allowed");
      }
      if (writer != null && (subject != null || message != null || !reasons.isEmpty())) {
        throw new IllegalStateException(
            "a decision takes its words or a writer of its words, not both");
      }
      return new Decision(this);
    }
  }
}
