package io.snapif.manager;

import static io.snapif.manager.Fixtures.IMPLICIT;
import static io.snapif.manager.Fixtures.POLICY;
import static io.snapif.manager.Fixtures.manager;
import static io.snapif.manager.Fixtures.vlc;
import static io.snapif.manager.Fixtures.withVlc;
import static io.snapif.testing.Ops.connect;
import static io.snapif.testing.Ops.disconnect;
import static io.snapif.testing.Ops.forget;
import static io.snapif.testing.Ops.install;
import static io.snapif.testing.Ops.refresh;
import static io.snapif.testing.Ops.remove;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.ConnectionId;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.DecisionRecord;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.EntryPlan.Fate;
import io.snapif.testing.Snaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a {@link ChangeReport} says became of the state entries a disconnect, refresh or removal
 * touched ({@link ChangeReport#entryDecisions()}): the same fates the decision log logs, with or
 * without a log, applied and simulated alike.
 */
class EntryDecisionsTest {
  private static ConnectionId id(String text) {
    return ConnectionId.parse(text);
  }

  /** {@code vlc:home core:home disconnect undesired}, per entry decision. */
  private static List<String> lines(ChangeReport report) {
    return report.entryDecisions().stream()
        .map(d -> d.id() + " " + d.fate().eventWord() + " " + d.fate().fateWord())
        .toList();
  }

  @Test
  void disconnectOfAnAutoConnection_reportsItRememberedAsUndesired_byTheDecidingRule() {
    DefaultInterfaceManager m = withVlc(); // no decision log

    ChangeReport report = m.apply(disconnect("vlc:home"));

    assertThat(report.entryDecisions()).containsExactly(new EntryDecision(
        id("vlc:home core:home"), EntryEvent.Kind.DISCONNECT,
        new EntryPlan.Outcome(Fate.UNDESIRED, "fake", DecisionLayer.LIFECYCLE, ""),
        "automatic connection, in effect"));
    EntryDecision d = report.entryDecisions().get(0);
    assertThat(d.message())
        .isEqualTo("state entry remembered as undesired on disconnect by rule \"fake\"");
    // a built-in rule gives no words of its own: what it matched says why
    assertThat(d.reason()).isEqualTo(
        Reason.of("fake", DecisionLayer.LIFECYCLE, "automatic connection, in effect"));
    assertThat(d.fate()).isEqualTo(
        new DecisionRecord.EntryFate(EntryEvent.Kind.DISCONNECT, Fate.UNDESIRED));
    assertThat(d.overridden()).isEmpty();
    // the checks are reported apart: a disconnect checks nothing
    assertThat(report.decisions()).isEmpty();
  }

  @Test
  void disconnectOfAManualConnection_reportsItDeleted() {
    DefaultInterfaceManager m = withVlc();
    m.apply(connect("vlc:camera"));

    ChangeReport report = m.apply(disconnect("vlc:camera", ":camera"));

    assertThat(lines(report)).containsExactly("vlc:camera core:camera disconnect deleted");
    EntryDecision d = report.entryDecisions().get(0);
    assertThat(d.found()).isEqualTo("manual connection, in effect");
    assertThat(d.message()).isEqualTo("state entry deleted on disconnect by rule \"fake\"");
  }

  @Test
  void disconnectWithForget_ofARememberedEntry_reportsItDeleted_sayingForget() {
    DefaultInterfaceManager m = withVlc();
    m.apply(disconnect("vlc:home"));

    ChangeReport report = m.apply(forget("vlc:home", ":home"));

    assertThat(report.entryDecisions()).singleElement().satisfies(d -> {
      assertThat(d.fate().fateWord()).isEqualTo("deleted");
      assertThat(d.reason().detail())
          .isEqualTo("remembered undesired automatic connection, not in effect, --forget");
    });
  }

  @Test
  void refreshWherePlugsVanished_reportsWhatChanged_notTheRememberedEntryKeptAsItWas() {
    DefaultInterfaceManager m = withVlc(); // auto: audio-playback, home, network
    m.apply(connect("vlc:camera"));
    m.apply(disconnect("vlc:home")); // remembered as undesired

    ChangeReport report = m.apply(refresh(Snaps.snap("vlc").plugs("audio-playback").build()));

    // the manual camera connection goes dormant, auto network is dropped; the undesired home
    // entry that lost its plug stays remembered as it was: nothing to report
    assertThat(lines(report)).containsExactly(
        "vlc:camera core:camera refresh kept",
        "vlc:network core:network refresh deleted");
    assertThat(report.entryDecisions().get(0).found())
        .isEqualTo("manual connection, not in effect, plug gone");
    assertThat(report.entryDecisions().get(1).message())
        .isEqualTo("state entry deleted on refresh by rule \"fake\"");
  }

  @Test
  void refreshThatTouchesNoEntry_reportsNoEntryDecision() {
    DefaultInterfaceManager m = withVlc();

    ChangeReport report = m.apply(refresh(vlc()));

    assertThat(report.entryDecisions()).isEmpty();
  }

  @Test
  void removal_reportsEntriesDeletedAndRetired() {
    DefaultInterfaceManager m = withVlc();
    m.apply(disconnect("vlc:home"));

    ChangeReport report = m.apply(remove("vlc"));

    assertThat(lines(report)).containsExactly(
        "vlc:audio-playback core:audio-playback remove deleted",
        "vlc:home core:home remove retired",
        "vlc:network core:network remove deleted");
    assertThat(report.entryDecisions().get(1).reason().detail())
        .isEqualTo("remembered undesired automatic connection, not in effect");
    assertThat(report.entryDecisions().get(1).message())
        .isEqualTo("state entry retired on remove by rule \"fake\"");
  }

  @Test
  void aSiteRulesFate_isReportedWithItsOwnWords_andTheBuiltinFateItOverrode() {
    DefaultInterfaceManager m = manager(new SiteForgetsDisconnects());
    m.apply(install(vlc()));

    ChangeReport report = m.apply(disconnect("vlc:network"));

    EntryDecision d = report.entryDecisions().get(0);
    assertThat(report.entryDecisions()).hasSize(1);
    assertThat(d.outcome().fate()).isEqualTo(Fate.DELETE);
    assertThat(d.fate()).isEqualTo(new DecisionRecord.EntryFate(EntryEvent.Kind.DISCONNECT,
        Fate.DELETE, Optional.of(Fate.UNDESIRED)));
    assertThat(d.fate().overriddenWord()).contains("undesired");
    assertThat(d.message()).isEqualTo(
        "state entry deleted on disconnect by custom rule \"site: forget network\"");
    assertThat(d.reason()).isEqualTo(
        Reason.of("site: forget network", DecisionLayer.CUSTOM_RULE, "comes back on refresh"));
    // worded as an overridden verdict: its message, a colon, what the built-in rule matched
    assertThat(d.overridden()).contains(Reason.of("lifecycle: remembered",
        DecisionLayer.LIFECYCLE, "state entry remembered as undesired on disconnect by rule"
            + " \"lifecycle: remembered\": automatic connection, in effect"));
  }

  @Test
  void simulate_reportsTheSameEntryDecisions_andChangesNothing() {
    DefaultInterfaceManager m = withVlc();
    m.apply(connect("vlc:camera"));
    var before = m.state();

    ChangeReport simulated = m.simulate(remove("vlc"));

    assertThat(m.state()).isSameAs(before);
    assertThat(simulated.committed()).isFalse();
    assertThat(lines(simulated)).containsExactly(
        "vlc:audio-playback core:audio-playback remove deleted",
        "vlc:camera core:camera remove deleted",
        "vlc:home core:home remove deleted",
        "vlc:network core:network remove deleted");
    assertThat(m.apply(remove("vlc")).entryDecisions())
        .isEqualTo(simulated.entryDecisions());
  }

  @Test
  void theReportsEntryDecisions_areTheEntryFatesTheDecisionLogLogs() {
    List<DecisionRecord> logged = new ArrayList<>();
    DefaultInterfaceManager m = (DefaultInterfaceManager) InterfaceManager.builder()
        .policy(new SiteForgetsDisconnects()).implicitInterfaces(IMPLICIT)
        .decisionLog(logged::addAll).build();
    m.apply(install(vlc()));
    m.apply(connect("vlc:camera"));
    List<EntryDecision> reported = new ArrayList<>();

    reported.addAll(m.apply(disconnect("vlc:network")).entryDecisions());
    reported.addAll(m.apply(refresh(Snaps.snap("vlc").plugs("camera", "home").build()))
        .entryDecisions());
    reported.addAll(m.apply(remove("vlc")).entryDecisions());

    List<DecisionRecord> entries = logged.stream()
        .filter(r -> r.kind() == DecisionRecord.Kind.ENTRY).toList();
    assertThat(reported).hasSize(entries.size()).hasSizeGreaterThan(2);
    for (int i = 0; i < entries.size(); i++) {
      EntryDecision d = reported.get(i);
      DecisionRecord r = entries.get(i);
      assertThat(r.subject()).isEqualTo(d.id().toString());
      assertThat(r.entry()).contains(d.fate());
      assertThat(r.message()).isEqualTo(d.message());
      assertThat(r.reasons()).containsExactly(d.reason());
      assertThat(r.overridden()).isEqualTo(d.overridden().stream().toList());
    }
  }

  /**
   * The test policy, with a site rule that deletes every disconnected entry where the built-in
   * rules would remember it as undesired (which it names as overridden).
   */
  private static final class SiteForgetsDisconnects extends DelegatingPolicy {
    SiteForgetsDisconnects() {
      super(POLICY);
    }

    @Override
    public EntryPlan planEntries(EntryEvent event, DecisionContext context) {
      EntryPlan builtin = policy.planEntries(event, context);
      if (event.kind() != EntryEvent.Kind.DISCONNECT) {
        return builtin;
      }
      return new EntryPlan(event.entries().stream().collect(Collectors.toMap(
          t -> t.entry().id(), t -> {
            EntryPlan.Outcome b = builtin.outcome(t.entry().id());
            return b.fate() != Fate.UNDESIRED ? b : new EntryPlan.Outcome(Fate.DELETE,
                "site: forget network", DecisionLayer.CUSTOM_RULE, "comes back on refresh",
                Optional.of(new EntryPlan.Overridden(b.fate(), "lifecycle: remembered")));
          })));
    }
  }
}
