package io.snapif.policy;

import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.snap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.collect.ImmutableMap;
import io.snapif.manager.DecisionLayer;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.Operation;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.InstalledSnap;
import io.snapif.model.SnapType;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.DecisionContext.Mode;
import io.snapif.spi.DecisionContext.OperationKind;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code lifecycle.drl} through a real manager: what disconnect, refresh and removal
 * make of state entries, as snapd 2.57.6 does. Every rule of the file is needed: leaving any one
 * out changes an outcome of {@link #lifecycle}.
 */
class LifecycleRulesTest {
  /** The source (the build compiles the DRL into classes and leaves the text out of the jar). */
  private static final Path LIFECYCLE_DRL =
      Path.of("src/main/resources/io/snapif/policy/rules/lifecycle.drl");

  private static InstalledSnap vlc(String... plugs) {
    var spec = app("vlc");
    for (String plug : plugs) {
      spec.plug(plug, plug);
    }
    return spec.build();
  }

  private static InstalledSnap snapd(boolean withCoreSupport) {
    var spec = snap("snapd", SnapType.SNAPD).publisher("canonical");
    if (withCoreSupport) {
      spec.plug("core-support", "core-support");
    }
    return spec.build();
  }

  /** Entry flags by id: {@code auto}, {@code manual}, plus {@code ,undesired}. */
  private static Map<String, String> flags(InterfaceManager m) {
    Map<String, String> out = new TreeMap<>();
    for (Connection c : m.connections().values()) {
      out.put(c.id().toString(), (c.auto() ? "auto" : "manual")
          + (c.byGadget() ? ",gadget" : "") + (c.undesired() ? ",undesired" : ""));
    }
    return out;
  }

  private static Operation disconnect(String plug, String slot, boolean forget) {
    String[] p = plug.split(":");
    String[] s = slot.split(":");
    return new Operation.Disconnect(p[0], p[1], Optional.of(s[0]), Optional.of(s[1]), forget);
  }

  private static Operation connect(String plug, String slot) {
    String[] p = plug.split(":");
    String[] s = slot.split(":");
    return new Operation.Connect(p[0], p[1], Optional.of(s[0]), Optional.of(s[1]));
  }

  /**
   * A lifecycle on classic that meets every rule of lifecycle.drl, asserting snapd's outcome at
   * each step. Fails (an assertion, or the manager refusing an undecided entry) when a rule is
   * missing.
   */
  static void lifecycle(PolicyEvaluator policy) {
    InterfaceManager m = InterfaceManager.builder().policy(policy).build();
    m.apply(new Operation.Install(vlc("network", "home", "camera")));
    assertThat(flags(m)).containsOnly(
        Map.entry("vlc:home core:home", "auto"), Map.entry("vlc:network core:network", "auto"));

    // disconnect: auto -> undesired; manual -> deleted; --forget -> deleted
    m.apply(disconnect("vlc:network", "core:network", false));
    m.apply(connect("vlc:camera", "core:camera"));
    m.apply(disconnect("vlc:camera", "core:camera", false));
    m.apply(disconnect("vlc:home", "core:home", true));
    assertThat(flags(m)).containsOnly(Map.entry("vlc:network core:network", "auto,undesired"));

    // refresh without network and camera: the undesired entry and the manual one stay
    m.apply(connect("vlc:camera", "core:camera"));
    m.apply(new Operation.Refresh(vlc("home")));
    assertThat(flags(m)).containsOnly(
        Map.entry("vlc:camera core:camera", "manual"),
        Map.entry("vlc:home core:home", "auto"),
        Map.entry("vlc:network core:network", "auto,undesired"));
    // refresh without home: the automatic entry is dropped; camera is back in effect
    m.apply(new Operation.Refresh(vlc("network", "camera")));
    assertThat(flags(m)).containsOnly(
        Map.entry("vlc:camera core:camera", "manual"),
        Map.entry("vlc:network core:network", "auto,undesired"));

    // an automatic core-support entry survives losing its plug
    m.apply(new Operation.Install(snapd(true)));
    ConnectionId coreSupport = ConnectionId.parse("snapd:core-support core:core-support");
    m.apply(new Operation.ImportConnections(ImmutableMap.of(coreSupport, Connection.builder()
        .id(coreSupport).iface("core-support").auto(true).build())));
    m.apply(new Operation.Refresh(snapd(false)));
    assertThat(flags(m)).containsEntry(coreSupport.toString(), "auto");

    // removal deletes the connection in effect and retires the undesired entry: a reinstall
    // before the manager closes stays disconnected from network, and camera is not connected
    m.apply(new Operation.Remove("vlc"));
    assertThat(flags(m)).doesNotContainKeys(
        "vlc:camera core:camera", "vlc:network core:network");
    m.apply(new Operation.Install(vlc("network", "camera")));
    assertThat(flags(m)).containsEntry("vlc:network core:network", "auto,undesired")
        .doesNotContainKey("vlc:camera core:camera");
  }

  @Test
  void builtinRules_giveSnapdsOutcomes() {
    lifecycle(DroolsPolicyEvaluator.builtin());
  }

  @Test
  void everyLifecycleRule_isNeeded() throws IOException {
    List<String> rules = ruleNames(LIFECYCLE_DRL);
    assertThat(rules).hasSize(9);
    List<String> notNeeded = new ArrayList<>();
    for (String rule : rules) {
      PolicyEvaluator without = DroolsPolicyEvaluator.builder().withoutBuiltinRule(rule).build();
      try {
        lifecycle(without);
        notNeeded.add(rule);
      } catch (AssertionError | RuntimeException expected) {
        // the lifecycle noticed the missing rule
      }
    }
    assertThat(notNeeded).as("rules whose removal changes no outcome").isEmpty();
  }

  @Test
  void withoutARule_theEntryIsUndecided_andNothingChanges() {
    PolicyEvaluator without = DroolsPolicyEvaluator.builder()
        .withoutBuiltinRule("lifecycle: a disconnected manual connection is deleted").build();
    InterfaceManager m = InterfaceManager.builder().policy(without).build();
    m.apply(new Operation.Install(vlc("camera")));
    m.apply(connect("vlc:camera", "core:camera"));

    failsAndChangesNothing(m, disconnect("vlc:camera", "core:camera", false))
        .isInstanceOf(RuleExecutionException.class)
        .hasMessage("no policy rule decided the fate of the disconnect of state entry"
            + " vlc:camera core:camera");
  }

  // The site rule of docs/custom-rules.md's lifecycle example.
  private static final String FORGET_NETWORK = """
      rule "site: disconnects of network are not remembered"
      when
        $e : TouchedEntry(event == Kind.DISCONNECT, iface == "network")
      then
        insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.DELETE,
            "network comes back on the next refresh"));
      end
      """;

  @Test
  void siteRule_canForgetDisconnectsOfAnInterface() {
    PolicyEvaluator policy = siteRules(FORGET_NETWORK);
    InterfaceManager m = InterfaceManager.builder().policy(policy).build();
    m.apply(new Operation.Install(vlc("network", "home")));

    m.apply(disconnect("vlc:network", "core:network", false));
    m.apply(disconnect("vlc:home", "core:home", false));
    assertThat(flags(m)).containsOnly(Map.entry("vlc:home core:home", "auto,undesired"));

    m.apply(new Operation.Refresh(vlc("network", "home")));
    assertThat(flags(m)).containsOnly(
        Map.entry("vlc:home core:home", "auto,undesired"),
        Map.entry("vlc:network core:network", "auto"));
  }

  @Test
  void theDecidingRulesLayer_tellsASiteRulesFateFromABuiltinOne() {
    PolicyEvaluator policy = siteRules(FORGET_NETWORK);
    List<io.snapif.spi.DecisionRecord> logged = new ArrayList<>();
    InterfaceManager m = InterfaceManager.builder().policy(policy).decisionLog(logged::addAll)
        .build();
    m.apply(new Operation.Install(vlc("network", "home")));
    logged.clear();

    m.apply(disconnect("vlc:network", "core:network", false));
    m.apply(disconnect("vlc:home", "core:home", false));

    assertThat(logged).extracting(r -> r.subject() + " " + r.verdict().orElseThrow().layer()
            + " " + r.verdict().orElseThrow().rule() + ": " + r.verdict().orElseThrow().detail())
        .containsExactly(
            "vlc:network core:network CUSTOM_RULE site: disconnects of network are not"
                + " remembered: network comes back on the next refresh",
            "vlc:home core:home LIFECYCLE lifecycle: a disconnected automatic connection is"
                + " remembered as undesired: automatic connection, in effect");
  }

  @Test
  void aSiteRulesFate_namesTheBuiltinFateItOverrode_aBuiltinFateNone() {
    PolicyEvaluator policy = siteRules(FORGET_NETWORK);
    Connection network = Connection.builder().id(ConnectionId.parse("vlc:network core:network"))
        .iface("network").auto(true).build();
    Connection home = Connection.builder().id(ConnectionId.parse("vlc:home core:home"))
        .iface("home").auto(true).build();
    EntryEvent disconnect = new EntryEvent(EntryEvent.Kind.DISCONNECT, "vlc", false, List.of(
        new EntryEvent.Touched(network, true, true, true),
        new EntryEvent.Touched(home, true, true, true)));

    EntryPlan plan = policy.planEntries(disconnect,
        DecisionContext.of(OperationKind.DISCONNECT, Mode.COMMIT));

    EntryPlan.Outcome forgotten = plan.outcome(network.id());
    assertThat(forgotten.fate()).isEqualTo(EntryPlan.Fate.DELETE);
    assertThat(forgotten.layer()).isEqualTo(DecisionLayer.CUSTOM_RULE);
    assertThat(forgotten.overridden()).contains(new EntryPlan.Overridden(
        EntryPlan.Fate.UNDESIRED,
        "lifecycle: a disconnected automatic connection is remembered as undesired"));
    assertThat(forgotten.overridden().orElseThrow().layer()).isEqualTo(DecisionLayer.LIFECYCLE);
    EntryPlan.Outcome remembered = plan.outcome(home.id());
    assertThat(remembered.fate()).isEqualTo(EntryPlan.Fate.UNDESIRED);
    assertThat(remembered.layer()).isEqualTo(DecisionLayer.LIFECYCLE);
    assertThat(remembered.overridden()).isEmpty();
  }

  @Test
  void aSiteRuleThatGivesTheBuiltinFate_stillOverridesIt_asACustomVerdictDoes() {
    PolicyEvaluator policy = siteRules("""
        rule "site: manual disconnects are deleted"
        when $e : TouchedEntry(event == Kind.DISCONNECT, auto == false)
        then insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.DELETE, "x"));
        end
        """);
    List<io.snapif.spi.DecisionRecord> logged = new ArrayList<>();
    InterfaceManager m = InterfaceManager.builder().policy(policy).decisionLog(logged::addAll)
        .build();
    m.apply(new Operation.Install(vlc("camera")));
    m.apply(connect("vlc:camera", "core:camera"));
    logged.clear();

    m.apply(disconnect("vlc:camera", "core:camera", false));

    io.snapif.spi.DecisionRecord r = logged.get(0);
    assertThat(r.verdict().orElseThrow().rule()).isEqualTo("site: manual disconnects are deleted");
    assertThat(r.entry().orElseThrow().overridden()).contains(EntryPlan.Fate.DELETE);
    assertThat(r.overridden()).extracting(o -> o.rule() + " [" + o.layer() + "]: " + o.detail())
        .containsExactly("lifecycle: a disconnected manual connection is deleted [LIFECYCLE]:"
            + " state entry deleted on disconnect by rule \"lifecycle: a disconnected manual"
            + " connection is deleted\": manual connection, in effect");
  }

  @Test
  void siteRules_thatDisagree_failTheOperation() {
    PolicyEvaluator policy = siteRules("""
        rule "site: keep"
        when $e : TouchedEntry(event == Kind.DISCONNECT)
        then insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.KEEP, ""));
        end

        rule "site: delete"
        when $e : TouchedEntry(event == Kind.DISCONNECT)
        then insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.DELETE, ""));
        end
        """);
    InterfaceManager m = InterfaceManager.builder().policy(policy).build();
    m.apply(new Operation.Install(vlc("network")));

    failsAndChangesNothing(m, disconnect("vlc:network", "core:network", false))
        .isInstanceOf(RuleExecutionException.class)
        .hasMessageStartingWith("policy rules disagree on the fate of the disconnect of state"
            + " entry vlc:network core:network: ")
        .hasMessageContaining("\"site: keep\" says KEEP")
        .hasMessageContaining("\"site: delete\" says DELETE");
  }

  @Test
  void aFateTheEventCannotHave_failsLoudly_andNothingChanges() {
    PolicyEvaluator policy = siteRules("""
        rule "site: retire on disconnect"
        when $e : TouchedEntry(event == Kind.DISCONNECT)
        then insertLogical(EntryFate.custom(drools.getRule().getName(), $e, Fate.RETIRE, ""));
        end
        """);
    InterfaceManager m = InterfaceManager.builder().policy(policy).build();
    m.apply(new Operation.Install(vlc("network")));

    failsAndChangesNothing(m, disconnect("vlc:network", "core:network", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"site: retire on disconnect\" retires vlc:network core:network");
  }

  /** Asserts that {@code op} changes nothing on {@code m}, and returns what it threw. */
  private static AbstractThrowableAssert<?, ? extends Throwable> failsAndChangesNothing(
      InterfaceManager m, Operation op) {
    Map<ConnectionId, Connection> before = new TreeMap<>(m.connections());
    List<InstalledSnap> snaps = m.snaps();
    Throwable thrown = catchThrowable(() -> m.apply(op));
    assertThat(m.connections()).isEqualTo(before);
    assertThat(m.snaps()).isEqualTo(snaps);
    return assertThat(thrown);
  }

  /** An evaluator with site rules {@code rules}, which see the lifecycle facts. */
  private static PolicyEvaluator siteRules(String rules) {
    return DroolsPolicyEvaluator.builder().addRules("site.drl", """
        package site.rules;

        import io.snapif.policy.fact.EntryFate;
        import io.snapif.policy.fact.TouchedEntry;
        import io.snapif.spi.EntryEvent.Kind;
        import io.snapif.spi.EntryPlan.Fate;

        """ + rules).build();
  }

  /** The names of the rules in DRL file {@code path}. */
  private static List<String> ruleNames(Path path) throws IOException {
    String drl = Files.readString(path, StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(drl);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
