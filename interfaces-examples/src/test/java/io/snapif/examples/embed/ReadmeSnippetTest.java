package io.snapif.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.examples.scenario.Managers;
import io.snapif.manager.InterfaceManager;
import io.snapif.manager.RememberedConnection;
import io.snapif.model.ConnectionId;
import io.snapif.store.FileStateStore;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library program in the README's "Using the library" section, taken from the README as it
 * is, compiles against the library and does what its comments say.
 */
class ReadmeSnippetTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern JAVA_BLOCK = Pattern.compile(
      "## Using the library\n.*?```java\n(.*?)```\n", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void theReadmeProgramCompilesAndRunsAsWritten() throws Exception {
    Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
    assertThat(block.find()).as("a java block in the README's library section").isTrue();
    Path source = dir.resolve("src/MyAgent.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, block.group(1));
    Path classes = Files.createDirectories(dir.resolve("classes"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(),
        "-cp", testClassPath(), "-proc:none", source.toString());
    assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    Path yaml = dir.resolve("vlc/meta/snap.yaml");
    Files.createDirectories(yaml.getParent());
    Files.writeString(yaml, """
        name: vlc
        version: 3.0.20
        apps:
          vlc:
            command: bin/vlc
            plugs: [audio-playback, camera, home]
        """);
    Path state = dir.resolve("state/snapif.json");
    Files.createDirectories(state.getParent());
    String printed = runMain(classes, state, yaml);

    assertThat(printed.lines()).containsExactlyInAnyOrder(
        "vlc:audio-playback core:audio-playback", "vlc:home core:home");
    try (InterfaceManager reopened = InterfaceManager.builder()
        .policy(Managers.policy(List.of()))
        .store(FileStateStore.open(state))
        .build()) {
      assertThat(reopened.snap("vlc").orElseThrow().snap().revision()).isGreaterThan(1);
      assertThat(reopened.established().keySet()).extracting(ConnectionId::toString)
          .containsExactlyInAnyOrder(
              "vlc:audio-playback core:audio-playback", "vlc:camera core:camera");
      assertThat(reopened.remembered()).extracting(r -> r.connection().id().toString(),
              RememberedConnection::why)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(
              "vlc:home core:home", RememberedConnection.Why.UNDESIRED));
    }
  }

  private static String runMain(Path classes, Path state, Path yaml) throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReadmeSnippetTest.class.getClassLoader())) {
      Method main = loader.loadClass("MyAgent").getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[] {state.toString(), yaml.toString()});
    } finally {
      System.setOut(stdout);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The classpath of this test run: Surefire starts the JVM through a manifest-only jar. */
  private static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null ? cp : System.getProperty("java.class.path", "") + File.pathSeparator;
  }
}
