package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Side;
import io.snapif.model.ConnectionId;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionLog;
import io.snapif.spi.DecisionRecord;
import io.snapif.spi.DecisionRecord.Effect;
import io.snapif.spi.DecisionRecord.Mode;
import io.snapif.spi.PolicyEvaluator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the decisions an operation took into {@link DecisionRecord}s for the {@link DecisionLog}.
 * The manager has one only when a log is configured, so without a log no record is built.
 *
 * <p>Design notes. Installation and manual or gadget connection decisions are all logged. An
 * auto-connect plan weighs every same-interface endpoint of the system, thousands of pairs on a
 * large one, so only the decisions that decided something are logged: the pairs connected, the
 * allowed candidates of an ambiguous endpoint, and the denied candidates of the snap's own plugs
 * that got no connection (a plug's candidates are the slots of its interface, few). Denials of
 * candidates of the snap's slots are not logged: a slot weighs every plug of its interface on
 * the system. Pairs already in state decide nothing new and are not logged either. Entry fates
 * (disconnect, refresh, removal) are logged when they change something: the {@link
 * EntryDecision}s of the operation's {@link ChangeReport}, picked by {@link EntryFates}.
 */
final class DecisionAudit {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionAudit.class);
  private final DecisionLog log;
  private final PolicyEvaluator policy;

  DecisionAudit(DecisionLog log, PolicyEvaluator policy) {
    this.log = log;
    this.policy = policy;
  }

  /** Something an operation decided that is to be logged. */
  sealed interface Logged permits Check, Fate {}

  /** A check's decision and, for an auto-connection, what the plan made of it. */
  record Check(Decision decision, Optional<Effect> effect) implements Logged {}

  /** A state entry's fate that changes something (those a {@link ChangeReport} lists). */
  record Fate(EntryDecision decision) implements Logged {}

  /** Logs the decisions {@code draft} gathered for {@code operation}, if any. */
  void operation(Operation operation, Mode mode, long generation, StateDraft draft) {
    write(operation.describe(), mode, generation, draft.loggedDecisions());
  }

  /** Logs the decisions {@code explain} shows for {@code snap:name}. */
  void explain(String snap, String name, long generation, List<Decision> decisions) {
    List<Logged> logged = new ArrayList<>(decisions.size());
    decisions.forEach(d -> logged.add(new Check(d, Optional.empty())));
    write("explain " + snap + ":" + name, Mode.EXPLAIN, generation, logged);
  }

  /**
   * Writes the records; a log that fails is warned about and the operation goes on: its outcome
   * is settled (committed, refused) and must not depend on the log.
   */
  private void write(String operation, Mode mode, long generation, List<Logged> logged) {
    if (logged.isEmpty()) {
      return;
    }
    try {
      String ruleSet = policy.ruleSetId();
      String operationId = UUID.randomUUID().toString();
      Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      ImmutableList.Builder<DecisionRecord> records = ImmutableList.builder();
      for (int i = 0; i < logged.size(); i++) {
        records.add(record(operationId + "/" + i, time, operation, mode, logged.get(i), ruleSet,
            generation));
      }
      log.record(records.build());
    } catch (RuntimeException e) {
      LOG.warn("decision log: {} decisions of \"{}\" ({}) not logged: {}", logged.size(),
          operation, mode.word(), e.getMessage(), e);
    }
  }

  private static DecisionRecord record(String id, Instant time, String operation, Mode mode,
      Logged logged, String ruleSet, long generation) {
    if (logged instanceof Fate fate) {
      return record(id, time, operation, mode, fate, ruleSet, generation);
    }
    Check check = (Check) logged;
    Decision d = check.decision();
    List<Reason> counted = new ArrayList<>();
    List<Reason> overridden = new ArrayList<>();
    for (Reason r : d.reasons()) {
      if (r.overridden()) {
        overridden.add(r.asVerdict());
      } else {
        counted.add(r);
      }
    }
    return new DecisionRecord(id, time, operation, mode, d.kind(), d.subject(), d.allowed(),
        check.effect(), d.message(), counted, overridden, ruleSet, generation);
  }

  private static DecisionRecord record(String id, Instant time, String operation, Mode mode,
      Fate logged, String ruleSet, long generation) {
    EntryDecision d = logged.decision();
    return new DecisionRecord(id, time, operation, mode, DecisionRecord.Kind.ENTRY,
        d.id().toString(), true, Optional.empty(), Optional.of(d.fate()), d.message(),
        List.of(d.reason()), d.overridden().map(List::of).orElse(List.of()), ruleSet,
        generation);
  }

  /**
   * Marks in {@code draft} the auto-connect decisions of {@code plan} that count (see the class
   * notes). The plan lists each endpoint's decisions in the order of the request's candidates
   * ({@link AutoConnectPlan.EndpointPlan#candidates()}), which says which pair each is about
   * without writing out the words of the others.
   */
  static void autoConnect(StateDraft draft, AutoConnectRequest request, AutoConnectPlan plan) {
    // a pair of the snap's own plug and slot is on both endpoints, with one decision object
    Set<Decision> done = Collections.newSetFromMap(new IdentityHashMap<>());
    for (AutoConnectPlan.EndpointPlan endpoint : plan.endpoints()) {
      List<Decision> decisions = endpoint.candidates();
      List<ConnectCandidate> candidates = (endpoint.side() == Side.PLUG
          ? request.plugCandidates() : request.slotCandidates()).get(endpoint.name());
      boolean aligned = candidates != null && candidates.size() == decisions.size();
      switch (endpoint.outcome()) {
        case CONNECT -> {
          Set<ConnectionId> made = new HashSet<>(endpoint.connect());
          for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            boolean connected = aligned ? made.contains(candidates.get(i).id())
                : made.stream().anyMatch(id -> id.toString().equals(d.subject()));
            if (connected && done.add(d)) {
              draft.logDecision(d, Effect.CONNECTED);
            }
          }
        }
        case AMBIGUOUS -> decisions.stream().filter(Decision::allowed).filter(done::add)
            .forEach(d -> draft.logDecision(d, Effect.AMBIGUOUS));
        case NONE -> {
          if (endpoint.side() == Side.PLUG) {
            decisions.stream().filter(d -> !d.allowed()).filter(done::add)
                .forEach(d -> draft.logDecision(d, Effect.NOT_CONNECTED));
          }
        }
        default -> { } // already present: nothing decided anew
      }
    }
  }
}
