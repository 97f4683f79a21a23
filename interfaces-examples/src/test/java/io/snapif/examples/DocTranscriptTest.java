package io.snapif.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the fenced blocks of README.md and docs/*.md, so that the docs cannot go stale. One
 * dynamic test per block, named by file and line; the blocks of a document run in order.
 *
 * <p>Conventions (the fence's info string says what a block is):
 *
 * <ul>
 *   <li><b>Untagged</b> (<code>```</code>): a transcript. Lines starting {@code $ } are
 *       commands; the lines up to the next command are its exact output: stdout, then stderr.
 *       A command whose output shows an error ({@code error: ...}, or a JSON {@code "error"}
 *       object) must exit with a non-zero status, any other with 0, unless the command line
 *       ends with a shell comment {@code # exit status N}, which says the status. A
 *       {@code $ ./snapif ...}
 *       line that needs no more of a shell than quotes and {@code $VAR} runs the CLI in this JVM
 *       ({@code SnapifCli.run}, far faster than a process); other lines (pipes, redirections,
 *       other commands) run with bash, where {@code ./snapif} is the CLI as a process.
 *   <li><b>Placeholders</b> in output: a line {@code ...} (indented or not) stands for any
 *       number of lines; a line ending in {@code ...} for any line starting with what precedes.
 *   <li><b>{@code sh}</b>: setup, run with bash ({@code set -e}); the variables it sets stay
 *       for the later blocks ({@code export SNAPIF_STATE=...}, {@code R=...}). Its output is
 *       not compared; {@code ./snapif} there runs the CLI as a process.
 *   <li><b>{@code drl}</b>: compiled with the built-in rules. {@code drl file=PATH}: also
 *       written to PATH before the next block, for the transcripts that use it;
 *       {@code excerpt-of=PATH}: the block must be part of that repository file (a shipped
 *       sample); {@code invalid}: the block must fail to compile.
 *   <li><b>{@code text}</b>, or any block with the word {@code fragment} in its info string:
 *       not run (output fragments, pseudo-code). Other languages (java, xml, yaml, json) are
 *       not run here either, but {@code file=PATH} writes them. An untagged block that is not
 *       a transcript, and a {@code $} line in a tagged one, fail: no transcript is skipped
 *       silently.
 * </ul>
 *
 * <p>Sandbox: each document gets a fresh working directory that shows the repository's
 * top-level entries (repository-relative paths such as
 * {@code interfaces-examples/src/main/resources/...} work) and its own {@code home/} (so the
 * default state file is fresh). Paths starting {@code /tmp/} in commands, setup blocks and
 * {@code file=} are moved to the sandbox's {@code tmp/}, and back in the output compared. The CLI
 * runs in this JVM, whose working directory is the module's: an argument that names a file
 * relative to the sandbox is passed as that file's absolute path (shown relative again in the
 * output). docs/architecture.md ("Docs") has these conventions for writers.
 */
class DocTranscriptTest {
  /** The repository root: Surefire runs in the module's directory. */
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir static Path sandboxes;
  private static final List<DocTranscripts.Sandbox> OPENED = new ArrayList<>();

  @AfterAll
  static void closeSandboxes() throws IOException {
    for (DocTranscripts.Sandbox sandbox : OPENED) {
      sandbox.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> everyBlockOfTheDocsRuns() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(REPO.resolve("README.md"));
    try (Stream<Path> files = Files.list(REPO.resolve("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs.stream().map(DocTranscriptTest::document);
  }

  private static DynamicContainer document(Path doc) {
    String name = REPO.relativize(doc).toString();
    List<DocTranscripts.Block> blocks;
    try {
      blocks = DocTranscripts.parse(name, Files.readString(doc));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    DocTranscripts.Sandbox[] sandbox = new DocTranscripts.Sandbox[1];
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest(name + ": every block is run or marked", () -> {
      assertThat(blocks.stream().map(DocTranscripts.Block::problem).filter(Objects::nonNull))
          .isEmpty();
    }));
    for (DocTranscripts.Block block : blocks) {
      if (block.testName() == null) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(block.testName(), () -> {
        if (sandbox[0] == null) {
          sandbox[0] = new DocTranscripts.Sandbox(REPO,
              Files.createDirectories(sandboxes.resolve(name.replace('/', '_'))));
          OPENED.add(sandbox[0]);
        }
        sandbox[0].run(block);
      }));
    }
    return DynamicContainer.dynamicContainer(name, tests);
  }
}
