package io.snapif.examples.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code snapif} command. Exit status: 0 when the command did what was asked, 1 when it was
 * refused or failed (the reason on stderr as {@code error: ...}, or with {@code --json} as
 * {@link ErrorOutput JSON}), 2 for a usage error.
 *
 * <p>The global options ({@code --state}, {@code --classic}, {@code --core}, {@code --model},
 * {@code --gadget}, {@code --decision-log}, {@code --json}, {@code --log-level}) are declared
 * here and inherited by every command: they go before or after the command's name. Logging goes
 * to stderr only (slf4j-simple), at the level {@code --log-level} gives {@link #main}.
 *
 * <p>{@link #run} executes one command line against given streams and environment, which is how
 * tests drive it.
 */
@Command(
    name = "snapif",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    scope = ScopeType.INHERIT,
    description = {"Manages snap interface connections the way snapd does, on a state file.",
        "--state, --classic, --core, --model, --gadget, --decision-log, --json and --log-level "
            + "are global: they go before or after the command (snapif --json connections vlc "
            + "is snapif connections vlc --json); commands that keep no state ignore all but "
            + "--json and --log-level (scenario run also logs to --decision-log)."},
    subcommands = {
      ScenarioCommand.class,
      ValidateCommand.class,
      ConnectionsCommand.class,
      InterfaceCommand.class,
      ConnectCommand.class,
      DisconnectCommand.class,
      InstallCommand.class,
      RefreshCommand.class,
      RemoveCommand.class,
      SeedCommand.class,
      ExplainCommand.class,
      RememberedCommand.class,
      ImportSnapdStateCommand.class,
      PolicyCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SnapifCli implements Runnable {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;
  @Mixin StateOptions state;

  @Option(names = "--json", scope = ScopeType.INHERIT,
      description = "Print JSON: the command's output, and errors on stderr as "
          + "{\"error\": {\"kind\": ..., \"message\": ...}}.")
  boolean json;

  @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
      converter = LogLevel.Converter.class,
      description = "What is logged on stderr: error, warn (the default), info, debug or trace. "
          + "Custom rules that log through SLF4J show from their level on.")
  LogLevel logLevel;

  private final Map<String, String> env;
  private final boolean terminal;
  private final OutputStream outBytes;

  private SnapifCli(Map<String, String> env, boolean terminal, OutputStream outBytes) {
    this.env = env;
    this.terminal = terminal;
    this.outBytes = outBytes;
  }

  public static void main(String[] args) {
    // before anything logs: slf4j-simple reads its level once
    LogLevel.fromArgs(args).ifPresent(l -> System.setProperty(LogLevel.PROPERTY, l.word()));
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.out, err, System.getenv(), System.console() != null));
  }

  /**
   * Runs one command line.
   *
   * @param out where the output goes, in UTF-8
   * @param env the environment ({@code SNAPIF_STATE}, {@code XDG_DATA_HOME}, {@code HOME})
   * @param terminal whether a person watches: progress and timings go to {@code err} only then
   * @return the exit status
   */
  public static int run(
      String[] args, OutputStream out, PrintWriter err, Map<String, String> env,
      boolean terminal) {
    PrintWriter text = new PrintWriter(out, true, StandardCharsets.UTF_8);
    SnapifCli app = new SnapifCli(env, terminal, out);
    CommandLine cli = new CommandLine(app);
    cli.setOut(text);
    cli.setErr(err);
    // --json is read as far as the command line was parsed: a usage error after it is JSON too
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      ErrorOutput.of(e).print(line.getErr(), app.json);
      return FAILED;
    });
    cli.setParameterExceptionHandler((e, arguments) -> {
      usageError(e).print(e.getCommandLine().getErr(), app.json);
      return USAGE;
    });
    int status = cli.execute(args);
    text.flush();
    err.flush();
    return status;
  }

  /**
   * A command line that cannot be parsed: an unknown command or option says so, with the
   * commands or options close to it.
   */
  private static ErrorOutput usageError(ParameterException e) {
    CommandLine failed = e.getCommandLine();
    String help = "Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.";
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      if (u.isUnknownOption()) {
        List<String> options = List.copyOf(failed.getCommandSpec().optionsMap().keySet());
        return ErrorOutput.usage(e.getMessage(), Suggestions.closest(first, options), help);
      }
      if (!failed.getSubcommands().isEmpty()
          && failed.getCommandSpec().positionalParameters().isEmpty()) {
        List<String> commands = failed.getSubcommands().entrySet().stream()
            .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
            .map(Map.Entry::getKey).toList();
        return ErrorOutput.usage("unknown command \"" + first + "\"",
            Suggestions.closest(first, commands), help);
      }
    }
    return ErrorOutput.usage(e.getMessage(), List.of(), help);
  }

  /** With no subcommand: the usage, as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The global {@code --state}, {@code --classic}, {@code --core}, {@code --model}, {@code
   * --gadget}. */
  StateOptions state() {
    return state;
  }

  /** The global {@code --json}. */
  boolean json() {
    return json;
  }

  Map<String, String> env() {
    return env;
  }

  boolean terminal() {
    return terminal;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /**
   * The bytes behind {@link #out()}, for output too large to be turned into characters and back
   * (a scenario's JSON); flush {@code out()} before writing here.
   */
  OutputStream outBytes() {
    return outBytes;
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
