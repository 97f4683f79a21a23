package io.snapif.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.spi.StateChange;
import io.snapif.spi.SystemState;
import io.snapif.testing.Ops;
import io.snapif.testing.Snaps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateDraftTest {

  private static DefaultInterfaceManager manager() {
    DefaultInterfaceManager m = Fixtures.manager();
    m.apply(Ops.install(Fixtures.vlc()));
    m.apply(Ops.install(Snaps.snap("a").plugs("home").build()));
    m.apply(Ops.install(Snaps.snap("b").plugs("network").build()));
    return m;
  }

  private static List<String> names(StateDraft d) {
    return d.snaps().stream().map(InstalledSnap::name).toList();
  }

  @Test
  void snaps_replacedKeepTheirPlace_addedAndReaddedGoLast() {
    DefaultInterfaceManager m = manager();
    StateDraft d = m.draft();
    String system = m.systemSnapName();

    d.putSnap(Snaps.snap("a").revision(2).plugs("home").build());
    d.putSnap(Snaps.snap("new").build());
    d.removeSnap("vlc");
    d.putSnap(Fixtures.vlc());

    assertThat(names(d)).containsExactly(system, "a", "b", "new", "vlc");
    assertThat(d.snap("a").orElseThrow().snap().revision()).isEqualTo(
        Snaps.snap("a").revision(2).build().snap().revision());
    assertThat(d.snaps()).hasSize(5);
    d.removeSnap("new");
    assertThat(d.snap("new")).isEmpty();
    assertThat(names(d)).containsExactly(system, "a", "b", "vlc");
    // the base is untouched
    assertThat(m.snaps().stream().map(InstalledSnap::name))
        .containsExactly(system, "vlc", "a", "b");
  }

  @Test
  void differsFromBase_onlyWhenSomethingReallyChanged() {
    DefaultInterfaceManager m = manager();
    StateDraft d = m.draft();
    Connection some = m.connections().values().iterator().next();

    d.putSnap(m.snap("a").orElseThrow());
    d.putEntry(some);
    assertThat(d.differsFromBase()).isFalse();

    d.removeEntry(some.id());
    assertThat(d.differsFromBase()).isTrue();
    d.putEntry(some);
    assertThat(d.differsFromBase()).isFalse();
    d.removeSnap("b");
    assertThat(d.differsFromBase()).isTrue();
  }

  @Test
  void entriesAndChanges_mergeTheBaseWithTheDraftsChanges_inIdOrder() {
    DefaultInterfaceManager m = manager();
    StateDraft d = m.draft();
    String system = m.systemSnapName();
    List<Connection> base = new ArrayList<>(m.connections().values());
    Connection gone = base.get(0);
    Connection flipped = base.get(base.size() - 1).toBuilder().undesired(true).build();
    d.removeEntry(gone.id());
    d.putEntry(flipped);

    List<Connection> expected = new ArrayList<>(base.subList(1, base.size() - 1));
    expected.add(flipped);
    // every entry here names the system snap (slot side)
    assertThat(base).allMatch(e -> e.id().slot().snap().equals(system));
    assertThat(d.entriesOf(system)).containsExactlyElementsOf(expected);
    assertThat(d.entriesOf(gone.id().plug().snap())).doesNotContain(gone);
    assertThat(d.entry(gone.id())).isEmpty();

    List<String> changes = new ArrayList<>();
    d.forEachEntryChange((id, before, after) ->
        changes.add(id + " " + before.isPresent() + " " + after.isPresent()));
    List<ConnectionId> ids = List.of(gone.id(), flipped.id());
    assertThat(changes).containsExactly(ids.get(0) + " true false", ids.get(1) + " true true");

    StateChange change = d.change(99);
    assertThat(change.removedConnections()).containsExactly(gone.id());
    assertThat(change.putConnections()).containsExactly(flipped);
    assertThat(change.removedSnaps()).isEmpty();
    assertThat(change.putSnaps()).isEmpty();
    SystemState after = m.state().apply(change);
    assertThat(after.connections().values()).containsExactlyElementsOf(expected);
    assertThat(after.snaps()).isEqualTo(m.snaps());
    assertThat(after.generation()).isEqualTo(99);
    assertThat(after.changeFrom(m.state())).contains(change);
  }

  @Test
  void change_putsReplacedSnapsInPlaceAndNewOnesLast() {
    DefaultInterfaceManager m = manager();
    StateDraft d = m.draft();
    InstalledSnap a2 = Snaps.snap("a").revision(2).plugs("home").build();
    d.putSnap(a2);
    d.putSnap(Snaps.snap("new").build());
    d.removeSnap("vlc");
    d.putSnap(Fixtures.vlc());
    d.putSnap(m.snap("b").orElseThrow()); // the same snap: no change

    StateChange change = d.change(m.state().generation() + 1);
    assertThat(change.removedSnaps()).containsExactly("vlc");
    assertThat(change.putSnaps()).extracting(InstalledSnap::name)
        .containsExactly("a", "new", "vlc");
    SystemState after = m.state().apply(change);
    assertThat(after.snaps()).containsExactlyElementsOf(d.snaps());
  }
}
