package io.snapif.manager;

import io.snapif.model.Connection;
import io.snapif.model.PlugRef;
import io.snapif.model.SlotRef;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of a connections listing ({@code snapif connections}): a connection in effect (plug,
 * slot and its state entry), or a plug without connection (no slot), or a slot without
 * connection (no plug).
 */
@Value.Immutable
public abstract class ConnectionRow {
  public abstract String iface();

  public abstract Optional<PlugRef> plug();

  public abstract Optional<SlotRef> slot();

  /** The state entry of a connection in effect; empty for an unconnected plug or slot. */
  public abstract Optional<Connection> connection();

  public static ImmutableConnectionRow.Builder builder() {
    return ImmutableConnectionRow.builder();
  }
}
