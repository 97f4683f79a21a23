package io.snapif.spi;

import com.google.common.collect.ImmutableList;
import io.snapif.model.PlugRef;
import java.util.List;

/**
 * Looks up the candidate pairs of a plug with the slots of its interface, for an
 * {@link AutoConnectRequest} (see {@link AutoConnectRequest#otherSlotsOfPlug()}).
 *
 * <p>Called by the policy evaluator on the thread that asked for the plan, possibly several times;
 * it must not return null.
 */
@FunctionalInterface
public interface SlotCandidates {
  /** The pairs of {@code plug} with the slots of its interface on the other installed snaps. */
  List<ConnectCandidate> forPlug(PlugRef plug);

  /** A lookup that finds no slots. */
  static SlotCandidates none() {
    return plug -> ImmutableList.of();
  }
}
