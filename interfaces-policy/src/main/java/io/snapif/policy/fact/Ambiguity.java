package io.snapif.policy.fact;

import com.google.common.collect.ImmutableList;
import io.snapif.model.PlugRef;
import java.util.Collection;

/**
 * Derived by {@code auto-connection.drl}: a plug has several candidate slots and not every
 * allowing rule says {@code slots-per-plug: *}, so none of them is auto-connected (snapd logs
 * {@code cannot auto-connect plug ..., candidates found: ...}). Candidates already in state count.
 *
 * <p>Immutable, identity-equal.
 */
public final class Ambiguity {
  private final Endpoint endpoint;
  private final ImmutableList<Candidate> candidates;
  private final String rule;

  private Ambiguity(Endpoint endpoint, ImmutableList<Candidate> candidates, String rule) {
    this.endpoint = endpoint;
    this.candidates = candidates;
    this.rule = rule;
  }

  public static Ambiguity of(String rule, Endpoint endpoint, Collection<?> candidates) {
    ImmutableList.Builder<Candidate> list = ImmutableList.builder();
    for (Object c : candidates) {
      list.add((Candidate) c);
    }
    return new Ambiguity(endpoint, list.build(), rule);
  }

  public Endpoint getEndpoint() {
    return endpoint;
  }

  public PlugRef getPlugRef() {
    return endpoint.getPlugRef();
  }

  /** The candidates, in no particular order. */
  public ImmutableList<Candidate> getCandidates() {
    return candidates;
  }

  public String getRule() {
    return rule;
  }

  @Override
  public String toString() {
    return "ambiguity of " + endpoint.getPlugRef() + ": " + candidates;
  }
}
