package io.snapif.policy;

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
  // Usually one ruling and one verdict per check; several only with custom or interface verdicts.
  private final Map<Check, Object> rulings;
  private final Map<Check, List<Verdict>> verdicts;

  Decisions(DecisionSession session) {
    List<Ruling> allRulings = session.facts(Ruling.class);
    // Other verdicts than the counted ones exist only with custom rules or interface refusals
    // (the built-in rules give one declaration verdict per check, which only a refusal
    // overrides); without them the verdicts need not be read at all.
    boolean overridden = session.hasCustomRules();
    for (int i = 0; i < allRulings.size() && !overridden; i++) {
      overridden = allRulings.get(i).getVerdict().getSource() != Verdict.Source.DECLARATION;
    }
    List<Verdict> allVerdicts = overridden ? session.facts(Verdict.class) : List.of();
    rulings = new IdentityHashMap<>(allRulings.size() * 4 / 3 + 1);
    for (Ruling r : allRulings) {
      rulings.merge(r.getCheck(), r, (a, b) -> {
        List<Ruling> list = a instanceof Ruling one ? new ArrayList<>(List.of(one)) : cast(a);
        list.add(r);
        return list;
      });
    }
    verdicts = new IdentityHashMap<>();
    if (allVerdicts.size() > allRulings.size()) {
      for (Verdict v : allVerdicts) {
        verdicts.computeIfAbsent(v.getCheck(), c -> new ArrayList<>(2)).add(v);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Ruling> cast(Object o) {
    return (List<Ruling>) o;
  }

  /** The rulings of {@code check}, denials first. */
  List<Ruling> rulings(Check check) {
    Object found = rulings.get(check);
    if (found == null) {
      throw new RuleExecutionException("no policy rule decided " + check
          + " (did a custom rule retract a built-in fact?)");
    }
    if (found instanceof Ruling one) {
      return List.of(one);
    }
    List<Ruling> list = new ArrayList<>(cast(found));
    list.sort((a, b) -> Boolean.compare(a.isAllowed(), b.isAllowed()));
    return list;
  }

  /** The decision about {@code check}. */
  Decision decision(Check check) {
    List<Ruling> counted = rulings(check);
    Verdict first = counted.get(0).getVerdict();
    var decision = Decision.builder()
        .kind(check.getKind())
        .allowed(first.isAllowed())
        .subject(check.getSubject())
        .message(first.getMessage());
    for (Ruling r : counted) {
      decision.addReasons(reason(r.getVerdict(), ""));
    }
    // Without custom rules or interface refusals there are no overridden verdicts to look up.
    List<Verdict> all = verdicts.isEmpty() ? null : verdicts.get(check);
    if (all != null) {
      for (Verdict v : all) {
        if (counted.stream().noneMatch(r -> r.getVerdict() == v)) {
          decision.addReasons(reason(v, "overridden: " + v.getMessage() + ": "));
        }
      }
    }
    if (check.getKind() == CheckKind.AUTO_CONNECTION && first.isAllowed()) {
      // snapd normalizes plugs-per-slot to * and slots-per-plug to * or 1.
      decision.slotsPerPlug(first.isSlotsPerPlugAny() ? Arity.any() : Arity.one())
          .plugsPerSlot(Arity.any());
    }
    return decision.build();
  }

  /** The reason a verdict gives: its rule, layer and detail. */
  static Reason reason(Verdict v, String prefix) {
    return Reason.of(v.getRule(), v.getLayer(), prefix.isEmpty() ? v.getDetail()
        : prefix + v.getDetail());
  }
}
