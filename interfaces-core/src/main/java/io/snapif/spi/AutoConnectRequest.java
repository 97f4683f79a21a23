package io.snapif.spi;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import org.immutables.value.Value;

/**
 * What auto-connect decides about one snap just installed or refreshed: for each of its plugs,
 * the slots of the same interface on installed snaps; for each of its slots, the plugs of the same
 * interface on other installed snaps; and the state entries (established or remembered) of those
 * pairs, which are never auto-created again.
 */
@Value.Immutable
public abstract class AutoConnectRequest {
  public abstract InstalledSnap snap();

  /** Candidates by plug name of {@link #snap()}, in plug order. */
  public abstract ImmutableMap<String, ImmutableList<ConnectCandidate>> plugCandidates();

  /** Candidates by slot name of {@link #snap()}, in slot order. */
  public abstract ImmutableMap<String, ImmutableList<ConnectCandidate>> slotCandidates();

  /**
   * Every installed snap, {@link #snap()} included in its new revision: a slot-side decision
   * needs the other slots a candidate plug could connect to (snapd's arity rule counts them).
   */
  public abstract ImmutableList<InstalledSnap> installed();

  /** Existing state entries among the candidate pairs. */
  public abstract ImmutableMap<ConnectionId, Connection> existing();

  public static ImmutableAutoConnectRequest.Builder builder() {
    return ImmutableAutoConnectRequest.builder();
  }
}
