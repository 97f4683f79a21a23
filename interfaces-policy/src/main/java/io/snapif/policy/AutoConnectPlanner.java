package io.snapif.policy;

import io.snapif.declaration.Declaration;
import io.snapif.declaration.Side;
import io.snapif.manager.Decision;
import io.snapif.manager.DecisionLayer;
import io.snapif.manager.Reason;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.PlugRef;
import io.snapif.model.SlotRef;
import io.snapif.policy.fact.AlreadyInState;
import io.snapif.policy.fact.Ambiguity;
import io.snapif.policy.fact.Candidate;
import io.snapif.policy.fact.Endpoint;
import io.snapif.policy.fact.NewConnection;
import io.snapif.policy.fact.PairCheck;
import io.snapif.policy.fact.StateEntry;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectPlan.EndpointPlan;
import io.snapif.spi.AutoConnectPlan.Outcome;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the auto-connect decision for one snap in one session, the way snapd's
 * {@code doAutoConnect} does:
 * <ol>
 *   <li>every pair of the snap's plugs and slots with their candidates is checked; each of the
 *       snap's plugs is an {@link Endpoint} whose candidates the arity rules weigh;
 *   <li>a plug of another snap that may auto-connect to one of the snap's slots is weighed with
 *       all its other candidate slots ({@link AutoConnectRequest#otherSlotsOfPlug()}, asked only
 *       then), because snapd connects it only if its own arity allows;
 *   <li>the derived facts become the plan: per plug and per slot its candidates' decisions, the
 *       connections to make and the reasons (ambiguity, pairs already in state).
 * </ol>
 * Which pairs connect is decided by the rules; this class only feeds facts and reads them back.
 * It is on the hot path of the all-pairs benchmark, hence the identity maps and the lists kept
 * per endpoint instead of lookups by connection id.
 */
final class AutoConnectPlanner {
  private final RuleBase rules;
  private final Declaration base;
  private final DecisionSession.Limits limits;

  AutoConnectPlanner(RuleBase rules, Declaration base, DecisionSession.Limits limits) {
    this.rules = rules;
    this.base = base;
    this.limits = limits;
  }

  AutoConnectPlan plan(AutoConnectRequest request, DecisionContext context) {
    Pairs pairs = new Pairs(request);
    try (DecisionSession session = new DecisionSession(rules, limits)) {
      ContextFacts circumstances = new ContextFacts(session, context);
      circumstances.snap(request.snap().name());
      circumstances.pairs(pairs.all);
      pairs.all.forEach(session::insert);
      String snapName = request.snap().name();
      request.plugCandidates().keySet()
          .forEach(plug -> session.insert(Endpoint.of(PlugRef.of(snapName, plug), true)));
      for (Connection c : request.existing().values()) {
        session.insert(StateEntry.of(c));
      }
      session.fire();

      // Plugs of other snaps allowed to one of ours: weigh them with all their candidates.
      Set<PlugRef> foreign = new LinkedHashSet<>();
      for (Candidate c : session.facts(Candidate.class)) {
        if (!c.getPair().isOwnPlug() && c.getPair().isOwnSlot()) {
          foreign.add(c.getPlugRef());
        }
      }
      if (!foreign.isEmpty()) {
        Set<ConnectionId> known = new HashSet<>();
        pairs.all.forEach(p -> known.add(p.getId()));
        int order = pairs.all.size();
        for (PlugRef plug : foreign) {
          List<PairCheck> others = new ArrayList<>();
          for (ConnectCandidate c : request.otherSlotsOfPlug().forPlug(plug)) {
            if (known.add(c.id())) {
              others.add(PairCheck.autoConnection(c, base, order++, false, false));
            }
          }
          circumstances.pairs(others);
          others.forEach(session::insert);
          session.insert(Endpoint.of(plug, false));
        }
        session.fire();
      }
      return assemble(request, pairs, session);
    }
  }

  /** The pair checks of a request, once each, and which endpoint of the snap lists them. */
  private final class Pairs {
    final List<PairCheck> all = new ArrayList<>();
    final Map<String, List<PairCheck>> byPlug = new LinkedHashMap<>();
    final Map<String, List<PairCheck>> bySlot = new LinkedHashMap<>();

    Pairs(AutoConnectRequest request) {
      String snapName = request.snap().name();
      // A pair of the snap's own plug and own slot is listed on both sides: check it once.
      Map<ConnectionId, PairCheck> ownPairs = new HashMap<>();
      request.plugCandidates().forEach((plug, candidates) -> {
        requireEndpoint(request.snap().snap().plugs(), request, "plug", plug);
        List<PairCheck> list = new ArrayList<>(candidates.size());
        for (ConnectCandidate c : candidates) {
          boolean ownSlot = c.slot().snap().equals(snapName);
          PairCheck check = PairCheck.autoConnection(c, base, all.size(), true, ownSlot);
          all.add(check);
          list.add(check);
          if (ownSlot) {
            ownPairs.put(check.getId(), check);
          }
        }
        byPlug.put(plug, list);
      });
      request.slotCandidates().forEach((slot, candidates) -> {
        requireEndpoint(request.snap().snap().slots(), request, "slot", slot);
        List<PairCheck> list = new ArrayList<>(candidates.size());
        for (ConnectCandidate c : candidates) {
          boolean ownPlug = c.plug().snap().equals(snapName);
          PairCheck check = ownPlug ? ownPairs.get(c.id()) : null;
          if (check == null) {
            check = PairCheck.autoConnection(c, base, all.size(), ownPlug, true);
            all.add(check);
          }
          list.add(check);
        }
        bySlot.put(slot, list);
      });
    }
  }

  private static void requireEndpoint(Map<String, ?> endpoints, AutoConnectRequest request,
      String what, String name) {
    if (!endpoints.containsKey(name)) {
      throw new IllegalArgumentException("snap \"" + request.snap().name() + "\" has no " + what
          + " \"" + name + "\"");
    }
  }

  private static AutoConnectPlan assemble(AutoConnectRequest request, Pairs pairs,
      DecisionSession session) {
    Decisions decisions = new Decisions(session);
    Results results = new Results(session);
    // Pairs listed on both sides get one decision object.
    Map<PairCheck, Decision> shared = new IdentityHashMap<>();
    Function<PairCheck, Decision> decide = pair -> pair.isOwnPlug() && pair.isOwnSlot()
        ? shared.computeIfAbsent(pair, decisions::decision)
        : decisions.decision(pair);
    String snapName = request.snap().name();
    var plan = AutoConnectPlan.builder();
    pairs.byPlug.forEach((name, list) -> {
      PlugRef ref = PlugRef.of(snapName, name);
      String iface = request.snap().snap().plugs().get(name).iface();
      plan.addEndpoints(endpoint(Side.PLUG, name, iface, list, decide, results,
          amb -> amb.getPlugRef().equals(ref), amb -> "cannot auto-connect plug " + ref));
    });
    pairs.bySlot.forEach((name, list) -> {
      SlotRef ref = SlotRef.of(snapName, name);
      String iface = request.snap().snap().slots().get(name).iface();
      Set<PlugRef> allowedPlugs = list.stream()
          .filter(results.candidates::contains)
          .map(PairCheck::getPlugRef)
          .collect(Collectors.toSet());
      plan.addEndpoints(endpoint(Side.SLOT, name, iface, list, decide, results,
          amb -> allowedPlugs.contains(amb.getPlugRef()),
          amb -> "cannot auto-connect slot " + ref + " to plug " + amb.getPlugRef()));
    });
    return plan.build();
  }

  private static EndpointPlan endpoint(Side side, String name, String iface,
      List<PairCheck> candidates, Function<PairCheck, Decision> decide, Results results,
      Predicate<Ambiguity> ambiguityOfMine, Function<Ambiguity, String> lead) {
    var endpoint = EndpointPlan.builder().side(side).name(name).iface(iface);
    List<ConnectionId> connect = new ArrayList<>();
    List<Reason> reasons = new ArrayList<>();
    boolean inState = false;
    for (PairCheck pair : candidates) {
      endpoint.addCandidates(decide.apply(pair));
      NewConnection made = results.made.get(pair);
      if (made != null) {
        connect.add(pair.getId());
        reasons.add(Reason.of(made.getPlanned().getRule(), DecisionLayer.LIFECYCLE,
            pair.getId() + " is picked for plug " + pair.getPlugRef()));
        reasons.add(Reason.of(made.getRule(), DecisionLayer.LIFECYCLE, "connects " + pair.getId()
            + " (" + made.getPlanned().getCandidate().getVerdict().getMessage() + ")"));
      }
      AlreadyInState kept = results.inState.get(pair);
      if (kept != null) {
        inState = true;
        reasons.add(Reason.of(kept.getRule(), DecisionLayer.LIFECYCLE, pair.getId()
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
    } else if (inState) {
      outcome = Outcome.ALREADY_PRESENT;
    } else {
      outcome = Outcome.NONE;
    }
    return endpoint.outcome(outcome).connect(connect).reasons(reasons).build();
  }

  /** The derived facts the plan is made of, by pair. */
  private static final class Results {
    final Map<PairCheck, NewConnection> made = new IdentityHashMap<>();
    final Map<PairCheck, AlreadyInState> inState = new IdentityHashMap<>();
    final Set<PairCheck> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<Ambiguity> ambiguities;

    Results(DecisionSession session) {
      for (NewConnection n : session.facts(NewConnection.class)) {
        made.put(n.getPlanned().getCandidate().getPair(), n);
      }
      for (AlreadyInState a : session.facts(AlreadyInState.class)) {
        inState.put(a.getPlanned().getCandidate().getPair(), a);
      }
      for (Candidate c : session.facts(Candidate.class)) {
        candidates.add(c.getPair());
      }
      ambiguities = session.facts(Ambiguity.class);
    }
  }
}
