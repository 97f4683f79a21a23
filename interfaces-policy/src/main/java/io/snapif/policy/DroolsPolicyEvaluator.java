package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.DeclarationParser;
import io.snapif.manager.Decision;
import io.snapif.manager.Reason;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.policy.RuleBase.RuleSource;
import io.snapif.policy.fact.Check;
import io.snapif.policy.fact.InstallationCheck;
import io.snapif.policy.fact.PairCheck;
import io.snapif.policy.fact.Refusal;
import io.snapif.policy.fact.Verdict;
import io.snapif.spi.AutoConnectPlan;
import io.snapif.spi.AutoConnectRequest;
import io.snapif.spi.ConnectCandidate;
import io.snapif.spi.DecisionContext;
import io.snapif.spi.EntryEvent;
import io.snapif.spi.EntryPlan;
import io.snapif.spi.PolicyEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The policy of snapd 2.57.6 as Drools rules: installation, connection and auto-connection
 * decisions from the base declaration and the snaps' snap-declarations, plus optional custom
 * rule files, each decision with its reasons.
 *
 * <pre>{@code
 * PolicyEvaluator policy = DroolsPolicyEvaluator.builtin();   // snapd's base declaration
 * PolicyEvaluator site = DroolsPolicyEvaluator.builder()
 *     .addRuleFile(Path.of("/etc/snapif/site.drl"))
 *     .build();
 * Decision d = policy.checkConnection(candidate);
 * }</pre>
 *
 * <p>The built-in rules ({@code io/snapif/policy/rules/*.drl}) are compiled into the jar at build
 * time; building an evaluator without custom rules compiles nothing. Custom rule files are DRL in
 * a package of their own over the documented facts of {@link io.snapif.policy.fact}; they add
 * {@link Verdict}s: a custom deny always wins, a custom allow overrides what the declarations deny
 * (not the interface's own auto-connect refusal), and an allowed auto-connection by a custom rule
 * counts as {@code slots-per-plug: 1} unless it is {@link Verdict#allowAll}. Every session holds
 * an {@link io.snapif.policy.fact.Operation}; with custom rules, also the {@link
 * io.snapif.policy.fact.ExistingConnection}s of what the decision touches.
 *
 * <p>Each decision (or, for auto-connect, each snap) runs in its own short-lived session holding
 * only the facts it touches, so its cost depends on the snap and its candidates, not on the size
 * of the system. The evaluator is immutable and thread-safe; sessions are never shared between
 * threads.
 *
 * <p>Custom rules are trusted code: their consequences are Java that can do anything the process
 * can. What the evaluator does guard against is rules that do not settle: a decision that fires
 * more rules than its {@linkplain Builder#firingLimit(int) firing limit}, or fires longer than its
 * {@linkplain Builder#timeLimit(Duration) time limit}, fails with a {@link
 * RuleExecutionException} and decides nothing.
 */
public final class DroolsPolicyEvaluator implements PolicyEvaluator {
  /** Firings a decision batch may use before it counts as a runaway, plus 20 per fact. */
  public static final int DEFAULT_FIRING_LIMIT = 100_000;

  /** The time one decision's rules may fire before they are stopped: 10 seconds. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

  private final Declaration base;
  private final RuleBase rules;
  private final DecisionSession.Limits limits;
  private final AutoConnectPlanner planner;
  private final EntryPlanner entryPlanner;
  private final String ruleSetId;

  private DroolsPolicyEvaluator(Declaration base, RuleBase rules, DecisionSession.Limits limits,
      String ruleSetId) {
    this.base = base;
    this.ruleSetId = ruleSetId;
    this.rules = rules;
    this.limits = limits;
    this.planner = new AutoConnectPlanner(rules, base, limits);
    this.entryPlanner = new EntryPlanner(rules, limits);
    if (rules.hasCustomRules()) { // only custom rules are watched (DecisionSession)
      FiringWatchdog.watchFor(limits.time().toNanos());
    }
  }

  /**
   * The built-in rules over snapd 2.57.6's base declaration, without custom rules. The rules are
   * precompiled; building one takes well under a second from a cold JVM.
   */
  public static DroolsPolicyEvaluator builtin() {
    return builder().build();
  }

  /** A builder, with snapd's base declaration and no custom rules to start with. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether {@code snap} may be installed: each slot, then each plug, against its deciding rule;
   * the first refused one refuses the snap ({@code installation denied by "camera" plug rule of
   * interface "camera"}). A snap without snap-declaration gets snapd's minimal check (the
   * snap-type and on-classic part of the base declaration's slot rules).
   *
   * <p>The rules see the {@link io.snapif.policy.fact.Operation} of {@code context} and, for
   * custom rules, the snap's connections in effect ({@link
   * io.snapif.policy.fact.ExistingConnection}).
   *
   * @throws RuleExecutionException if a rule fails or the rules do not settle (in particular
   *     {@link RuleFiringLimitException} and {@link RuleTimeLimitException})
   */
  @Override
  public Decision checkInstallation(InstalledSnap snap, Device device, DecisionContext context) {
    Objects.requireNonNull(snap, "snap");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(context, "context");
    List<Check> checks = new ArrayList<>();
    for (Slot slot : snap.snap().slots().values()) {
      checks.add(InstallationCheck.forSlot(snap, slot, base, device, checks.size()));
    }
    for (Plug plug : snap.snap().plugs().values()) {
      checks.add(InstallationCheck.forPlug(snap, plug, base, device, checks.size()));
    }
    try (DecisionSession session = new DecisionSession(rules, limits)) {
      new ContextFacts(session, context).snap(snap.name());
      checks.forEach(session::insert);
      session.fire();
      Decisions decisions = new Decisions(session);
      var decision = Decision.builder()
          .kind(CheckKind.INSTALLATION)
          .subject(snap.name());
      List<Refusal> refusals = session.facts(Refusal.class);
      if (!refusals.isEmpty()) {
        Refusal refusal = refusals.stream()
            .min((a, b) -> Integer.compare(a.getVerdict().getCheck().getOrder(),
                b.getVerdict().getCheck().getOrder()))
            .get();
        Check refused = refusal.getVerdict().getCheck();
        return decision.allowed(false)
            .message(refusal.getVerdict().getMessage())
            .addAllReasons(decisions.decision(refused).reasons())
            .build();
      }
      ImmutableList.Builder<Reason> reasons = ImmutableList.builder();
      for (Check check : checks) {
        for (Verdict v : decisions.counted(check)) {
          reasons.add(Decisions.reason(v, check + ": " + v.getMessage() + ": "));
        }
      }
      return decision.allowed(true)
          .message("installation of \"" + snap.name() + "\" allowed")
          .reasons(reasons.build())
          .build();
    }
  }

  /**
   * Whether the plug may be connected to the slot by a manual or gadget connect ({@code
   * connection} rules). snapd skips this check when either snap has no snap-declaration; custom
   * rules still apply then. Attribute constraints and {@code $PLUG()}/{@code $SLOT()} see the
   * candidate's dynamic attributes over its static ones, as snapd's connect task does once the
   * interface hooks have run (auto-connection candidates are checked on static attributes only,
   * as snapd checks them before any hook).
   *
   * <p>The rules see the {@link io.snapif.policy.fact.Operation} of {@code context} and, for
   * custom rules, the connections in effect of the plug's snap and of the slot ({@link
   * io.snapif.policy.fact.ExistingConnection}).
   *
   * @throws IllegalArgumentException if plug and slot have different interfaces
   * @throws RuleExecutionException if a rule fails or the rules do not settle (in particular
   *     {@link RuleFiringLimitException} and {@link RuleTimeLimitException})
   */
  @Override
  public Decision checkConnection(ConnectCandidate candidate, DecisionContext context) {
    Objects.requireNonNull(context, "context");
    PairCheck check = PairCheck.of(CheckKind.CONNECTION, candidate, base, 0);
    try (DecisionSession session = new DecisionSession(rules, limits)) {
      new ContextFacts(session, context).pairs(List.of(check));
      session.insert(check);
      session.fire();
      return new Decisions(session).decision(check);
    }
  }

  /**
   * What auto-connect connects for the snap of {@code request}: per plug its candidate slots,
   * per slot its candidate plugs, each pair checked with the {@code auto-connection} rules and
   * the interface's own check; then snapd's arity rule (all candidates when every allowing rule
   * says {@code slots-per-plug: *}, else a single candidate or nothing) and pairs already in
   * state left alone.
   *
   * <p>The rules see the {@link io.snapif.policy.fact.Operation} of {@code context} and, for
   * custom rules, the connections in effect of the snap and of every candidate pair's plug snap
   * and slot ({@link io.snapif.policy.fact.ExistingConnection}), as they were before this plan.
   *
   * @throws IllegalArgumentException if the request names a plug or slot the snap lacks
   * @throws RuleExecutionException if a rule fails or the rules do not settle (in particular
   *     {@link RuleFiringLimitException} and {@link RuleTimeLimitException})
   */
  @Override
  public AutoConnectPlan planAutoConnect(AutoConnectRequest request, DecisionContext context) {
    return planner.plan(request, Objects.requireNonNull(context, "context"));
  }

  /**
   * What becomes of the state entries a lifecycle event touches, by the rules of {@code
   * lifecycle.drl}: a disconnected automatic connection is remembered as undesired, a manual one
   * deleted; a refresh drops an automatic entry that lost its plug or slot and keeps a manual or
   * gadget one dormant; a removal deletes connections in effect and retires remembered entries.
   * A site rule's {@code EntryFate.custom(...)} overrides the built-in fate.
   *
   * <p>The rules see the {@link io.snapif.policy.fact.Operation} of {@code context}.
   *
   * @throws RuleExecutionException if no rule decides an entry, the fates that count disagree,
   *     a rule fails, or the rules do not settle
   */
  @Override
  public EntryPlan planEntries(EntryEvent event, DecisionContext context) {
    return entryPlanner.plan(event, Objects.requireNonNull(context, "context"));
  }

  /**
   * {@code builtin} for the built-in rules over snapd's base declaration; otherwise {@code
   * sha256:} and the hex digest of what was added or changed: each custom rule file's name and
   * text in the order added, the built-in rules left out, and a base declaration of one's own.
   * A file read from disk counts by its file name without its directory, so the same rules have
   * the same id wherever they lie.
   */
  @Override
  public String ruleSetId() {
    return ruleSetId;
  }

  /** The base declaration this evaluator applies. */
  public Declaration baseDeclaration() {
    return base;
  }

  /**
   * Every rule this evaluator runs: the custom rules in the order of their files (by name within
   * a file), then the built-in rules by name. Rule names are unique, so a name from {@link
   * Builder#onRuleFired(Consumer)} finds its rule here.
   */
  public List<PolicyRule> rules() {
    return rules.rules();
  }

  /**
   * Builds a {@link DroolsPolicyEvaluator}. Not thread-safe; {@link #build()} may be called
   * again after changes.
   */
  public static final class Builder {
    private Declaration base; // null: snapd's, parsed by build()
    private final List<Object> ruleFiles = new ArrayList<>();
    private long firingLimit = DEFAULT_FIRING_LIMIT;
    private final Set<String> withoutBuiltin = new LinkedHashSet<>();
    private Duration timeLimit = DEFAULT_TIME_LIMIT;
    private Path cache; // null: custom rules are compiled by every build()
    private Consumer<String> onRuleFired; // null: no listener on any session

    private Builder() {}

    /**
     * The base declaration; default: snapd 2.57.6's
     * ({@link DeclarationParser#builtinBaseDeclaration()}).
     */
    public Builder baseDeclaration(Declaration base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    /** Adds a custom DRL file, read and compiled by {@link #build()}. */
    public Builder addRuleFile(Path file) {
      ruleFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Adds every custom DRL file of {@code directory} (the regular files named {@code *.drl}
     * whose name does not start with a dot), in the order of their names, as {@link
     * #addRuleFile} would. A directory that does not exist adds nothing: a {@link SitePolicy}
     * with no files has none. The directory is read now: what changes in it later does not
     * change this builder.
     *
     * @throws RuleCompilationException if the directory or one of its rule files cannot be read
     */
    public Builder addRuleDirectory(Path directory) {
      Objects.requireNonNull(directory, "directory");
      for (Path file : SitePolicy.ruleFiles(directory)) {
        ruleFiles.add(read(file));
      }
      return this;
    }

    /**
     * Keeps the compiled custom rules in {@code directory} (created owner-only when first
     * written), one entry per rule set: a later {@link #build()} with the same rules, in this or
     * another process of the same snapif build, reads them instead of compiling them, which
     * takes a fraction of the time. An entry that is missing, stale, corrupt or unreadable is
     * ignored and written anew; one that cannot be written is skipped. Deserializing an entry
     * runs the rules' compiled code: use a directory only this user can write.
     */
    public Builder ruleBaseCache(Path directory) {
      this.cache = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Adds a custom DRL file from the classpath ({@code rules/site.drl}). */
    public Builder addRuleResource(String resource) {
      ruleFiles.add(new RuleSource(Objects.requireNonNull(resource, "resource"), null));
      return this;
    }

    /** Adds custom DRL text under {@code name} (used in error messages). */
    public Builder addRules(String name, String drl) {
      ruleFiles.add(new RuleSource(Objects.requireNonNull(name, "name"),
          Objects.requireNonNull(drl, "drl")));
      return this;
    }

    /**
     * The firings a decision batch may use beyond 20 per fact before it is stopped with a
     * {@link RuleFiringLimitException}; default {@value #DEFAULT_FIRING_LIMIT}.
     */
    public Builder firingLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("firing limit must be positive: " + limit);
      }
      this.firingLimit = limit;
      return this;
    }

    /**
     * Leaves out the built-in rule {@code name}: for tests that show each built-in rule is
     * needed (deleting it must change some outcome).
     */
    Builder withoutBuiltinRule(String name) {
      withoutBuiltin.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * The time the rules of one decision may fire (for auto-connect: one snap's plan), from its
     * first firing to its last; default {@link #DEFAULT_TIME_LIMIT}. Past it a shared watchdog
     * thread halts the session, which stops rules that keep firing, and interrupts the deciding
     * thread, which stops a consequence that sleeps or waits; the decision then fails with a
     * {@link RuleTimeLimitException} naming the rule that was running, and the session is
     * discarded. The watchdog looks every tenth of the limit (at least every 10 ms), so a
     * decision is stopped up to that much late. A consequence that loops in plain Java, without
     * firing rules or checking for interruption, cannot be stopped: custom rules are trusted
     * code. An evaluator without custom rule files is not watched: the built-in rules always
     * settle.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    public Builder timeLimit(Duration limit) {
      Objects.requireNonNull(limit, "limit");
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException("time limit must be positive: " + limit);
      }
      this.timeLimit = limit;
      return this;
    }

    /** Adds a source whose id name differs from its name (a site rule file not written yet). */
    Builder addSource(RuleSource source) {
      ruleFiles.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /**
     * The {@link DroolsPolicyEvaluator#ruleSetId()} that {@link #build()} would give now,
     * without compiling anything: rule files added by path are read for it.
     *
     * @throws RuleCompilationException if a rule file cannot be read
     */
    public String ruleSetId() {
      List<RuleSource> sources = new ArrayList<>();
      for (Object file : ruleFiles) {
        sources.add(read(file));
      }
      return ruleSetId(sources, Set.copyOf(withoutBuiltin));
    }

    /**
     * Tells {@code listener} the name of every rule that fires, built-in or custom, in every
     * decision of the evaluator, on the deciding thread: for rule coverage. The listener must be
     * thread-safe when decisions run on several threads, and quick. Without one, no listener is
     * attached to the sessions at all.
     */
    public Builder onRuleFired(Consumer<String> listener) {
      this.onRuleFired = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Checks the custom rule files added so far without building an evaluator: reads and
     * compiles them all, then merges them into one rule base with the built-in rules as {@link
     * #build()} does, and reports every problem, not only the first ({@link #build()} throws them
     * as one {@link RuleCompilationException}). Problems: a file that cannot be read, compile
     * errors (each with its line; a pattern property its fact lacks is {@link
     * RuleProblem.Kind#UNKNOWN_PROPERTY}), a file in the built-in rules' package, a rule whose
     * name a built-in rule or an earlier rule has, and a file that does not merge with the
     * built-in rules and the files before it ({@link RuleProblem.Kind#MERGE_CONFLICT}: a type or
     * global declared otherwise; the files after it are checked too). Files that build are
     * then run in one decision without facts, as {@link #build()} does: a rule that fires then
     * and throws, or rules that do not settle, are an {@link
     * RuleProblem.Kind#EXECUTION_FAILURE} of the file of the rule at fault.
     *
     * @return the problems, file by file in the order added; empty when {@link #build()} would
     *     build an evaluator of the files
     */
    public List<RuleProblem> check() {
      List<RuleSource> sources = new ArrayList<>();
      List<RuleProblem> problems = new ArrayList<>();
      for (Object file : ruleFiles) {
        try {
          sources.add(read(file));
        } catch (RuleCompilationException e) {
          problems.addAll(e.problems());
        }
      }
      if (!sources.isEmpty()) {
        try {
          // What build() makes, with its empty decision.
          RuleBase.withCustom(sources, Set.copyOf(withoutBuiltin))
              .warmedUp(new DecisionSession.Limits(firingLimit, timeLimit));
        } catch (RuleCompilationException e) {
          problems.addAll(e.problems());
        } catch (RuleExecutionException e) {
          problems.add(RuleBase.executionProblem(sources, e));
        }
      }
      return List.copyOf(problems);
    }

    /**
     * The evaluator.
     *
     * @throws RuleCompilationException if a rule file cannot be read or compiled, uses the
     *     built-in rules' package, or does not merge with the built-in rules and the files
     *     before it (every problem of {@link #check()}); nothing is built then
     * @throws RuleExecutionException if custom rules that fire without any fact fail or do not
     *     settle (an empty decision runs at build time); nothing is built then
     */
    public DroolsPolicyEvaluator build() {
      List<RuleSource> sources = new ArrayList<>();
      for (Object file : ruleFiles) {
        sources.add(read(file));
      }
      // Loading the rules (mostly Drools' classes) and parsing the base declaration take about
      // the same time at start-up: do them side by side.
      Set<String> left = Set.copyOf(withoutBuiltin);
      String id = ruleSetId(sources, left);
      RuleBaseCache cached = cache == null ? null : new RuleBaseCache(cache);
      DecisionSession.Limits limits = new DecisionSession.Limits(firingLimit, timeLimit,
          onRuleFired);
      // The warm-up is no decision: the listener does not hear it.
      FutureTask<RuleBase> rules = new FutureTask<>(() -> RuleBase.withCustom(sources, left,
          cached, id).warmedUp(new DecisionSession.Limits(firingLimit, timeLimit)));
      Thread loader = new Thread(rules, "snapif-policy-rules");
      loader.setDaemon(true);
      loader.start();
      Declaration declaration = base != null ? base : DeclarationParser.builtinBaseDeclaration();
      try {
        return new DroolsPolicyEvaluator(declaration, rules.get(), limits, id);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException("cannot load the policy rules", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading the policy rules", e);
      }
    }

    private String ruleSetId(List<RuleSource> sources, Set<String> left) {
      if (sources.isEmpty() && left.isEmpty() && base == null) {
        return "builtin";
      }
      MessageDigest digest = PrivateFiles.sha256();
      // Each part is length-prefixed so that no two different inputs give the same bytes.
      Consumer<String> part = text -> {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
      };
      for (RuleSource source : sources) {
        part.accept("rules");
        part.accept(source.idName());
        part.accept(source.text());
      }
      for (String rule : new TreeSet<>(left)) {
        part.accept("without");
        part.accept(rule);
      }
      if (base != null) {
        part.accept("base-declaration");
        part.accept(base.toString());
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static RuleSource read(Object file) {
      if (file instanceof Path path) {
        try {
          return new RuleSource(path.toString(), Files.readString(path, StandardCharsets.UTF_8),
              String.valueOf(path.getFileName()));
        } catch (IOException e) {
          throw new RuleCompilationException(path.toString(), 0, "cannot read: " + e);
        }
      }
      RuleSource source = (RuleSource) file;
      if (source.text() != null) {
        return source;
      }
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = DroolsPolicyEvaluator.class.getClassLoader();
      }
      try (InputStream in = loader.getResourceAsStream(source.name())) {
        if (in == null) {
          throw new RuleCompilationException(source.name(), 0, "no such classpath resource");
        }
        return new RuleSource(source.name(), new String(in.readAllBytes(),
            StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new RuleCompilationException(source.name(), 0, "cannot read: " + e);
      }
    }
  }
}
