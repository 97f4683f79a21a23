package io.snapif.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.PlugRef;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.testing.Snaps;
import org.junit.jupiter.api.Test;

class AutoConnectorTest {

  private static StateDraft draft() {
    DefaultInterfaceManager m = Fixtures.manager();
    m.apply(io.snapif.testing.Ops.install(Snaps.snap("ui").plugs("mpris", "net=network").build()));
    m.apply(io.snapif.testing.Ops.install(Snaps.snap("a").slots("mpris").build()));
    m.apply(io.snapif.testing.Ops.install(
        Snaps.snap("b").slots("one=mpris", "two=mpris").plugs("mpris").build()));
    return m.draft();
  }

  private static AutoConnectRequest request(String snap) {
    return new AutoConnector(Fixtures.POLICY, new Connector(Fixtures.POLICY,
        com.google.common.collect.ImmutableList.of())).request(draft(), snap);
  }

  @Test
  void request_listsSameInterfaceEndpointsOfEveryInstalledSnap() {
    AutoConnectRequest r = request("b");

    assertThat(r.plugCandidates().get("mpris")).extracting(c -> c.id().toString())
        .containsExactly("b:mpris a:mpris", "b:mpris b:one", "b:mpris b:two");
    assertThat(r.slotCandidates().get("one")).extracting(c -> c.id().toString())
        .containsExactly("ui:mpris b:one", "b:mpris b:one");
  }

  @Test
  void request_existingHoldsStateEntriesOfCandidatePairs() {
    AutoConnectRequest r = request("ui");
    assertThat(r.existing().keySet()).extracting(Object::toString)
        .containsExactly("ui:net core:network");
  }

  @Test
  void otherSlotsOfPlug_areItsSlotsOnTheOtherSnaps() {
    AutoConnectRequest r = request("b");

    assertThat(r.otherSlotsOfPlug().forPlug(PlugRef.of("ui", "mpris")))
        .extracting(ConnectCandidate::id).extracting(Object::toString)
        .containsExactly("ui:mpris a:mpris");
    assertThat(r.otherSlotsOfPlug().forPlug(PlugRef.of("ui", "nope"))).isEmpty();
  }
}
