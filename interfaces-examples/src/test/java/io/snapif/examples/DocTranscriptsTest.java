package io.snapif.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The doc-test {@link DocTranscriptTest} bites: what a doc says wrongly fails, and says where. */
class DocTranscriptsTest {
  private static final String CAMERA_ROW =
      "camera          vlc:camera          -                -";

  @TempDir Path dir;
  private final List<DocTranscripts.Sandbox> sandboxes = new ArrayList<>();

  @AfterEach
  void closeSandboxes() throws IOException {
    for (DocTranscripts.Sandbox s : sandboxes) {
      s.close();
    }
  }

  private DocTranscripts.Sandbox sandbox(Path work) {
    DocTranscripts.Sandbox s = new DocTranscripts.Sandbox(DocTranscriptTest.REPO, work);
    sandboxes.add(s);
    return s;
  }

  @Test
  void aChangedOutputLineOfTheReadme_failsWithADiffNamingItsLine() throws Exception {
    String readme = Files.readString(DocTranscriptTest.REPO.resolve("README.md"));
    // the README's first transcript, as it is, passes
    runUpToTheFirstTranscript(readme, dir.resolve("as-is"));

    int at = readme.indexOf(CAMERA_ROW);
    assertThat(at).as("the README's first vlc connections table").isPositive();
    int line = lineOf(readme, at);
    int command = lineOf(readme, readme.indexOf("$ ./snapif connections vlc\n"));
    String changed = readme.substring(0, at) + "camera          vlc:camera          :camera"
        + "          manual" + readme.substring(at + CAMERA_ROW.length());
    assertThatThrownBy(() -> runUpToTheFirstTranscript(changed, dir.resolve("changed")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("README.md:" + command + ": $ ./snapif connections vlc")
        .hasMessageContaining("the output differs from the doc")
        .hasMessageContaining("   - camera          vlc:camera          :camera          manual"
            + "   (README.md:" + line + ")")
        .hasMessageContaining("   + " + CAMERA_ROW);
  }

  @Test
  void theExitStatusMustFitTheErrorTheDocShows() {
    DocTranscripts.Sandbox sandbox = sandbox(dir);
    List<DocTranscripts.Block> blocks = DocTranscripts.parse("t.md", """
        ```
        $ ./snapif connections vcl
        ...
        ```

        ```
        $ ./snapif interface audio-playback
        error: ...
        ```

        ```
        $ ./snapif connections vcl
        error: snap "vcl" is not installed
        did you mean "vlc"?
        ```

        ```
        $ ./snapif connections vcl  # exit status 1
        ...
        $ ./snapif connections vcl  # exit status 2
        ...
        ```
        """);
    assertThatThrownBy(() -> sandbox.run(blocks.get(0)))
        .hasMessageContaining("t.md:2: $ ./snapif connections vcl")
        .hasMessageContaining("exited with status 1, but the doc shows no error");
    assertThatThrownBy(() -> sandbox.run(blocks.get(1)))
        .hasMessageContaining("t.md:7:")
        .hasMessageContaining("the doc shows an error, but the command exited with status 0");
    sandbox.run(blocks.get(2));
    // a comment says the status: the first command passes, the second fails
    assertThatThrownBy(() -> sandbox.run(blocks.get(3)))
        .hasMessageContaining("t.md:20: $ ./snapif connections vcl  # exit status 2")
        .hasMessageContaining("exited with status 1, but the doc shows 2");
  }

  @Test
  void tmpPathsGoToTheSandbox_andBackInTheOutput_andShellLinesShareTheState() throws Exception {
    DocTranscripts.Sandbox sandbox = sandbox(dir);
    List<DocTranscripts.Block> blocks = DocTranscripts.parse("t.md", """
        ```sh
        mkdir -p /tmp/snap && printf 'name: hello\\nversion: "1.0"\\n' > /tmp/snap/snap.yaml
        export SNAPIF_STATE=/tmp/state/state.json
        ```

        ```
        $ ./snapif install /tmp/snap
        hello 1.0 installed
        $ ls /tmp/state/state.json
        /tmp/state/state.json
        $ ./snapif install /tmp/snap
        error: snap "hello" is already installed
        $ ./snapif remove hello >/dev/null && echo gone
        gone
        $ ./snapif remove hello
        error: snap "hello" is not installed
        ```
        """);
    blocks.forEach(sandbox::run);
    assertThat(dir.resolve("tmp/state/state.json")).isRegularFile();
    assertThat(Path.of("/tmp/snap/snap.yaml")).doesNotExist();
  }

  @Test
  void everyBlockMustBeRunOrMarked() {
    List<DocTranscripts.Block> blocks = DocTranscripts.parse("t.md", """
        ```
        error: an output fragment
        ```

        ```json
        $ ./snapif connections --json
        ```

        ```text
        error: an output fragment, marked
        ```

        - a list item:

          ```drl fragment
          $c : PairCheck()
          ```
        """);
    assertThat(blocks).extracting(DocTranscripts.Block::problem).satisfiesExactly(
        p -> assertThat(p).startsWith("t.md:1: an untagged block is a transcript"),
        p -> assertThat(p).startsWith("t.md:5: a transcript (\"$ \" lines) goes in an untagged"),
        p -> assertThat(p).isNull(),
        p -> assertThat(p).isNull());
    assertThat(blocks.get(3).lines()).containsExactly("$c : PairCheck()");
    assertThat(blocks.get(3).testName()).isNull();
  }

  @Test
  void drlBlocks_compile_unlessMarkedInvalid_andExcerptsMatchTheirFile() {
    DocTranscripts.Sandbox sandbox = sandbox(dir);
    List<DocTranscripts.Block> blocks = DocTranscripts.parse("t.md", """
        ```drl
        package site.rules;
        rule "site: no condition"
        when
          NoSuchFact()
        then
        end
        ```

        ```drl invalid file=/tmp/ok.drl
        package site.rules;
        rule "site: fine"
        when
        then
        end
        ```

        ```drl excerpt-of=interfaces-examples/src/main/resources/io/snapif/examples/rules/camera-for-videolan.drl
        rule "site: videolan snaps auto-connect the microphone"
        ```
        """);
    assertThatThrownBy(() -> sandbox.run(blocks.get(0)))
        .hasMessageContaining("t.md:1: the rules do not compile")
        .hasMessageContaining("NoSuchFact");
    assertThatThrownBy(() -> sandbox.run(blocks.get(1)))
        .hasMessageContaining("t.md:10: the block is marked invalid, but it compiles");
    assertThat(dir.resolve("tmp/ok.drl")).content().startsWith("package site.rules;\n");
    assertThatThrownBy(() -> sandbox.run(blocks.get(2)))
        .hasMessageContaining("t.md:18: this block is said to be part of interfaces-examples/");
  }

  @Test
  void placeholders_standForLinesAndLineTails() {
    assertThat(DocTranscripts.matches(List.of("a", "...", "d"), List.of("a", "b", "c", "d")))
        .isTrue();
    assertThat(DocTranscripts.matches(List.of("a", "  ...", "b"), List.of("a", "b"))).isTrue();
    assertThat(DocTranscripts.matches(List.of("took ..."), List.of("took 12 ms"))).isTrue();
    assertThat(DocTranscripts.matches(List.of("took ..."), List.of("lost 12 ms"))).isFalse();
    assertThat(DocTranscripts.matches(List.of("a", "...", "d"), List.of("a", "b", "c")))
        .isFalse();
    assertThat(DocTranscripts.matches(List.of("a"), List.of("a", "b"))).isFalse();
    assertThat(DocTranscripts.matches(List.of(), List.of())).isTrue();
  }

  private static int lineOf(String text, int index) {
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  /** Runs the README's blocks up to its first transcript, in a sandbox in {@code work}. */
  private void runUpToTheFirstTranscript(String readme, Path work) throws Exception {
    DocTranscripts.Sandbox sandbox =
        sandbox(Files.createDirectories(work));
    for (DocTranscripts.Block block : DocTranscripts.parse("README.md", readme)) {
      sandbox.run(block);
      if (block.kind() == DocTranscripts.Kind.TRANSCRIPT) {
        return;
      }
    }
  }
}
