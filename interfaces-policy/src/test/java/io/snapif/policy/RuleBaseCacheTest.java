package io.snapif.policy;

import static io.snapif.policy.Fixtures.CLASSIC;
import static io.snapif.policy.Fixtures.app;
import static io.snapif.policy.Fixtures.core;
import static io.snapif.policy.Fixtures.pair;
import static io.snapif.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.manager.Decision;
import io.snapif.model.InstalledSnap;
import io.snapif.policy.RuleBase.RuleSource;
import io.snapif.spi.AutoConnectPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;

/**
 * The rule base cache: an entry decides exactly like the rules compiled afresh, it is used only
 * under its own key, and a bad entry is ignored and written anew.
 */
class RuleBaseCacheTest {
  private static final String DENY_ACME = """
      package site.rules;
      import io.snapif.declaration.CheckKind;
      import io.snapif.policy.fact.PairCheck;
      import io.snapif.policy.fact.Verdict;
      rule "site: no camera for acme"
      when
        $c : PairCheck(kind != CheckKind.INSTALLATION, iface == "camera", plugPublisher == "acme")
      then
        insert(Verdict.deny(drools.getRule().getName(), $c, "acme may not use the camera"));
      end
      """;
  private static final String ALLOW_ACME = """
      package site.rules;
      import io.snapif.declaration.CheckKind;
      import io.snapif.policy.fact.PairCheck;
      import io.snapif.policy.fact.Verdict;
      rule "site: camera for acme"
      when
        $c : PairCheck(kind == CheckKind.AUTO_CONNECTION, iface == "camera",
                       plugPublisher == "acme")
      then
        insert(Verdict.allow(drools.getRule().getName(), $c, "acme is trusted"));
      end
      """;
  private static final InstalledSnap CORE_SNAP = core("camera", "home");
  private static final InstalledSnap ACME_CAM =
      app("cam").publisher("acme").plug("camera", "camera").plug("home", "home").build();
  private static final InstalledSnap OTHER_CAM =
      app("other").publisher("gnome").plug("camera", "camera").build();

  @TempDir Path dir;

  private DroolsPolicyEvaluator evaluator(String drl, Path cache) {
    DroolsPolicyEvaluator.Builder b = DroolsPolicyEvaluator.builder().addRules("site.drl", drl);
    if (cache != null) {
      b.ruleBaseCache(cache);
    }
    return b.build();
  }

  /** What the rules decide about both snaps: connections and auto-connect plans. */
  private static List<Object> decisions(DroolsPolicyEvaluator policy) {
    Decision acme = policy.checkConnection(pair(ACME_CAM, "camera", CORE_SNAP, "camera", CLASSIC));
    Decision other =
        policy.checkConnection(pair(OTHER_CAM, "camera", CORE_SNAP, "camera", CLASSIC));
    AutoConnectPlan acmePlan =
        policy.planAutoConnect(request(ACME_CAM, List.of(ACME_CAM, CORE_SNAP), CLASSIC));
    return List.of(acme, other, acmePlan.endpoints());
  }

  private static List<Path> entries(Path cache) throws IOException {
    try (var files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".rulebase")).sorted().toList();
    }
  }

  @Test
  void cacheHit_decidesExactlyLikeAFreshCompile() throws IOException {
    Path cache = dir.resolve("cache");
    DroolsPolicyEvaluator first = evaluator(DENY_ACME, cache); // compiles, writes the entry
    assertThat(entries(cache)).hasSize(1);
    byte[] written = Files.readAllBytes(entries(cache).get(0));
    DroolsPolicyEvaluator cached = evaluator(DENY_ACME, cache);
    DroolsPolicyEvaluator fresh = evaluator(DENY_ACME, null);

    assertThat(new RuleBaseCache(cache).load(fresh.ruleSetId())).isPresent();
    assertThat(decisions(cached)).isEqualTo(decisions(fresh)).isEqualTo(decisions(first));
    assertThat(((Decision) decisions(cached).get(0)).allowed()).isFalse();
    assertThat(((Decision) decisions(cached).get(1)).allowed()).isTrue();
    // a hit reads the entry and leaves it as it was
    assertThat(Files.readAllBytes(entries(cache).get(0))).isEqualTo(written);
    if (Files.getFileStore(cache).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
          entries(cache).get(0)))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void build_takesTheCompiledRulesFromTheEntryOfItsId() {
    // Proof that build() reads the cache: an entry holding other rules under this id is used.
    Path cache = dir.resolve("cache");
    String id = DroolsPolicyEvaluator.builder().addRules("site.drl", DENY_ACME).ruleSetId();
    List<KiePackage> allow = compiled(ALLOW_ACME);
    store(new RuleBaseCache(cache), id, allow);

    DroolsPolicyEvaluator policy = evaluator(DENY_ACME, cache);

    assertThat(policy.checkConnection(pair(ACME_CAM, "camera", CORE_SNAP, "camera", CLASSIC))
        .allowed()).isTrue();
    assertThat(policy.planAutoConnect(request(ACME_CAM, List.of(ACME_CAM, CORE_SNAP), CLASSIC))
        .connections().toString()).contains("cam:camera");
  }

  @Test
  void rulesThatDoNotMerge_areNotCached_andAnEntryThatDoesNotMergeIsCompiledAnew()
      throws IOException {
    // Compiles alone, does not merge with the built-in rules (@typesafe of a fact class).
    String retype = "package site;\nimport io.snapif.policy.fact.PairCheck;\n"
        + "declare PairCheck\n  @typesafe(false)\nend\n";
    Path cache = dir.resolve("cache");
    assertThatThrownBy(() -> evaluator(retype, cache))
        .isInstanceOf(RuleCompilationException.class);
    assertThat(Files.exists(cache) ? entries(cache) : List.of()).isEmpty();

    // An entry holding such packages under the id of sound rules: those are compiled anew.
    String id = DroolsPolicyEvaluator.builder().addRules("site.drl", DENY_ACME).ruleSetId();
    RuleBaseCache store = new RuleBaseCache(cache);
    store(store, id, RuleBase.compile(List.of(new RuleSource("site.drl", retype))).packages());
    byte[] unmergeable = Files.readAllBytes(store.entry(id));

    DroolsPolicyEvaluator policy = evaluator(DENY_ACME, cache);

    List<Object> fresh = decisions(evaluator(DENY_ACME, null));
    assertThat(decisions(policy)).isEqualTo(fresh);
    // written anew with the sound rules, which the next build takes from the cache
    assertThat(Files.readAllBytes(store.entry(id))).isNotEqualTo(unmergeable);
    assertThat(decisions(evaluator(DENY_ACME, cache))).isEqualTo(fresh);
  }

  @Test
  void corruptOrForeignEntry_isIgnoredAndWrittenAnew() throws IOException {
    Path cache = dir.resolve("cache");
    DroolsPolicyEvaluator fresh = evaluator(DENY_ACME, null);
    RuleBaseCache store = new RuleBaseCache(cache);
    Path entry = store.entry(fresh.ruleSetId());
    List<byte[]> bad = List.of(
        new byte[0],
        "garbage".getBytes(),
        flipped(entryBytes(DENY_ACME, cache)),
        truncated(entryBytes(DENY_ACME, cache)),
        // a whole, sound entry of other rules copied under this id's name: its key differs
        entryBytes(ALLOW_ACME, cache));
    for (byte[] content : bad) {
      Files.createDirectories(cache);
      Files.write(entry, content);
      Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-------"));
      assertThat(store.load(fresh.ruleSetId())).isEmpty();

      DroolsPolicyEvaluator rebuilt = evaluator(DENY_ACME, cache);

      assertThat(decisions(rebuilt)).isEqualTo(decisions(fresh));
      assertThat(store.load(fresh.ruleSetId())).isPresent(); // written anew
    }
  }

  @Test
  void entryOthersMayWrite_isNotRead() throws IOException {
    Path cache = dir.resolve("cache");
    DroolsPolicyEvaluator policy = evaluator(DENY_ACME, cache);
    Path entry = new RuleBaseCache(cache).entry(policy.ruleSetId());
    assertThat(new RuleBaseCache(cache).load(policy.ruleSetId())).isPresent();

    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw--w--w-"));

    assertThat(new RuleBaseCache(cache).load(policy.ruleSetId())).isEmpty();
  }

  @Test
  void otherRuleText_hasAnotherIdAndEntry() throws IOException {
    Path cache = dir.resolve("cache");
    DroolsPolicyEvaluator deny = evaluator(DENY_ACME, cache);
    DroolsPolicyEvaluator changed = evaluator(DENY_ACME + "// changed\n", cache);

    assertThat(changed.ruleSetId()).isNotEqualTo(deny.ruleSetId());
    assertThat(entries(cache)).hasSize(2).containsExactlyInAnyOrder(
        new RuleBaseCache(cache).entry(deny.ruleSetId()),
        new RuleBaseCache(cache).entry(changed.ruleSetId()));
    assertThat(RuleBaseCache.key(deny.ruleSetId())).contains(deny.ruleSetId())
        .containsPattern("drools \\d+\\.\\d+").contains("snapif ");
  }

  @Test
  void entriesPastTheLimit_oldestAreRemoved() throws IOException {
    Path cache = dir.resolve("cache");
    List<KiePackage> packages = compiled(DENY_ACME);
    RuleBaseCache store = new RuleBaseCache(cache);
    for (int i = 0; i <= RuleBaseCache.KEEP; i++) {
      store(store, "sha256:" + i, packages);
      Files.setLastModifiedTime(store.entry("sha256:" + i),
          java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    store(store, "sha256:last", packages);

    assertThat(entries(cache)).hasSize(RuleBaseCache.KEEP)
        .doesNotContain(store.entry("sha256:0"), store.entry("sha256:1"))
        .contains(store.entry("sha256:last"));
  }

  /** The packages the cache holds for {@code drl}: stored in a scratch cache and read back. */
  private List<KiePackage> compiled(String drl) {
    RuleBaseCache scratch = new RuleBaseCache(dir.resolve("scratch-" + drl.hashCode()));
    RuleBase.withCustom(List.of(new RuleSource("site.drl", drl)), Set.of(), scratch, "sha256:x");
    return scratch.load("sha256:x").orElseThrow();
  }

  private byte[] entryBytes(String drl, Path cache) throws IOException {
    Path other = dir.resolve("other-" + drl.hashCode());
    DroolsPolicyEvaluator p = evaluator(drl, other);
    return Files.readAllBytes(new RuleBaseCache(other).entry(p.ruleSetId()));
  }

  private static byte[] flipped(byte[] bytes) {
    byte[] copy = bytes.clone();
    copy[copy.length / 2] ^= 0x20;
    return copy;
  }

  private static byte[] truncated(byte[] bytes) {
    return java.util.Arrays.copyOf(bytes, bytes.length - 40);
  }

  /** Writes {@code packages} as the entry of {@code id}, as a build that compiled them does. */
  private static void store(RuleBaseCache cache, String id, List<KiePackage> packages) {
    cache.write(id, cache.serialize(id, packages));
  }
}
