package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.TypeMetaData;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The compiled rules one evaluator runs: the built-in rules, precompiled at build time into the
 * Drools executable model (no DRL is compiled at start-up), plus the user's rule files compiled
 * once when the evaluator is built. One KieBase serves every decision; each decision batch takes
 * its own session from a pool, so nothing is shared between threads but the KieBase and the pool
 * (both thread-safe). A session whose decision failed is never reused: see {@link #giveBack}.
 */
final class RuleBase {
  /** The package of the built-in rules; custom files must use another one. */
  static final String BUILTIN_PACKAGE = "io.snapif.policy.rules";

  // Written by kie-maven-plugin: one line per generated model class, after a version line.
  private static final String MODEL_INDEX = "META-INF/kie/io.snapif/interfaces-policy/drools-model";

  private static final int POOL_SIZE = 2;

  // The rules of declaration-keys.drl derive facts only custom rules read: they run only with
  // a custom file that names one of those facts (a pattern on a type must name it).
  private static final String KEY_RULES = "declaration keys: ";
  private static final Pattern KEY_FACTS = Pattern.compile("\\b(Alternative|KeyMatch|Mismatch)\\b");

  private final KieBase kieBase;
  private volatile Pool pool;
  private final boolean custom;
  private final List<String> files; // the custom rule files' names, in order

  private RuleBase(KieBase kieBase, List<String> files) {
    this.kieBase = kieBase;
    this.pool = new Pool(kieBase.newKieSessionsPool(POOL_SIZE));
    this.custom = !files.isEmpty();
    this.files = files;
  }

  /** The built-in rules alone. */
  static RuleBase builtin() {
    return new RuleBase(Builtin.KIE_BASE, List.of());
  }

  /**
   * The built-in rules but those named in {@code leftOut}, and {@code sources}.
   *
   * @throws RuleCompilationException if a source does not compile, claims the built-in rules'
   *     package, defines a rule whose name a built-in rule or an earlier rule already has, or
   *     does not merge into one rule base with the built-in rules and the sources before it; it
   *     carries every problem of every source ({@link #compile}, {@link #merge})
   * @throws IllegalArgumentException if {@code leftOut} names no built-in rule
   */
  static RuleBase withCustom(List<RuleSource> sources, Set<String> leftOut) {
    return withCustom(sources, leftOut, null, null);
  }

  /**
   * Like {@link #withCustom(List, Set)}, taking the compiled custom rules from {@code cache}
   * under {@code ruleSetId} (the id of exactly these sources and {@code leftOut}) when it has
   * them, and putting them there when it has not and they compile and merge; {@code cache}
   * null: no cache.
   */
  static RuleBase withCustom(List<RuleSource> sources, Set<String> leftOut, RuleBaseCache cache,
      String ruleSetId) {
    if (sources.isEmpty() && leftOut.isEmpty()) {
      return builtin();
    }
    List<String> names = sources.stream().map(RuleSource::name).toList();
    // A cached entry was compiled from sources with this id, and is only written once they have
    // passed the checks of compile and merged: merged in one step here, the hot path.
    List<KiePackage> cached = cache == null ? null : cache.load(ruleSetId).orElse(null);
    if (cached != null) {
      KieBase base = builtinBase(sources, leftOut);
      try {
        ((InternalKnowledgeBase) base).addPackages(cached);
        return new RuleBase(base, names);
      } catch (RuntimeException | LinkageError e) {
        // not mergeable after all: compiled anew below, which names the file at fault
      }
    }
    Compiled compiled = compile(sources);
    byte[] entry = cache != null && compiled.sound()
        ? cache.serialize(ruleSetId, compiled.packages()) // before merge wires them to a KieBase
        : null;
    KieBase base = builtinBase(sources, leftOut);
    List<RuleProblem> problems = merge(base, sources, compiled,
        () -> builtinBase(sources, leftOut));
    if (!problems.isEmpty()) {
      throw new RuleCompilationException(problems);
    }
    if (entry != null) {
      cache.write(ruleSetId, entry);
    }
    return new RuleBase(base, names);
  }

  /** A new KieBase of the built-in rules but {@code leftOut}, for {@code sources} to join. */
  private static KieBase builtinBase(List<RuleSource> sources, Set<String> leftOut) {
    boolean keyFacts = sources.stream().anyMatch(s -> KEY_FACTS.matcher(s.text()).find());
    KieBase base = KieBaseBuilder.createKieBaseFromModel(
        keyFacts ? BuiltinModels.MODELS : BuiltinModels.WITHOUT_KEY_RULES);
    for (String rule : leftOut) {
      if (!BuiltinModels.NAMES.contains(rule)) {
        throw new IllegalArgumentException("no built-in rule \"" + rule + "\"");
      }
      if (base.getRule(BUILTIN_PACKAGE, rule) != null) {
        base.removeRule(BUILTIN_PACKAGE, rule);
      }
    }
    return base;
  }

  /**
   * Adds the packages of each sound source of {@code compiled} to {@code base}, source by source,
   * and returns every problem of every source in their order: those of {@link #compile}, and a
   * {@link RuleProblem.Kind#MERGE_CONFLICT} for a source that declares a type or global an
   * earlier one declares otherwise (not merged), or whose packages Drools cannot merge with what
   * is already there (a fact class declared with other attributes than the built-in rules
   * give it, ...). Drools may have changed {@code base} halfway when it fails, so the sources
   * after that one are merged into a {@code fresh} base of the built-in rules with the sources
   * merged before, to find their own problems too; {@code base} is then no longer of use.
   */
  private static List<RuleProblem> merge(KieBase base, List<RuleSource> sources,
      Compiled compiled, Supplier<KieBase> fresh) {
    List<RuleProblem> problems = new ArrayList<>();
    Map<String, Declared> declared = new HashMap<>(); // types and globals of the merged sources
    List<RuleSource> merged = new ArrayList<>();
    KieBase into = base;
    for (int i = 0; i < sources.size(); i++) {
      problems.addAll(compiled.problems().get(i));
      List<KiePackage> own = compiled.bySource().get(i);
      if (own.isEmpty()) {
        continue;
      }
      // Drools says little of these (a NullPointerException, "PKG cannot be integrated"):
      // found first, they leave the base as it was, and the sources after are merged.
      Map<String, Declared> before = Map.copyOf(declared);
      RuleProblem clash = clash(sources.get(i), own, declared);
      if (clash != null) {
        problems.add(clash);
        continue;
      }
      try {
        ((InternalKnowledgeBase) into).addPackages(own);
        merged.add(sources.get(i));
      } catch (RuntimeException | LinkageError e) {
        problems.add(mergeProblem(sources.get(i), e, !merged.isEmpty()));
        declared.clear();
        declared.putAll(before);
        // Packages once added belong to their base: those merged before are compiled again.
        into = fresh.get();
        ((InternalKnowledgeBase) into).addPackages(compile(merged).packages());
      }
    }
    return problems;
  }

  /** A type or global of a merged source: what it is, and the source's name. */
  private record Declared(String what, String file) {}

  /**
   * The first type (by name) or global (by name) of {@code packages} that an earlier source
   * declared otherwise, as a problem of {@code source}; null if none, and then they are added
   * to {@code declared}.
   */
  private static RuleProblem clash(RuleSource source, List<KiePackage> packages,
      Map<String, Declared> declared) {
    Map<String, Declared> own = new HashMap<>();
    for (KiePackage p : packages) {
      for (FactType type : p.getFactTypes()) {
        String fields = type.getFields().stream()
            .map(f -> f.getName() + ": " + f.getType().getSimpleName())
            .collect(Collectors.joining(", ", "[", "]"));
        Declared earlier = declared.get("type " + type.getName());
        if (earlier != null && !earlier.what().equals(fields)) {
          String simple = type.getSimpleName();
          return new RuleProblem(RuleProblem.Kind.MERGE_CONFLICT, source.name(),
              lineOfDeclare(source.text(), simple),
              "type " + type.getName() + " is declared with fields " + fields + " here but with "
              + earlier.what() + " in " + earlier.file() + "; a type must be declared the same"
              + " way in every file");
        }
        own.put("type " + type.getName(), new Declared(fields, source.name()));
      }
      for (org.kie.api.definition.rule.Global global : p.getGlobalVariables()) {
        String key = "global " + p.getName() + "." + global.getName();
        Declared earlier = declared.get(key);
        if (earlier != null && !earlier.what().equals(global.getType())) {
          return new RuleProblem(RuleProblem.Kind.MERGE_CONFLICT, source.name(),
              lineOf(source.text(), Pattern.compile("(?m)^[ \\t]*global\\s+[\\w$.<>, ]+\\s"
                  + Pattern.quote(global.getName()) + "\\b")),
              "global " + global.getName() + " of package " + p.getName() + " is a "
              + global.getType() + " here but a " + earlier.what() + " in " + earlier.file()
              + "; a global must have one type in every file of its package");
        }
        own.put(key, new Declared(global.getType(), source.name()));
      }
    }
    own.forEach(declared::putIfAbsent);
    return null;
  }

  private static RuleProblem mergeProblem(RuleSource source, Throwable e, boolean after) {
    String cause = e.getMessage() != null ? e.getMessage().trim() : e.toString();
    // Drools names the type it could not merge ('PairCheck'): point at its declare.
    Matcher type = QUOTED_NAME.matcher(cause);
    int line = type.find()
        ? lineOfDeclare(source.text(), type.group(1).replaceAll(".*\\.", "")) : 0;
    return new RuleProblem(RuleProblem.Kind.MERGE_CONFLICT, source.name(), line,
        "does not merge into one rule base with the built-in rules"
        + (after ? " and the files before it" : "") + ": " + cause
        + " (does a declare change a type the rules before it use?)");
  }

  private static final Pattern QUOTED_NAME = Pattern.compile("'([\\w$.]+)'");

  /**
   * {@code failure} of the empty decision of custom {@code sources} as a problem of the source
   * that defines the rule at fault ({@link RuleExecutionException#rule()}), at its line; of the
   * first source, without a line, when no source defines it.
   */
  static RuleProblem executionProblem(List<RuleSource> sources, RuleExecutionException failure) {
    String message = "a decision without any fact fails, so every decision would: "
        + failure.getMessage();
    if (failure.rule().isPresent()) {
      for (RuleSource source : sources) {
        int line = lineOfRule(source.text(), failure.rule().get());
        if (line > 0) {
          return new RuleProblem(RuleProblem.Kind.EXECUTION_FAILURE, source.name(), line,
              message);
        }
      }
    }
    return new RuleProblem(RuleProblem.Kind.EXECUTION_FAILURE, sources.get(0).name(), 0,
        message);
  }

  /**
   * What compiling custom sources gave, source by source: the packages of each (none for one
   * with problems), and its problems.
   */
  record Compiled(List<List<KiePackage>> bySource, List<List<RuleProblem>> problems) {
    /** Whether no source has a problem. */
    boolean sound() {
      return problems.stream().allMatch(List::isEmpty);
    }

    /** The packages of every source, in their order. */
    List<KiePackage> packages() {
      return bySource.stream().flatMap(List::stream).toList();
    }
  }

  /**
   * Compiles {@code sources} against the built-in rules and collects every problem, not only
   * the first: compile errors (each with its line), rules in the built-in package, and rule
   * names that a built-in rule or an earlier rule (of any source) already has. A source with
   * problems adds no packages. Each source is compiled on its own: whether they merge with the
   * built-in rules and with each other is {@link #merge}'s to find.
   */
  static Compiled compile(List<RuleSource> sources) {
    List<List<KiePackage>> packages = new ArrayList<>();
    List<List<RuleProblem>> problems = new ArrayList<>();
    // A later rule of the same name would silently replace an earlier one, and messages name
    // rules by name alone: names must be unique across the built-in rules and every file.
    Map<String, Integer> definedIn = new HashMap<>(); // by the index of its source; -1 built-in
    BuiltinModels.NAMES.forEach(name -> definedIn.put(name, -1));
    for (int i = 0; i < sources.size(); i++) {
      RuleSource source = sources.get(i);
      List<RuleProblem> own = new ArrayList<>();
      List<KiePackage> compiled = compileOne(source, own);
      for (KiePackage p : compiled) {
        for (Rule r : p.getRules()) {
          Integer other = definedIn.putIfAbsent(r.getName(), i);
          if (other != null) {
            String where = other == i ? "earlier in this file"
                : other < 0 ? "in the built-in rules" : "in " + sources.get(other).name();
            own.add(new RuleProblem(RuleProblem.Kind.DUPLICATE_RULE, source.name(),
                lineOfRule(source.text(), r.getName()), "rule \"" + r.getName()
                + "\" is also defined " + where + "; rule names must be unique"));
          }
        }
      }
      packages.add(own.isEmpty() ? compiled : List.of());
      problems.add(own);
    }
    return new Compiled(packages, problems);
  }

  private static List<KiePackage> compileOne(RuleSource source, List<RuleProblem> problems) {
    // A stand-alone builder: one made on a KieBase adds what it compiles to that KieBase, and
    // the built-in one is shared by every evaluator.
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    builder.add(ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
        .setSourcePath(source.name()), ResourceType.DRL);
    if (builder.hasErrors()) {
      for (KnowledgeBuilderError error : builder.getErrors()) {
        int[] lines = error.getLines();
        int line = lines.length > 0 && lines[0] > 0 ? lines[0] : 0;
        String message = error.getMessage().trim();
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
          Matcher expression = EXPRESSION.matcher(message);
          problems.add(new RuleProblem(RuleProblem.Kind.UNKNOWN_PROPERTY, source.name(), line,
              unknown.group(1) + " has no property \"" + unknown.group(2) + "\""
              + (expression.find() ? " (in " + expression.group(1).trim() + ")" : "")));
        } else {
          problems.add(new RuleProblem(RuleProblem.Kind.COMPILE_ERROR, source.name(), line,
              message));
        }
      }
      return List.of();
    }
    List<KiePackage> packages = new ArrayList<>(builder.getKnowledgePackages());
    for (KiePackage p : packages) {
      if (p.getName().equals(BUILTIN_PACKAGE) && !p.getRules().isEmpty()) {
        problems.add(new RuleProblem(RuleProblem.Kind.BUILTIN_PACKAGE, source.name(),
            lineOf(source.text(), PACKAGE_LINE), "custom rules must not be in package "
            + BUILTIN_PACKAGE + ", which holds the built-in rules; use a package of your own"));
        return List.of();
      }
    }
    return packages;
  }

  // Drools (MVEL, strict mode) says a pattern's property is unknown in these words.
  private static final Pattern UNKNOWN_PROPERTY = Pattern.compile(
      "unable to resolve method using strict-mode: (?:[\\w$]+\\.)*([\\w$]+)\\.(\\w+)\\(\\)");
  private static final Pattern EXPRESSION = Pattern.compile(
      "^Unable to Analyse Expression (.*):$", Pattern.MULTILINE);
  private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^[ \\t]*package\\s");

  /** The line where rule {@code name} starts in {@code text} (Drools keeps no rule lines). */
  private static int lineOfRule(String text, String name) {
    String quoted = Pattern.quote(name);
    return lineOf(text, Pattern.compile(
        "(?m)^[ \\t]*rule\\s+(\"" + quoted + "\"|'" + quoted + "'|" + quoted + "\\s)"));
  }

  /** The line of the {@code declare} of type {@code simpleName} in {@code text}; 0 if none. */
  private static int lineOfDeclare(String text, String simpleName) {
    return lineOf(text, Pattern.compile(
        "(?m)^[ \\t]*declare\\s+(?:[\\w$]+\\.)*" + Pattern.quote(simpleName) + "\\b"));
  }

  /** The 1-based line of the first match of {@code pattern}; 0 if none. */
  private static int lineOf(String text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < m.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Every rule of this rule base: the custom ones with their files, then the built-in ones. */
  List<PolicyRule> rules() {
    List<PolicyRule> custom = new ArrayList<>();
    List<PolicyRule> builtin = new ArrayList<>();
    for (KiePackage p : kieBase.getKiePackages()) {
      for (Rule r : p.getRules()) {
        boolean isBuiltin = p.getName().equals(BUILTIN_PACKAGE);
        (isBuiltin ? builtin : custom).add(new PolicyRule(r.getName(),
            isBuiltin ? BUILTIN_FILE : sourceOf(r), isBuiltin));
      }
    }
    builtin.sort(Comparator.comparing(PolicyRule::name));
    custom.sort(Comparator.comparing((PolicyRule r) -> files.indexOf(r.file()))
        .thenComparing(PolicyRule::name));
    custom.addAll(builtin);
    return custom;
  }

  /** How {@link PolicyRule#file()} names the built-in rules. */
  static final String BUILTIN_FILE = "built-in";

  private static String sourceOf(Rule rule) {
    if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl
        && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
      return impl.getResource().getSourcePath();
    }
    return "";
  }

  /**
   * This rule base after one empty decision within {@code limits}, so that the classes a session
   * needs are loaded before the first real decision. Custom rules that fire without facts run
   * here: one that throws, or that does not settle, fails the build as it would every decision.
   *
   * @throws RuleExecutionException if a rule fails or the rules do not settle
   */
  RuleBase warmedUp(DecisionSession.Limits limits) {
    if (custom) { // the watchdog only watches once an evaluator asks for it
      FiringWatchdog.watchFor(limits.time().toNanos());
    }
    try (DecisionSession session = new DecisionSession(this, limits)) {
      session.fire();
    }
    return this;
  }

  /** A fresh session for one decision batch; give it back with {@link #giveBack}. */
  Borrowed borrow() {
    while (true) {
      Pool p = pool;
      p.out.incrementAndGet();
      if (!p.retired) {
        try {
          return new Borrowed(p, p.sessions.newKieSession());
        } catch (RuntimeException e) {
          p.returned();
          throw e;
        }
      }
      p.returned(); // replaced meanwhile: take from the new one
    }
  }

  /**
   * Ends a session's use. A {@code sound} one goes back to its pool. One whose decision failed
   * (a halted or interrupted fire may leave it in any state) must never serve another decision;
   * but a pooled session always goes back to its pool when disposed, so that pool is retired
   * first: replaced by a new one and never taken from again, and shut down (which disposes its
   * sessions for good) once the last session out of it is back. Sessions other threads hold go
   * back to the retired pool too and are lost for reuse, which only costs new ones. Failures are
   * rare: a runaway or broken custom rule.
   */
  void giveBack(Borrowed borrowed, boolean sound) {
    Pool p = borrowed.pool();
    if (!sound) {
      synchronized (this) {
        if (pool == p) {
          pool = new Pool(kieBase.newKieSessionsPool(POOL_SIZE));
          p.retired = true;
        }
      }
    }
    try {
      borrowed.session().dispose();
    } finally {
      p.returned();
    }
  }

  /** The sessions of this rule base not disposed for good: pooled ones and ones in use. */
  int liveSessions() {
    return ((InternalKnowledgeBase) kieBase).getKieSessions().size();
  }

  /** Whether user rule files are loaded. */
  boolean hasCustomRules() {
    return custom;
  }

  /** A session and the pool it came from. */
  record Borrowed(Pool pool, KieSession session) {}

  /**
   * A session pool and how many of its sessions are out. Once retired, the thread that brings
   * back its last session shuts it down. Every step is a volatile or atomic access, so a thread
   * that counts itself in after the pool was retired sees it retired, and backs off.
   */
  static final class Pool {
    private final KieSessionsPool sessions;
    private final AtomicInteger out = new AtomicInteger();
    private final AtomicBoolean shut = new AtomicBoolean();
    private volatile boolean retired;

    private Pool(KieSessionsPool sessions) {
      this.sessions = sessions;
    }

    private void returned() {
      // A thread that backs off brings the count to 0 again: shut down once only.
      if (out.decrementAndGet() == 0 && retired && shut.compareAndSet(false, true)) {
        sessions.shutdown();
      }
    }
  }

  /**
   * A rule file's name (for messages), text, and the name its rule set id counts ({@code
   * idName}: a file's own name, without its directory, so that the same rules elsewhere have
   * the same id).
   */
  record RuleSource(String name, String text, String idName) {
    RuleSource(String name, String text) {
      this(name, text, name);
    }
  }

  /** The built-in rule base, made on first use and kept: evaluators without custom rules share it. */
  private static final class Builtin {
    static final KieBase KIE_BASE =
        KieBaseBuilder.createKieBaseFromModel(BuiltinModels.WITHOUT_KEY_RULES);
  }

  /**
   * The built-in executable model, loaded on first use and kept: it is immutable. Apart from
   * {@link Builtin} so that a rule base with custom rules does not make the shared one too.
   */
  private static final class BuiltinModels {
    static final ImmutableList<Model> MODELS = loadModels();
    static final ImmutableList<String> NAMES = MODELS.stream()
        .flatMap(m -> m.getRules().stream()).map(org.drools.model.Rule::getName)
        .collect(ImmutableList.toImmutableList());
    // Built without the key rules rather than built with them and stripped: removing rules
    // from a KieBase costs about 0.1 s of start-up.
    static final ImmutableList<Model> WITHOUT_KEY_RULES = MODELS.stream()
        .map(BuiltinModels::withoutKeyRules).collect(ImmutableList.toImmutableList());

    private static Model withoutKeyRules(Model model) {
      List<org.drools.model.Rule> rules = model.getRules().stream()
          .filter(r -> !r.getName().startsWith(KEY_RULES)).collect(Collectors.toList());
      return new Model() {
        @Override
        public String getName() {
          return model.getName();
        }

        @Override
        public String getPackageName() {
          return model.getPackageName();
        }

        @Override
        public List<Global> getGlobals() {
          return model.getGlobals();
        }

        @Override
        public List<org.drools.model.Rule> getRules() {
          return rules;
        }

        @Override
        public List<Query> getQueries() {
          return model.getQueries();
        }

        @Override
        public List<TypeMetaData> getTypeMetaDatas() {
          return model.getTypeMetaDatas();
        }

        @Override
        public List<EntryPoint> getEntryPoints() {
          return model.getEntryPoints();
        }
      };
    }

    private static ImmutableList<Model> loadModels() {
      ClassLoader loader = RuleBase.class.getClassLoader();
      ImmutableList.Builder<Model> models = ImmutableList.builder();
      try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
        if (in == null) {
          throw new IllegalStateException("the built-in policy rules were not compiled into this"
              + " build (no " + MODEL_INDEX + "; kie-maven-plugin must run)");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String name = line.trim();
          if (name.isEmpty() || name.startsWith("Drools-Model-Version")) {
            continue;
          }
          models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor()
              .newInstance());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot load the built-in policy rules", e);
      }
      return models.build();
    }
  }
}
