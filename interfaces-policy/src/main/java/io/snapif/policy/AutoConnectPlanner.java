package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ListMultimap;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.DecisionLayer;
import io.snapif.manager.Reason;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Plug;
import io.snapif.model.PlugRef;
import io.snapif.model.Slot;
import io.snapif.model.SlotRef;
import io.snapif.policy.fact.AlreadyInState;
import io.snapif.policy.fact.Ambiguity;
import io.snapif.policy.fact.Candidate;
import io.snapif.policy.fact.Endpoint;
import io.snapif.policy.fact.NewConnection;
import io.snapif.policy.fact.PairCheck;
import io.snapif.policy.fact.Ruling;
import io.snapif.policy.fact.StateEntry;
import io.snapif.policy.fact.Verdict;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectPlan.EndpointPlan;
import io.snapif.spi.AutoConnectPlan.Outcome;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the auto-connect decision for one snap in one session, the way snapd's
 * {@code doAutoConnect} does:
 * <ol>
 *   <li>every pair of the snap's plugs and slots with their candidates is checked; each of the
 *       snap's plugs is an {@link Endpoint} whose candidates the arity rules weigh;
 *   <li>a plug of another snap that may auto-connect to one of the snap's slots is weighed with
 *       all its other candidate slots (asked from the request only then), because snapd
 *       connects it only if its own arity allows;
 *   <li>the derived facts become the plan: per plug and per slot its candidates' decisions, the
 *       connections to make and the reasons (ambiguity, pairs already in state).
 * </ol>
 * Which pairs connect is decided by the rules; this class only feeds facts and reads them back.
 */
final class AutoConnectPlanner {
  private final RuleBase rules;
  private final Declaration base;
  private final long fixedBudget;

  AutoConnectPlanner(RuleBase rules, Declaration base, long fixedBudget) {
    this.rules = rules;
    this.base = base;
    this.fixedBudget = fixedBudget;
  }

  AutoConnectPlan plan(AutoConnectRequest request) {
    String snapName = request.snap().name();
    Map<ConnectionId, PairCheck> pairs = new LinkedHashMap<>();
    request.plugCandidates().forEach((plug, candidates) -> {
      requirePlug(request, plug);
      for (ConnectCandidate c : candidates) {
        add(pairs, c, true, c.slot().snap().equals(snapName));
      }
    });
    request.slotCandidates().forEach((slot, candidates) -> {
      requireSlot(request, slot);
      for (ConnectCandidate c : candidates) {
        add(pairs, c, c.plug().snap().equals(snapName), true);
      }
    });

    try (DecisionSession session = new DecisionSession(rules, fixedBudget)) {
      pairs.values().forEach(session::insert);
      request.plugCandidates().keySet()
          .forEach(plug -> session.insert(Endpoint.of(PlugRef.of(snapName, plug), true)));
      for (Connection c : request.existing().values()) {
        session.insert(StateEntry.of(c));
      }
      session.fire();

      // Plugs of other snaps allowed to one of ours: weigh them with all their candidates.
      Set<PlugRef> foreign = new LinkedHashSet<>();
      for (Candidate c : DecisionSession.of(session.factsByType(), Candidate.class)) {
        if (!c.getPair().isOwnPlug() && c.getPair().isOwnSlot()) {
          foreign.add(c.getPlugRef());
        }
      }
      if (!foreign.isEmpty()) {
        for (PlugRef plug : foreign) {
          for (ConnectCandidate c : request.otherSlotsOfPlug().forPlug(plug)) {
            if (!pairs.containsKey(c.id())) {
              PairCheck check = add(pairs, c, false, false);
              session.insert(check);
            }
          }
          session.insert(Endpoint.of(plug, false));
        }
        session.fire();
      }
      return assemble(request, pairs, session.factsByType());
    }
  }

  private PairCheck add(Map<ConnectionId, PairCheck> pairs, ConnectCandidate candidate,
      boolean ownPlug, boolean ownSlot) {
    return pairs.computeIfAbsent(candidate.id(),
        id -> PairCheck.autoConnection(candidate, base, pairs.size(), ownPlug, ownSlot));
  }

  private AutoConnectPlan assemble(AutoConnectRequest request, Map<ConnectionId, PairCheck> pairs,
      ListMultimap<Class<?>, Object> facts) {
    Decisions decisions = new Decisions(DecisionSession.of(facts, Ruling.class),
        DecisionSession.of(facts, Verdict.class));
    Map<ConnectionId, Decision> byPair = new HashMap<>();
    Results results = new Results(facts);
    String snapName = request.snap().name();
    var plan = AutoConnectPlan.builder();

    request.plugCandidates().forEach((name, candidates) -> {
      PlugRef ref = PlugRef.of(snapName, name);
      Plug plug = request.snap().snap().plugs().get(name);
      plan.addEndpoints(endpoint(Side.PLUG, name, plug.iface(), candidates, pairs, decisions,
          byPair, results, id -> id.plug().equals(ref),
          amb -> amb.getPlugRef().equals(ref), amb -> "cannot auto-connect plug " + ref));
    });
    request.slotCandidates().forEach((name, candidates) -> {
      SlotRef ref = SlotRef.of(snapName, name);
      Slot slot = request.snap().snap().slots().get(name);
      Set<PlugRef> allowedPlugs = candidates.stream()
          .filter(c -> results.candidateIds.contains(c.id()))
          .map(c -> c.plug().ref())
          .collect(Collectors.toSet());
      plan.addEndpoints(endpoint(Side.SLOT, name, slot.iface(), candidates, pairs, decisions,
          byPair, results, id -> id.slot().equals(ref),
          amb -> allowedPlugs.contains(amb.getPlugRef()),
          amb -> "cannot auto-connect slot " + ref + " to plug " + amb.getPlugRef()));
    });
    return plan.build();
  }

  private static EndpointPlan endpoint(Side side, String name, String iface,
      List<ConnectCandidate> candidates, Map<ConnectionId, PairCheck> pairs, Decisions decisions,
      Map<ConnectionId, Decision> byPair, Results results, Predicate<ConnectionId> mine,
      Predicate<Ambiguity> ambiguityOfMine, java.util.function.Function<Ambiguity, String> lead) {
    var endpoint = EndpointPlan.builder().side(side).name(name).iface(iface);
    List<ConnectionId> connect = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    for (ConnectCandidate c : candidates) {
      ConnectionId id = c.id();
      endpoint.addCandidates(byPair.computeIfAbsent(id,
          k -> decisions.decision(pairs.get(k))));
      NewConnection made = results.made.get(id);
      if (made != null) {
        connect.add(id);
        reasons.add(Reason.of(made.getPlanned().getRule(), DecisionLayer.LIFECYCLE,
            "connects " + id + " ("
                + made.getPlanned().getCandidate().getRuling().getVerdict().getMessage() + ")"));
      }
      AlreadyInState kept = results.inState.get(id);
      if (kept != null) {
        reasons.add(Reason.of(kept.getRule(), DecisionLayer.LIFECYCLE, id
            + (kept.getEntry().isUndesired()
                ? " was disconnected by the user and is remembered (undesired): not created again"
                : " is already connected")));
      }
    }
    boolean ambiguous = false;
    for (Ambiguity amb : results.ambiguities) {
      if (ambiguityOfMine.test(amb)) {
        ambiguous = true;
        String found = amb.getCandidates().stream()
            .sorted(Comparator.comparingInt(c -> c.getPair().getOrder()))
            .map(c -> c.getSlotRef().toString())
            .collect(Collectors.joining(", "));
        reasons.add(Reason.of(amb.getRule(), DecisionLayer.LIFECYCLE,
            lead.apply(amb) + ", candidates found: " + found));
      }
    }
    Outcome outcome;
    if (!connect.isEmpty()) {
      outcome = Outcome.CONNECT;
    } else if (ambiguous) {
      outcome = Outcome.AMBIGUOUS;
    } else if (candidates.stream().anyMatch(c -> results.inState.containsKey(c.id()))) {
      outcome = Outcome.ALREADY_PRESENT;
    } else {
      outcome = Outcome.NONE;
    }
    return endpoint.outcome(outcome).connect(connect).reasons(reasons).build();
  }

  private static void requirePlug(AutoConnectRequest request, String plug) {
    if (!request.snap().snap().plugs().containsKey(plug)) {
      throw new IllegalArgumentException("snap \"" + request.snap().name() + "\" has no plug \""
          + plug + "\"");
    }
  }

  private static void requireSlot(AutoConnectRequest request, String slot) {
    if (!request.snap().snap().slots().containsKey(slot)) {
      throw new IllegalArgumentException("snap \"" + request.snap().name() + "\" has no slot \""
          + slot + "\"");
    }
  }

  /** The derived facts the plan is made of, indexed. */
  private static final class Results {
    final Map<ConnectionId, NewConnection> made = new HashMap<>();
    final Map<ConnectionId, AlreadyInState> inState = new HashMap<>();
    final List<Ambiguity> ambiguities;
    final Set<ConnectionId> candidateIds = new java.util.HashSet<>();

    Results(ListMultimap<Class<?>, Object> facts) {
      for (NewConnection n : DecisionSession.of(facts, NewConnection.class)) {
        made.put(n.getId(), n);
      }
      for (AlreadyInState a : DecisionSession.of(facts, AlreadyInState.class)) {
        inState.put(a.getId(), a);
      }
      ambiguities = ImmutableList.copyOf(DecisionSession.of(facts, Ambiguity.class));
      for (Candidate c : DecisionSession.of(facts, Candidate.class)) {
        candidateIds.add(c.getId());
      }
    }
  }
}
