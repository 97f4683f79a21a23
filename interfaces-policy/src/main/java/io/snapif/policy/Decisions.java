package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Arity;
import io.snapif.declaration.CheckKind;
import io.snapif.manager.Decision;
import io.snapif.manager.Reason;
import io.snapif.policy.fact.Check;
import io.snapif.policy.fact.Overridden;
import io.snapif.policy.fact.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the rules derived for each check into the manager's {@link Decision}s: the verdicts
 * that count come first among the reasons, then those they overrode (so a custom allow still
 * shows which declaration denied).
 */
final class Decisions {
  // Usually one verdict per check (a Verdict, else a List of them); several only with custom or
  // interface verdicts, and only then are some overridden.
  private final Map<Check, Object> verdicts;
  private final Set<Verdict> overridden;

  Decisions(DecisionSession session) {
    List<Verdict> all = session.facts(Verdict.class);
    verdicts = new IdentityHashMap<>(all.size() * 4 / 3 + 1);
    for (Verdict v : all) {
      verdicts.merge(v.getCheck(), v, (a, b) -> {
        List<Verdict> list = a instanceof Verdict one ? new ArrayList<>(List.of(one)) : cast(a);
        list.add(v);
        return list;
      });
    }
    List<Overridden> overrides = session.facts(Overridden.class);
    overridden = Collections.newSetFromMap(new IdentityHashMap<>());
    overrides.forEach(o -> overridden.add(o.getVerdict()));
  }

  @SuppressWarnings("unchecked")
  private static List<Verdict> cast(Object o) {
    return (List<Verdict>) o;
  }

  private List<Verdict> all(Check check) {
    Object found = verdicts.get(check);
    if (found == null) {
      throw new RuleExecutionException("no policy rule decided " + check
          + " (did a custom rule retract a built-in fact?)");
    }
    return found instanceof Verdict one ? List.of(one) : cast(found);
  }

  /** The verdicts about {@code check} that count (none overrides them), denials first. */
  List<Verdict> counted(Check check) {
    return counted(all(check));
  }

  private List<Verdict> counted(List<Verdict> all) {
    List<Verdict> counted = those(all, false);
    if (counted.size() > 1) {
      counted.sort((a, b) -> Boolean.compare(a.isAllowed(), b.isAllowed()));
    }
    return counted;
  }

  /**
   * The verdicts of {@code all} that others override, or ({@code overriddenOnes} false) those
   * that count, in their order; a lone verdict always counts.
   */
  private List<Verdict> those(List<Verdict> all, boolean overriddenOnes) {
    if (all.size() == 1) {
      return overriddenOnes ? List.of() : all;
    }
    List<Verdict> out = new ArrayList<>(all.size());
    for (Verdict v : all) {
      if (overridden.contains(v) == overriddenOnes) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The decision about {@code check}. Its words are written when first read, from the verdicts
   * picked now (not from this object, so that it does not keep the whole session's verdicts).
   */
  Decision decision(Check check) {
    List<Verdict> all = all(check);
    List<Verdict> counted = counted(all);
    List<Verdict> overruled = those(all, true);
    Verdict first = counted.get(0);
    var decision = Decision.builder()
        .kind(check.getKind())
        .allowed(first.isAllowed())
        .wording(() -> {
          ImmutableList.Builder<Reason> reasons = ImmutableList.builder();
          for (Verdict v : counted) {
            reasons.add(reason(v, ""));
          }
          for (Verdict v : overruled) {
            reasons.add(Reason.overridden(v.getRule(), v.getLayer(),
                v.getMessage() + ": " + v.getDetail()));
          }
          return new Decision.Wording(check.getSubject(), first.getMessage(), reasons.build());
        });
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
