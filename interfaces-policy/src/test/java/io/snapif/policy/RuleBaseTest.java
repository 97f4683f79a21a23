package io.snapif.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.policy.RuleBase.RuleSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How sessions are handed out and taken back, failed ones included. */
class RuleBaseTest {
  private static RuleBase custom() {
    return RuleBase.withCustom(List.of(new RuleSource("nothing.drl", """
        package site.nothing
        rule "site: nothing" when then end
        """)), Set.of());
  }

  @Test
  void soundSessions_areReused() {
    RuleBase rules = custom();
    RuleBase.Borrowed first = rules.borrow();
    rules.giveBack(first, true);
    RuleBase.Borrowed second = rules.borrow();
    RuleBase.Borrowed third = rules.borrow();
    assertThat(List.of(second.session(), third.session())).containsOnlyOnce(first.session());
    rules.giveBack(second, true);
    rules.giveBack(third, true);
  }

  @Test
  void aFailedSession_isNeverHandedOutAgain_andNoSessionIsLeft() {
    RuleBase rules = custom();
    RuleBase.Borrowed failed = rules.borrow();
    RuleBase.Borrowed other = rules.borrow(); // another decision, still deciding meanwhile
    rules.giveBack(failed, false);
    for (int i = 0; i < 5; i++) {
      RuleBase.Borrowed next = rules.borrow();
      assertThat(next.session()).isNotSameAs(failed.session()).isNotSameAs(other.session());
      rules.giveBack(next, true);
    }
    rules.giveBack(other, true);
    RuleBase.Borrowed after = rules.borrow();
    assertThat(after.session()).isNotSameAs(failed.session()).isNotSameAs(other.session());
    rules.giveBack(after, true);
    // the retired pool was shut down with the last of its sessions: only the new pool's remain
    assertThat(rules.liveSessions()).isEqualTo(2);
    for (int i = 0; i < 20; i++) {
      rules.giveBack(rules.borrow(), false);
    }
    assertThat(rules.liveSessions()).isLessThanOrEqualTo(2);
  }
}
