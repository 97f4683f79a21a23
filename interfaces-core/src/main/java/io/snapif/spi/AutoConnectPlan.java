package io.snapif.spi;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.Reason;
import io.snapif.model.ConnectionId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The auto-connect outcome for one snap: per plug and slot of it, the candidates with their
 * decisions, what is to be connected and why.
 */
@Value.Immutable
public abstract class AutoConnectPlan {
  /** The outcome for one endpoint of the snap. */
  public enum Outcome {
    /** One or more connections are to be made. */
    CONNECT,
    /** Several candidates were allowed but the rules did not allow connecting them all. */
    AMBIGUOUS,
    /** No candidate was allowed (or there was none). */
    NONE,
    /** Allowed candidates exist, but all are already in state (established or undesired). */
    ALREADY_PRESENT
  }

  /** The plan for one plug or slot of the snap. */
  @Value.Immutable
  public abstract static class EndpointPlan {
    public abstract Side side();

    public abstract String name();

    public abstract String iface();

    public abstract Outcome outcome();

    /** Every candidate pair with its auto-connection decision, in candidate order. */
    public abstract ImmutableList<Decision> candidates();

    /** The connections to make. */
    public abstract ImmutableList<ConnectionId> connect();

    public abstract ImmutableList<Reason> reasons();

    public static ImmutableEndpointPlan.Builder builder() {
      return ImmutableEndpointPlan.builder();
    }
  }

  public abstract ImmutableList<EndpointPlan> endpoints();

  /** Every connection to make, once each, in endpoint order. */
  public final ImmutableList<ConnectionId> connections() {
    Set<ConnectionId> out = new LinkedHashSet<>();
    endpoints().forEach(e -> out.addAll(e.connect()));
    return ImmutableList.copyOf(out);
  }

  public static ImmutableAutoConnectPlan.Builder builder() {
    return ImmutableAutoConnectPlan.builder();
  }
}
