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

  /** Existing state entries among the candidate pairs. */
  public abstract ImmutableMap<ConnectionId, Connection> existing();

  /**
   * The other candidate slots of a plug of another snap: its pairs with the slots of its
   * interface on installed snaps other than {@link #snap()}. snapd connects such a plug to one of
   * this snap's slots only when that plug's own arity allows it among ALL its candidate slots, so
   * the evaluator asks for them, but only for the plugs that auto-connection allows to one of
   * this snap's slots (a handful, where listing every plug's slots up front could mean a large
   * part of the system). Default: no other slots.
   */
  @Value.Default
  @Value.Auxiliary
  public SlotCandidates otherSlotsOfPlug() {
    return SlotCandidates.none();
  }

  public static ImmutableAutoConnectRequest.Builder builder() {
    return ImmutableAutoConnectRequest.builder();
  }
}
