package io.snapif.examples.cli;

import io.snapif.SnapifException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code snapif} command. Exit status: 0 when the command did what was asked, 1 when it was
 * refused or failed (the reason on stderr as {@code error: ...}), 2 for a usage error.
 *
 * <p>{@link #run} executes one command line against given streams and environment, which is how
 * tests drive it.
 */
@Command(
    name = "snapif",
    mixinStandardHelpOptions = true,
    version = "snapif 0.1.0",
    description = "Manages snap interface connections the way snapd does, on a state file.",
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
      CommandLine.HelpCommand.class
    })
public final class SnapifCli implements Runnable {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  private final Map<String, String> env;
  private final boolean terminal;
  private final OutputStream outBytes;

  private SnapifCli(Map<String, String> env, boolean terminal, OutputStream outBytes) {
    this.env = env;
    this.terminal = terminal;
    this.outBytes = outBytes;
  }

  public static void main(String[] args) {
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
    CommandLine cli = new CommandLine(new SnapifCli(env, terminal, out));
    cli.setOut(text);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("error: " + message(e));
      line.getErr().flush();
      return FAILED;
    });
    cli.setParameterExceptionHandler((e, arguments) -> {
      CommandLine failed = e.getCommandLine();
      failed.getErr().println("error: " + e.getMessage());
      failed.getErr().println(
          "Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
      failed.getErr().flush();
      return USAGE;
    });
    int status = cli.execute(args);
    text.flush();
    err.flush();
    return status;
  }

  private static String message(Exception e) {
    if (e instanceof SnapifException) {
      return e.getMessage();
    }
    return "internal error: " + e;
  }

  /** With no subcommand: the usage, as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
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
