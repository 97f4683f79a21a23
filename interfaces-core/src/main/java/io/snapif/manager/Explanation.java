package io.snapif.manager;

import io.snapif.declaration.Side;
import io.snapif.model.Connection;
import io.snapif.spi.AutoConnectPlan;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything known about one plug or slot: its state entries, and what policy says about it
 * now, i.e. what auto-connect would decide for it if its snap were installed or refreshed
 * unchanged, and the manual-connection decision against every endpoint of the same interface.
 */
@Value.Immutable
public abstract class Explanation {
  public abstract Side side();

  public abstract String snap();

  public abstract String name();

  public abstract String iface();

  /** Its connection state entries, in effect and remembered. */
  public abstract List<Connection> entries();

  /** Those of {@link #entries()} that are remembered, with why. */
  public abstract List<RememberedConnection> remembered();

  /** The auto-connect plan for this endpoint, when the policy evaluator gave one. */
  public abstract Optional<AutoConnectPlan.EndpointPlan> autoConnect();

  /** The manual-connection decision against each same-interface endpoint on installed snaps. */
  public abstract List<Decision> connectDecisions();

  public static ImmutableExplanation.Builder builder() {
    return ImmutableExplanation.builder();
  }
}
