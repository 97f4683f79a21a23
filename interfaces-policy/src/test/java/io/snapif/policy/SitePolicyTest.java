package io.snapif.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registering rule files with a state: add, remove, what a bad change leaves, the id. */
class SitePolicyTest {
  @TempDir Path dir;

  private static String rule(String name) {
    return "package site.rules;\nimport io.snapif.policy.fact.PairCheck;\n"
        + "rule \"" + name + "\" when PairCheck(plugSnap == \"nobody\") then end\n";
  }

  private Path file(String name, String text) throws IOException {
    Path source = dir.resolve("given");
    Files.createDirectories(source);
    return Files.writeString(source.resolve(name), text);
  }

  /** Every file under the site directory, temporary ones included, with contents. */
  private List<String> contents(SitePolicy site) throws IOException {
    if (!Files.exists(site.directory())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(site.directory())) {
      return files.sorted().map(f -> {
        try {
          return f.getFileName() + "=" + Files.readString(f);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  @Test
  void add_registersFilesBesideTheStateFile_byName() throws IOException {
    SitePolicy site = SitePolicy.forStateFile(dir.resolve("var/state.json"));
    assertThat(site.directory()).isEqualTo(dir.resolve("var/state.json.rules"));
    assertThat(site.files()).isEmpty();
    assertThat(site.ruleSetId()).isEqualTo("builtin");

    site.add(List.of(file("b.drl", rule("site: b")), file("a.drl", rule("site: a"))));

    assertThat(site.files()).extracting(SitePolicy.RuleFile::name).containsExactly("a.drl", "b.drl");
    assertThat(site.files().get(0).digest()).matches("sha256:[0-9a-f]{64}");
    assertThat(Files.readString(site.directory().resolve("b.drl"))).isEqualTo(rule("site: b"));
    // the same rules wherever they lie, in the same order, have the same id
    assertThat(site.ruleSetId())
        .isEqualTo(DroolsPolicyEvaluator.builder().addRuleDirectory(site.directory()).build()
            .ruleSetId())
        .isEqualTo(DroolsPolicyEvaluator.builder().addRuleFile(dir.resolve("given/a.drl"))
            .addRuleFile(dir.resolve("given/b.drl")).build().ruleSetId())
        .isNotEqualTo("builtin");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(
          Files.getPosixFilePermissions(site.directory().resolve("a.drl")))).isEqualTo("rw-------");
    }
  }

  @Test
  void add_ofAFileOfTheSameName_replacesIt() throws IOException {
    SitePolicy site = SitePolicy.in(dir.resolve("rules"));
    site.add(List.of(file("a.drl", rule("site: a"))));
    String before = site.ruleSetId();

    site.add(List.of(file("a.drl", rule("site: a, second version"))));

    assertThat(contents(site)).containsExactly("a.drl=" + rule("site: a, second version"));
    assertThat(site.ruleSetId()).isNotEqualTo(before);
  }

  @Test
  void add_badFileOrDuplicateRuleName_changesNothing() throws IOException {
    SitePolicy site = SitePolicy.in(dir.resolve("rules"));
    site.add(List.of(file("a.drl", rule("site: a"))));
    List<String> before = contents(site);

    assertThatThrownBy(() -> site.add(List.of(file("ok.drl", rule("site: ok")),
        file("broken.drl", "package site.rules;\nrule \"x\" when Nothing() then end\n"))))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("broken.drl");
    assertThatThrownBy(() -> site.add(List.of(file("c.drl", rule("site: a")))))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("rule \"site: a\" is also defined in");
    assertThatThrownBy(() -> site.add(List.of(file("notes.txt", rule("site: n")))))
        .isInstanceOf(SitePolicyException.class).hasMessageContaining("must end in .drl");
    assertThatThrownBy(() -> site.add(List.of(dir.resolve("missing.drl"))))
        .isInstanceOf(RuleCompilationException.class).hasMessageContaining("cannot read");

    assertThat(contents(site)).isEqualTo(before);
  }

  @Test
  void add_toADirectoryNotThereYet_leavesNoDirectoryWhenRefused() {
    SitePolicy site = SitePolicy.in(dir.resolve("new/rules"));

    assertThatThrownBy(() -> site.add(List.of(file("broken.drl", "rule"))))
        .isInstanceOf(RuleCompilationException.class);

    assertThat(dir.resolve("new")).doesNotExist();
  }

  @Test
  void remove_unregisters_andRefusesAnUnknownNameChangingNothing() throws IOException {
    SitePolicy site = SitePolicy.in(dir.resolve("rules"));
    site.add(List.of(file("a.drl", rule("site: a")), file("b.drl", rule("site: b")),
        file("c.drl", rule("site: c"))));
    List<String> before = contents(site);

    assertThatThrownBy(() -> site.remove(List.of("c.drl", "nope.drl")))
        .isInstanceOf(SitePolicyException.class)
        .hasMessage("no site rule file \"nope.drl\" in " + site.directory()
            + " (it has a.drl, b.drl, c.drl)");
    assertThat(contents(site)).isEqualTo(before);

    site.remove(List.of("c.drl"));
    assertThat(site.files()).extracting(SitePolicy.RuleFile::name).containsExactly("a.drl", "b.drl");
    site.remove(List.of("b.drl", "a.drl"));
    assertThat(site.files()).isEmpty();
    assertThat(site.ruleSetId()).isEqualTo("builtin");
    assertThat(site.directory()).doesNotExist();
  }

  @Test
  void addRuleDirectory_takesDrlFilesByName_andSkipsOthers() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("b.drl"), rule("site: b"));
    Files.writeString(rules.resolve("a.drl"), rule("site: a"));
    Files.writeString(rules.resolve(".a.drl.1234.tmp"), "half a file");
    Files.writeString(rules.resolve(".hidden.drl"), "not a rule");
    Files.writeString(rules.resolve("README"), "not a rule");

    String id = DroolsPolicyEvaluator.builder().addRuleDirectory(rules).ruleSetId();

    assertThat(id).isEqualTo(DroolsPolicyEvaluator.builder()
        .addRules("a.drl", rule("site: a")).addRules("b.drl", rule("site: b")).ruleSetId());
    assertThat(DroolsPolicyEvaluator.builder().addRuleDirectory(dir.resolve("none")).ruleSetId())
        .isEqualTo("builtin");
  }
}
