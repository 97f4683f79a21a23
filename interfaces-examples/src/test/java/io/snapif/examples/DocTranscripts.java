package io.snapif.examples;

import io.snapif.examples.cli.SnapifCli;
import io.snapif.policy.DroolsPolicyEvaluator;
import io.snapif.policy.RuleCompilationException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * Reads the fenced blocks of a Markdown document and runs them, in order, in a sandbox of the
 * document's own. {@link DocTranscriptTest} states the conventions the documents follow.
 */
final class DocTranscripts {
  /** The languages of setup blocks, run with bash. */
  private static final Set<String> SHELLS = Set.of("sh", "bash", "shell");
  private static final Pattern FENCE_OPEN = Pattern.compile("^( *)(`{3,})\\s*([^`]*)$");
  /** {@code /tmp/} where a path starts: the documents' scratch paths, moved into the sandbox. */
  private static final Pattern TMP = Pattern.compile("(?<![\\w./-])/tmp(?=/|\\b)");
  /**
   * A {@code ./snapif} command line with nothing a shell would have to do but quotes and
   * variables: run in this JVM. Other lines (pipes, redirections, {@code $(...)}) run with bash.
   */
  private static final Pattern SIMPLE_SNAPIF = Pattern.compile("\\./snapif(\\s[^|&;<>()`*?\\[~]*)?");
  private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)}|(\\w+))");
  /**
   * Top-level entries of the repository the sandbox does not show: its own {@code snapif} stands
   * there, and without the root pom no setup block can start a build of the project.
   */
  private static final Set<String> NOT_LINKED = Set.of(".git", "snapif", "target", "pom.xml");

  private DocTranscripts() {}

  /** What a block is for, from its info string. */
  enum Kind {
    /** Untagged: {@code $ command} lines, each followed by its exact output. */
    TRANSCRIPT,
    /** {@code sh}: setup, run with bash; its output is not compared. */
    SETUP,
    /** {@code drl}: compiled; with {@code file=PATH} also written there. */
    DRL,
    /** {@code text}, or any block marked {@code fragment}: not run. */
    MARKED,
    /** Another language (java, yaml, json, ...): written when it has {@code file=PATH}. */
    OTHER
  }

  /**
   * One fenced block.
   *
   * @param doc the document's file name, for messages
   * @param line the line of the opening fence (1-based)
   * @param info the info string's first word
   * @param attributes the info string's further words: {@code key=value}, or a flag mapped to ""
   * @param lines the content, without the fence's indentation
   */
  record Block(String doc, int line, String info, Map<String, String> attributes,
      List<String> lines) {

    Kind kind() {
      if (info.equals("text") || attributes.containsKey("fragment")) {
        return Kind.MARKED;
      }
      if (info.isEmpty()) {
        return Kind.TRANSCRIPT;
      }
      if (SHELLS.contains(info)) {
        return Kind.SETUP;
      }
      return info.equals("drl") ? Kind.DRL : Kind.OTHER;
    }

    String where() {
      return doc + ":" + line;
    }

    String text() {
      return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** The name of the block's test; {@code null} for a block nothing is done with. */
    String testName() {
      return switch (kind()) {
        case TRANSCRIPT -> where() + " transcript";
        case SETUP -> where() + " " + info + " setup";
        case DRL -> where() + " drl" + (attributes.containsKey("invalid") ? " (must not compile)"
            : "") + (attributes.containsKey("file") ? " " + attributes.get("file") : "");
        case OTHER -> attributes.containsKey("file")
            ? where() + " " + info + " " + attributes.get("file") : null;
        case MARKED -> null;
      };
    }

    /** Why this block breaks the conventions, or {@code null}. */
    String problem() {
      boolean commands = lines.stream().anyMatch(l -> l.startsWith("$ "));
      return switch (kind()) {
        case TRANSCRIPT -> lines.isEmpty() || !lines.get(0).startsWith("$ ")
            ? where() + ": an untagged block is a transcript and starts with a \"$ \" line; "
                + "mark a block that is not run ```text (output fragments) or ```LANG fragment"
            : null;
        case OTHER, DRL -> commands
            ? where() + ": a transcript (\"$ \" lines) goes in an untagged block, or mark it "
                + "```text when it is not run"
            : null;
        default -> null;
      };
    }
  }

  /** The fenced blocks of {@code text}, a Markdown document named {@code doc}. */
  static List<Block> parse(String doc, String text) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE_OPEN.matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      int indent = open.group(1).length();
      String fence = open.group(2);
      String[] words = open.group(3).strip().isEmpty() ? new String[0]
          : open.group(3).strip().split("\\s+");
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int w = 1; w < words.length; w++) {
        int eq = words[w].indexOf('=');
        attributes.put(eq < 0 ? words[w] : words[w].substring(0, eq),
            eq < 0 ? "" : words[w].substring(eq + 1));
      }
      List<String> content = new ArrayList<>();
      int j = i + 1;
      while (j < lines.length && !(lines[j].strip().startsWith(fence)
          && lines[j].strip().replace("`", "").isEmpty())) {
        String l = lines[j];
        int cut = 0;
        while (cut < indent && cut < l.length() && l.charAt(cut) == ' ') {
          cut++;
        }
        content.add(l.substring(cut));
        j++;
      }
      if (j == lines.length) {
        throw new AssertionFailedError(doc + ":" + (i + 1) + ": the fence is never closed");
      }
      blocks.add(new Block(doc, i + 1, words.length == 0 ? "" : words[0], attributes, content));
      i = j;
    }
    return blocks;
  }

  /**
   * One document's sandbox: a working directory that shows the repository's top-level entries
   * (so that repository-relative paths work) and its own {@code tmp/} and {@code home/}, and the
   * environment its blocks have built up.
   */
  static final class Sandbox implements AutoCloseable {
    private final Path repo;
    private final Path work;
    private final String tmp;
    private Map<String, String> env = new LinkedHashMap<>();

    Sandbox(Path repo, Path dir) {
      try {
        this.repo = repo.toRealPath();
        this.work = dir.toRealPath();
        Files.createDirectories(work.resolve("tmp"));
        Files.createDirectories(work.resolve("home"));
        try (Stream<Path> entries = Files.list(this.repo)) {
          for (Path entry : entries.toList()) {
            if (!NOT_LINKED.contains(entry.getFileName().toString())) {
              Files.createSymbolicLink(work.resolve(entry.getFileName().toString()), entry);
            }
          }
        }
        // ./snapif in a setup block: the CLI of this test run, as a process of its own
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = work.resolve("snapif");
        Files.writeString(script, "#!/bin/sh\nexec " + quote(java.toString()) + " -cp "
            + quote(classPath()) + " " + SnapifCli.class.getName() + " \"$@\"\n");
        if (!script.toFile().setExecutable(true)) {
          throw new IOException("cannot make " + script + " executable");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.tmp = work.resolve("tmp").toString();
      env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("HOME", work.resolve("home").toString());
      env.put("LANG", "C.UTF-8");
    }

    /**
     * Removes the links to the repository, so that deleting the sandbox afterwards is plain (and
     * can never reach into the repository).
     */
    @Override
    public void close() throws IOException {
      try (Stream<Path> entries = Files.list(work)) {
        for (Path entry : entries.toList()) {
          if (Files.isSymbolicLink(entry)) {
            Files.delete(entry);
          }
        }
      }
    }

    /** Runs {@code block}; an {@link AssertionFailedError} says what differs. */
    void run(Block block) {
      switch (block.kind()) {
        case TRANSCRIPT -> transcript(block);
        case SETUP -> setup(block);
        case DRL -> drl(block);
        case OTHER -> writeFile(block);
        case MARKED -> { }
      }
    }

    private void setup(Block block) {
      BashRun run = bash(toSandbox(block.text()));
      if (run.status != 0) {
        throw new AssertionFailedError(block.where() + ": the setup block failed (exit status "
            + run.status + "):\n" + indent(fromSandbox(run.output)));
      }
    }

    private void transcript(Block block) {
      List<String> lines = block.lines();
      int i = 0;
      while (i < lines.size()) {
        int commandLine = i;
        String command = lines.get(i).substring(2);
        i++;
        List<String> expected = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).startsWith("$ ")) {
          expected.add(lines.get(i));
          i++;
        }
        while (!expected.isEmpty() && expected.get(expected.size() - 1).isEmpty()) {
          expected.remove(expected.size() - 1);
        }
        int line = block.line() + 1 + commandLine;
        Matcher status = EXIT_STATUS.matcher(command);
        Integer shown = status.find() ? Integer.valueOf(status.group(1)) : null;
        String run = shown == null ? command : command.substring(0, status.start());
        Result actual = SIMPLE_SNAPIF.matcher(run).matches()
            ? snapif(block.doc(), line, run) : shellCommand(run);
        check(block.doc(), line, command, expected, shown, actual);
      }
    }

    /** The result of one command: exit status and what it printed (stdout, then stderr). */
    record Result(int status, String output) {}

    private Result snapif(String doc, int line, String command) {
      List<String> words = words(doc + ":" + line, toSandbox(command));
      String[] args = words.subList(1, words.size()).stream().map(this::resolveRelative)
          .toArray(String[]::new);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringWriter err = new StringWriter();
      int status = SnapifCli.run(args, out, new PrintWriter(err), Map.copyOf(env), false);
      return new Result(status, fromSandbox(out.toString(StandardCharsets.UTF_8) + err));
    }

    private Result shellCommand(String command) {
      BashRun run = bash(toSandbox(command));
      return new Result(run.status, fromSandbox(run.output));
    }

    /** A path relative to the working directory, as the CLI in a shell there would see it. */
    private String resolveRelative(String arg) {
      if (arg.startsWith("-")) {
        return arg;
      }
      try {
        Path p = Path.of(arg);
        return !p.isAbsolute() && Files.exists(work.resolve(p)) ? work.resolve(p).toString() : arg;
      } catch (InvalidPathException e) {
        return arg;
      }
    }

    private void drl(Block block) {
      writeFile(block);
      String excerptOf = block.attributes().get("excerpt-of");
      if (excerptOf != null) {
        String file = read(repo.resolve(excerptOf));
        if (!file.contains(block.text())) {
          throw new AssertionFailedError(block.where() + ": this block is said to be part of "
              + excerptOf + ", but that file does not contain it; the file reads:\n"
              + indent(file));
        }
      }
      String name = block.attributes().getOrDefault("file", block.where());
      DroolsPolicyEvaluator.Builder rules = DroolsPolicyEvaluator.builder()
          .addRules(name, toSandbox(block.text()));
      if (block.attributes().containsKey("invalid")) {
        try {
          rules.build();
        } catch (RuleCompilationException expected) {
          return;
        }
        throw new AssertionFailedError(block.where() + ": the block is marked invalid, but it "
            + "compiles");
      }
      try {
        rules.build();
      } catch (RuleCompilationException e) {
        throw new AssertionFailedError(block.where() + ": the rules do not compile (mark a "
            + "fragment ```drl fragment, or rules meant to fail ```drl invalid):\n"
            + indent(e.getMessage()), e);
      }
    }

    /** {@code file=PATH}: the block's text is written there (relative: to the work directory). */
    private void writeFile(Block block) {
      String file = block.attributes().get("file");
      if (file == null) {
        return;
      }
      Path target = work.resolve(toSandbox(file));
      try {
        if (Files.exists(target) && target.toRealPath().startsWith(repo)) {
          throw new AssertionFailedError(block.where() + ": file=" + file + " would overwrite a "
              + "file of the repository; use excerpt-of=" + file + " to show part of it");
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, block.text());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String toSandbox(String text) {
      return TMP.matcher(text).replaceAll(Matcher.quoteReplacement(tmp));
    }

    private String fromSandbox(String text) {
      return text.replace(tmp, "/tmp").replace(work + File.separator, "");
    }

    private record BashRun(int status, String output) {}

    /** Runs {@code script} with bash in the work directory; its variables stay for later. */
    private BashRun bash(String script) {
      Path envFile = work.resolve(".env");
      String full = "set -eo pipefail -a\n" + script + "\nenv -0 > " + quote(envFile.toString())
          + "\n";
      ProcessBuilder pb = new ProcessBuilder("bash", "-c", full).directory(work.toFile())
          .redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().putAll(env);
      try {
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (status == 0) {
          Map<String, String> after = new LinkedHashMap<>();
          for (String entry : read(envFile).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && !Set.of("PWD", "OLDPWD", "SHLVL", "_").contains(entry.substring(0, eq))) {
              after.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
          }
          env = after;
        }
        return new BashRun(status, output);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /**
     * The words of a {@link #SIMPLE_SNAPIF} line, as bash would make them: quotes, backslashes
     * and {@code $VAR}.
     */
    private List<String> words(String where, String line) {
      List<String> words = new ArrayList<>();
      StringBuilder word = null;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (Character.isWhitespace(c)) {
          if (word != null) {
            words.add(word.toString());
            word = null;
          }
          continue;
        }
        if (word == null) {
          word = new StringBuilder();
        }
        if (c == '\'') {
          int end = line.indexOf('\'', i + 1);
          if (end < 0) {
            throw new AssertionFailedError(where + ": unclosed ' in " + line);
          }
          word.append(line, i + 1, end);
          i = end;
        } else if (c == '"') {
          int end = i + 1;
          StringBuilder quoted = new StringBuilder();
          while (end < line.length() && line.charAt(end) != '"') {
            if (line.charAt(end) == '\\' && end + 1 < line.length()
                && "\"\\$`".indexOf(line.charAt(end + 1)) >= 0) {
              end++;
            }
            quoted.append(line.charAt(end));
            end++;
          }
          if (end == line.length()) {
            throw new AssertionFailedError(where + ": unclosed \" in " + line);
          }
          word.append(expand(where, quoted.toString()));
          i = end;
        } else if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else if (c == '$') {
          Matcher v = VARIABLE.matcher(line).region(i, line.length());
          if (!v.lookingAt()) {
            throw new AssertionFailedError(where + ": only $VAR and ${VAR} are expanded in a "
                + "./snapif line: " + line);
          }
          word.append(expand(where, v.group()));
          i = v.end() - 1;
        } else {
          word.append(c);
        }
      }
      if (word != null) {
        words.add(word.toString());
      }
      return words;
    }

    private String expand(String where, String text) {
      Matcher v = VARIABLE.matcher(text);
      StringBuilder out = new StringBuilder();
      while (v.find()) {
        String name = v.group(1) != null ? v.group(1) : v.group(2);
        String value = env.get(name);
        if (value == null) {
          throw new AssertionFailedError(where + ": $" + name + " is not set by an earlier "
              + "block");
        }
        v.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      return v.appendTail(out).toString();
    }
  }

  /**
   * A command's comment that shows its exit status, for commands that report a finding with a
   * status but no {@code error: } line ({@code policy check}, {@code policy diff}).
   */
  static final Pattern EXIT_STATUS = Pattern.compile("\\s+#\\s*exit status (\\d+)$");

  /**
   * Whether the documented output shows a failure: an {@code error: } line, or a JSON error
   * ({@code {} then {@code "error" : {}). Such a command must exit with a non-zero status,
   * every other one with 0.
   */
  static boolean showsError(List<String> expected) {
    return expected.stream().anyMatch(l -> l.startsWith("error: "))
        || expected.size() > 1 && expected.get(0).equals("{")
            && expected.get(1).strip().startsWith("\"error\" : {");
  }

  /**
   * Whether {@code actual} lines match the {@code expected} ones: a line that is {@code ...}
   * (indented or not) stands for any number of lines, a line that ends in {@code ...} for any
   * line that starts with what comes before.
   */
  static boolean matches(List<String> expected, List<String> actual) {
    // matched[e][a]: expected lines from e match actual lines from a
    boolean[][] matched = new boolean[expected.size() + 1][actual.size() + 1];
    matched[expected.size()][actual.size()] = true;
    for (int e = expected.size() - 1; e >= 0; e--) {
      String line = expected.get(e);
      boolean any = line.strip().equals("...");
      for (int a = actual.size(); a >= 0; a--) {
        if (any) {
          matched[e][a] = matched[e + 1][a] || a < actual.size() && matched[e][a + 1];
        } else {
          matched[e][a] = a < actual.size() && lineMatches(line, actual.get(a))
              && matched[e + 1][a + 1];
        }
      }
    }
    return matched[0][0];
  }

  private static boolean lineMatches(String expected, String actual) {
    if (expected.endsWith("...") && !expected.strip().equals("...")) {
      return actual.startsWith(expected.substring(0, expected.length() - 3));
    }
    return expected.equals(actual);
  }

  /** Fails, naming the document's lines, when {@code actual} is not what the doc shows. */
  static void check(String doc, int line, String command, List<String> expected,
      Integer shownStatus, Sandbox.Result actual) {
    List<String> lines = actual.output().isEmpty() ? List.of()
        : List.of(actual.output().split("\n", -1));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines = lines.subList(0, lines.size() - 1);
    }
    boolean error = showsError(expected);
    boolean outputOk = matches(expected, lines);
    boolean statusOk = shownStatus != null ? actual.status() == shownStatus
        : error ? actual.status() != 0 : actual.status() == 0;
    if (outputOk && statusOk) {
      return;
    }
    StringBuilder m = new StringBuilder(doc + ":" + line + ": $ " + command + "\n");
    if (!statusOk && shownStatus != null) {
      m.append("  exited with status " + actual.status() + ", but the doc shows " + shownStatus
          + "\n");
    } else if (!statusOk) {
      m.append(error
          ? "  the doc shows an error, but the command exited with status 0\n"
          : "  exited with status " + actual.status() + ", but the doc shows no error (an "
              + "\"error: \" line)\n");
    }
    if (!outputOk) {
      m.append("  the output differs from the doc (- ").append(doc).append(" line, + actual):\n");
      m.append(diff(doc, line + 1, expected, lines));
    }
    m.append("  actual output (stdout, then stderr; exit status ").append(actual.status())
        .append("):\n");
    lines.forEach(l -> m.append("    ").append(l).append('\n'));
    throw new AssertionFailedError(m.toString(), String.join("\n", expected),
        String.join("\n", lines));
  }

  /** A line diff of {@code expected} (the doc's lines from {@code first}) and {@code actual}. */
  private static String diff(String doc, int first, List<String> expected, List<String> actual) {
    int n = expected.size();
    int k = actual.size();
    int[][] lcs = new int[n + 1][k + 1];
    for (int e = n - 1; e >= 0; e--) {
      for (int a = k - 1; a >= 0; a--) {
        lcs[e][a] = lineMatches(expected.get(e), actual.get(a)) ? lcs[e + 1][a + 1] + 1
            : Math.max(lcs[e + 1][a], lcs[e][a + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int e = 0;
    int a = 0;
    while (e < n || a < k) {
      if (e < n && a < k && lineMatches(expected.get(e), actual.get(a))) {
        out.append("     ").append(actual.get(a)).append('\n');
        e++;
        a++;
      } else if (e < n && (a == k || lcs[e + 1][a] >= lcs[e][a + 1])) {
        out.append("   - ").append(expected.get(e)).append("   (").append(doc).append(':')
            .append(first + e).append(")\n");
        e++;
      } else {
        out.append("   + ").append(actual.get(a)).append('\n');
        a++;
      }
    }
    return out.toString();
  }

  private static String indent(String text) {
    return text.lines().map(l -> "    " + l).reduce((x, y) -> x + "\n" + y).orElse("") + "\n";
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The classpath of this test run: Surefire starts the JVM through a manifest-only jar. */
  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null ? cp : System.getProperty("java.class.path", "");
  }
}
