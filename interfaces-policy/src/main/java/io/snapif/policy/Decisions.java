package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Arity;
import io.snapif.declaration.CheckKind;
import io.snapif.manager.Decision;
import io.snapif.manager.Reason;
import io.snapif.policy.fact.Check;
import io.snapif.policy.fact.Ruling;
import io.snapif.policy.fact.Verdict;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the rules derived for each check into the manager's {@link Decision}s: the
 * ruling(s) that count come first among the reasons, then the verdicts they overrode (so a
 * custom allow still shows which declaration denied).
 */
final class Decisions {
  private final Map<Check, List<Ruling>> rulings = new IdentityHashMap<>();
  private final Map<Check, List<Verdict>> verdicts = new IdentityHashMap<>();

  Decisions(List<Ruling> rulings, List<Verdict> verdicts) {
    for (Ruling r : rulings) {
      this.rulings.computeIfAbsent(r.getCheck(), c -> new ArrayList<>(1)).add(r);
    }
    for (Verdict v : verdicts) {
      this.verdicts.computeIfAbsent(v.getCheck(), c -> new ArrayList<>(1)).add(v);
    }
  }

  /** The rulings of {@code check}, denials first. */
  List<Ruling> rulings(Check check) {
    List<Ruling> list = rulings.getOrDefault(check, List.of());
    if (list.isEmpty()) {
      throw new RuleExecutionException("no policy rule decided " + check
          + " (did a custom rule retract a built-in fact?)");
    }
    if (list.size() > 1) {
      list = new ArrayList<>(list);
      list.sort((a, b) -> Boolean.compare(a.isAllowed(), b.isAllowed()));
    }
    return list;
  }

  /** The decision about {@code check}. */
  Decision decision(Check check) {
    List<Ruling> counted = rulings(check);
    Verdict first = counted.get(0).getVerdict();
    ImmutableList.Builder<Reason> reasons = ImmutableList.builder();
    for (Ruling r : counted) {
      reasons.add(reason(r.getVerdict(), ""));
    }
    for (Verdict v : verdicts.getOrDefault(check, List.of())) {
      if (counted.stream().noneMatch(r -> r.getVerdict() == v)) {
        reasons.add(reason(v, "overridden: "));
      }
    }
    var decision = Decision.builder()
        .kind(check.getKind())
        .allowed(first.isAllowed())
        .subject(check.getSubject())
        .message(first.getMessage())
        .reasons(reasons.build());
    if (check.getKind() == CheckKind.AUTO_CONNECTION && first.isAllowed()) {
      // snapd normalizes plugs-per-slot to * and slots-per-plug to * or 1.
      decision.slotsPerPlug(first.isSlotsPerPlugAny() ? Arity.any() : Arity.one())
          .plugsPerSlot(Arity.any());
    }
    return decision.build();
  }

  static Reason reason(Verdict v, String prefix) {
    return Reason.of(v.getRule(), v.getLayer(), prefix + v.getMessage() + ": " + v.getDetail());
  }
}
