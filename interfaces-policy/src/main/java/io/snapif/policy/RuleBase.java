package io.snapif.policy;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
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
 * (both thread-safe).
 */
final class RuleBase {
  /** The package of the built-in rules; custom files must use another one. */
  static final String BUILTIN_PACKAGE = "io.snapif.policy.rules";

  // Written by kie-maven-plugin: one line per generated model class, after a version line.
  private static final String MODEL_INDEX = "META-INF/kie/io.snapif/interfaces-policy/drools-model";

  private final KieSessionsPool pool;
  private final boolean custom;

  private RuleBase(KieBase kieBase, boolean custom) {
    this.pool = kieBase.newKieSessionsPool(2);
    this.custom = custom;
  }

  /** The built-in rules alone. */
  static RuleBase builtin() {
    return new RuleBase(Builtin.KIE_BASE, false);
  }

  /**
   * The built-in rules but those named in {@code leftOut}, and {@code sources}.
   *
   * @throws RuleCompilationException for the first source that does not compile, or that
   *     defines a rule whose name a built-in rule or an earlier rule already has
   * @throws IllegalArgumentException if {@code leftOut} names no built-in rule
   */
  static RuleBase withCustom(List<RuleSource> sources, Set<String> leftOut) {
    if (sources.isEmpty() && leftOut.isEmpty()) {
      return builtin();
    }
    List<KiePackage> packages = new ArrayList<>();
    // A later rule of the same name would silently replace an earlier one, and messages name
    // rules by name alone: names must be unique across the built-in rules and every file.
    Map<String, String> definedIn = new HashMap<>();
    for (KiePackage p : Builtin.KIE_BASE.getKiePackages()) {
      p.getRules().forEach(r -> definedIn.put(r.getName(), "the built-in rules"));
    }
    for (RuleSource source : sources) {
      List<KiePackage> compiled = compile(source);
      for (KiePackage p : compiled) {
        for (Rule r : p.getRules()) {
          String other = definedIn.putIfAbsent(r.getName(), source.name());
          if (other != null) {
            throw new RuleCompilationException(source.name(), 0, "rule \"" + r.getName()
                + "\" is also defined in " + other + "; rule names must be unique");
          }
        }
      }
      packages.addAll(compiled);
    }
    KieBase base = KieBaseBuilder.createKieBaseFromModel(Builtin.MODELS);
    for (String rule : leftOut) {
      if (base.getRule(BUILTIN_PACKAGE, rule) == null) {
        throw new IllegalArgumentException("no built-in rule \"" + rule + "\"");
      }
      base.removeRule(BUILTIN_PACKAGE, rule);
    }
    ((InternalKnowledgeBase) base).addPackages(packages);
    return new RuleBase(base, !sources.isEmpty());
  }

  private static List<KiePackage> compile(RuleSource source) {
    // A stand-alone builder: one made on a KieBase adds what it compiles to that KieBase, and
    // the built-in one is shared by every evaluator.
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    builder.add(ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8))
        .setSourcePath(source.name()), ResourceType.DRL);
    if (builder.hasErrors()) {
      KnowledgeBuilderError error = builder.getErrors().iterator().next();
      int[] lines = error.getLines();
      int line = lines.length > 0 && lines[0] > 0 ? lines[0] : 0;
      String more = builder.getErrors().size() > 1
          ? " (and " + (builder.getErrors().size() - 1) + " more problems)"
          : "";
      throw new RuleCompilationException(source.name(), line,
          error.getMessage().trim() + more);
    }
    List<KiePackage> packages = new ArrayList<>(builder.getKnowledgePackages());
    for (KiePackage p : packages) {
      if (p.getName().equals(BUILTIN_PACKAGE) && !p.getRules().isEmpty()) {
        throw new RuleCompilationException(source.name(), 0, "custom rules must not be in package "
            + BUILTIN_PACKAGE + ", which holds the built-in rules; use a package of your own");
      }
    }
    return packages;
  }

  /**
   * This rule base after one empty decision, so that the classes a session needs are loaded
   * before the first real decision.
   */
  RuleBase warmedUp() {
    KieSession session = newSession();
    try {
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return this;
  }

  /** A fresh session for one decision batch; dispose it (returns it to the pool). */
  KieSession newSession() {
    return pool.newKieSession();
  }

  /** Whether user rule files are loaded. */
  boolean hasCustomRules() {
    return custom;
  }

  /** A rule file's name (for messages) and text. */
  record RuleSource(String name, String text) {}

  /** The built-in executable model, loaded on first use and kept: it is immutable. */
  private static final class Builtin {
    static final ImmutableList<Model> MODELS = loadModels();
    static final KieBase KIE_BASE = KieBaseBuilder.createKieBaseFromModel(MODELS);

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
