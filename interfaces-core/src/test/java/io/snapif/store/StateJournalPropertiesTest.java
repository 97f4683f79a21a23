package io.snapif.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.manager.OperationException;
import io.snapif.spi.StateChange;
import io.snapif.spi.StateStore;
import io.snapif.spi.SystemState;
import io.snapif.testing.RandomOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The journal record of a save made from the manager's own change ({@link
 * SystemState#changeFrom}) replays to the saved state, as the record found by comparing the two
 * states does (the plain way, for states that do not know their change).
 */
class StateJournalPropertiesTest {

  /** Keeps every saved state. */
  private static final class Recording implements StateStore {
    final List<SystemState> saved = new ArrayList<>();

    @Override
    public Optional<SystemState> load() {
      return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
    }

    @Override
    public void save(SystemState state) {
      saved.add(state);
    }

    @Override
    public void close() {}
  }

  @Provide
  Arbitrary<List<Operation>> operations() {
    return RandomOps.operations();
  }

  @Property(tries = 300)
  void recordsOfTheManagersChangesReplayToTheSavedStates(
      @ForAll("operations") List<Operation> ops) {
    Recording store = new Recording();
    try (InterfaceManager m = InterfaceManager.builder().policy(RandomOps.policy())
        .implicitInterfaces(RandomOps.IMPLICIT).store(store).build()) {
      for (Operation op : ops) {
        try {
          m.apply(op);
        } catch (OperationException e) {
          // refused: nothing saved
        }
      }
    }
    for (int i = 1; i < store.saved.size(); i++) {
      SystemState before = store.saved.get(i - 1);
      SystemState after = store.saved.get(i);
      Optional<StateChange> own = after.changeFrom(before);
      assertThat(own).as("save %d knows its change", i).isPresent();
      ObjectNode record = StateJournal.diff(before, after).orElseThrow();
      assertThat(record).isEqualTo(StateJournal.record(own.get()));
      assertThat(replay(before, record)).isEqualTo(after);

      Optional<StateChange> compared = StateJournal.compare(before, after);
      assertThat(compared).isPresent();
      assertThat(replay(before, StateJournal.record(compared.get()))).isEqualTo(after);
      // a state that does not know its change (read back from a file) gets the compared record
      SystemState copy = SystemState.builder().from(after).build();
      assertThat(StateJournal.diff(before, copy)).contains(StateJournal.record(compared.get()));
    }
  }

  private static SystemState replay(SystemState before, ObjectNode record) {
    return StateJournal.replay(before, new JsonInput(record, "record"));
  }
}
