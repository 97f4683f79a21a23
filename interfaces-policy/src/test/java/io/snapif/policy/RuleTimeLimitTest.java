package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import java.time.Duration;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The time limit of a decision: custom rules that sleep, spin or keep firing are stopped by the
 * watchdog with a typed error, and the evaluator (and a manager using it) carries on unharmed.
 * Each test allows the rules 200 ms; the preemptive timeouts are far above what a stopped
 * decision takes and far below what an unstopped one would. Public for {@link #SESSIONS}, which
 * a rule's consequence reaches.
 */
public class RuleTimeLimitTest {
  private static final Duration LIMIT = Duration.ofMillis(200);
  private static final Duration GIVE_UP = Duration.ofSeconds(30);
  private static final InstalledSnap CORE_SNAP = core("camera", "home", "network");
  private static final InstalledSnap VLC = app("vlc").plug("camera", "camera")
      .plug("network", "network").build();

  /** Sessions seen by {@link #SPY_RULES}' consequences, in order. */
  public static final List<Object> SESSIONS = new CopyOnWriteArrayList<>();

  // Only the camera connection hangs; every other decision is one the built-in rules make.
  private static final String SLEEPY_RULES = """
      package site.sleepy
      import io.snapif.declaration.CheckKind
      import io.snapif.policy.fact.PairCheck
      rule "site: camera takes a nap"
      when PairCheck(kind == CheckKind.CONNECTION, iface == "camera")
      then Thread.sleep(600_000L);
      end
      """;

  private static final String SPY_RULES = """
      package site.spy
      import io.snapif.policy.fact.PairCheck
      rule "site: note the session" salience 100
      when PairCheck()
      then io.snapif.policy.RuleTimeLimitTest.SESSIONS.add(drools.getKieRuntime());
      end
      """;

  /**
   * One decision with custom rules first, so that loading classes on first use does not count
   * against the 200 ms of the decisions that are meant to succeed.
   */
  @BeforeAll
  static void warmUp() {
    DroolsPolicyEvaluator plain = DroolsPolicyEvaluator.builder().addRules("plain.drl", """
        package site.plain
        import io.snapif.policy.fact.PairCheck
        rule "site: look" when PairCheck() then drools.getRule(); end
        """).build();
    plain.checkConnection(pair(VLC, "network", CORE_SNAP, "network", CLASSIC));
    plain.checkInstallation(VLC, CLASSIC);
  }

  private static DroolsPolicyEvaluator evaluator(String... drl) {
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder().timeLimit(LIMIT);
    for (int i = 0; i < drl.length; i++) {
      builder.addRules("rules-" + i + ".drl", drl[i]);
    }
    return builder.build();
  }

  @Test
  void sleepingConsequence_isStoppedWithATypedError_namingTheRuleAndTheLimit() {
    DroolsPolicyEvaluator sleepy = evaluator(SLEEPY_RULES);
    assertTimeoutPreemptively(GIVE_UP, () -> {
      long start = System.nanoTime();
      assertThatThrownBy(() -> sleepy.checkConnection(pair(VLC, "camera", CORE_SNAP, "camera",
          CLASSIC)))
          .isInstanceOfSatisfying(RuleTimeLimitException.class, e -> {
            assertThat(e.limit()).isEqualTo(LIMIT);
            assertThat(e.rule()).contains("site: camera takes a nap");
            assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
          })
          .hasMessageContaining("200 ms").hasMessageContaining("site: camera takes a nap");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LIMIT);
      // the interrupt was meant for the consequence: the caller's thread is not left interrupted
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
      // the same evaluator decides the next questions as before
      assertThat(sleepy.checkConnection(pair(VLC, "network", CORE_SNAP, "network", CLASSIC))
          .allowed()).isTrue();
      assertThat(sleepy.checkInstallation(VLC, CLASSIC).allowed()).isTrue();
    });
  }

  @Test
  void spinningConsequence_thatHeedsInterrupts_isStopped() {
    DroolsPolicyEvaluator spinning = evaluator("""
        package site.spin
        import io.snapif.policy.fact.PairCheck
        rule "site: spin until told"
        when PairCheck()
        then while (!Thread.currentThread().isInterrupted()) { Thread.onSpinWait(); }
        end
        """);
    assertTimeoutPreemptively(GIVE_UP, () -> {
      assertThatThrownBy(() -> spinning.checkConnection(pair(VLC, "network", CORE_SNAP,
          "network", CLASSIC)))
          .isInstanceOfSatisfying(RuleTimeLimitException.class,
              e -> assertThat(e.rule()).contains("site: spin until told"));
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    });
  }

  @Test
  void rulesThatKeepFiring_areHaltedAtTheTimeLimit_whenTheFiringLimitIsOutOfReach() {
    // modify() makes the rule match its own fact again: endless firing, constant memory
    DroolsPolicyEvaluator endless = DroolsPolicyEvaluator.builder().timeLimit(LIMIT)
        .firingLimit(Integer.MAX_VALUE).addRules("endless.drl", """
            package site.endless
            import io.snapif.policy.fact.PairCheck
            declare Counter
              n : long
            end
            rule "site: start counting"
            when PairCheck()
            then insert(new Counter(0));
            end
            rule "site: count on"
            when $c : Counter(n >= 0)
            then modify($c) { setN($c.getN() + 1) }
            end
            """).build();
    assertTimeoutPreemptively(GIVE_UP, () -> assertThatThrownBy(() -> endless.checkConnection(
        pair(VLC, "network", CORE_SNAP, "network", CLASSIC)))
        .isInstanceOfSatisfying(RuleTimeLimitException.class, e -> {
          assertThat(e.busiestRules()).first().asString().contains("site: count on");
          assertThat(e.getCause()).isNull(); // halted between firings, not interrupted in one
        }));
  }

  @Test
  void runawayRules_stillHitTheFiringLimit_underATimeLimit() throws Exception {
    DroolsPolicyEvaluator looping = DroolsPolicyEvaluator.builder()
        .addRuleResource("io/snapif/policy/custom/runaway.drl").firingLimit(5_000)
        .timeLimit(Duration.ofSeconds(60)).build();
    assertTimeoutPreemptively(GIVE_UP, () -> assertThatThrownBy(() -> looping.checkConnection(
        pair(VLC, "camera", CORE_SNAP, "camera", CLASSIC)))
        .isInstanceOf(RuleFiringLimitException.class));
  }

  @Test
  void aStoppedSession_isNeverReused() {
    DroolsPolicyEvaluator sleepy = evaluator(SPY_RULES, SLEEPY_RULES);
    SESSIONS.clear();
    assertTimeoutPreemptively(GIVE_UP, () -> {
      assertThatThrownBy(() -> sleepy.checkConnection(pair(VLC, "camera", CORE_SNAP, "camera",
          CLASSIC))).isInstanceOf(RuleTimeLimitException.class);
      assertThat(SESSIONS).hasSize(1);
      Object stopped = SESSIONS.get(0);
      // the pool holds two sessions and hands them out in turn: without discarding, the stopped
      // one would be back within three decisions
      for (int i = 0; i < 10; i++) {
        assertThat(sleepy.checkConnection(pair(VLC, "network", CORE_SNAP, "network", CLASSIC))
            .allowed()).isTrue();
      }
      assertThat(SESSIONS).hasSize(11);
      assertThat(SESSIONS.subList(1, 11)).noneMatch(s -> s == stopped);
    });
  }

  @Test
  void aManagerWhosePolicyIsStopped_changesNothing_andCarriesOn() {
    InterfaceManager manager = InterfaceManager.builder().policy(evaluator(SLEEPY_RULES))
        .build();
    manager.apply(new Operation.Install(VLC));
    NavigableMap<ConnectionId, Connection> before = manager.connections();
    assertTimeoutPreemptively(GIVE_UP, () -> {
      assertThatThrownBy(() -> manager.apply(new Operation.Connect("vlc", "camera",
          Optional.empty(), Optional.empty())))
          .isInstanceOf(RuleTimeLimitException.class);
      assertThat(manager.connections()).isEqualTo(before);
      manager.apply(new Operation.Connect("vlc", "network", Optional.empty(), Optional.empty()));
    });
    assertThat(manager.connections().keySet()).extracting(ConnectionId::toString)
        .contains("vlc:network core:network").doesNotContain("vlc:camera core:camera");
    manager.close();
  }

  @Test
  void timeLimit_mustBePositive() {
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder();
    assertThatThrownBy(() -> builder.timeLimit(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time limit");
    assertThatThrownBy(() -> builder.timeLimit(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
