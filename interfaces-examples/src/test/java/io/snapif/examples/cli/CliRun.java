package io.snapif.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** One run of the CLI in a test: exit status and what it printed. */
record CliRun(int status, String out, String err) {

  /** Runs {@code args} with {@code home} as the user's home (state under its data directory). */
  static CliRun run(Path home, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int status = SnapifCli.run(args, out, new PrintWriter(err),
        Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString()),
        false);
    return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  /** Where {@link #run} keeps the state for {@code home}. */
  static Path stateFile(Path home) {
    return home.resolve("data").resolve("snapif").resolve("state.json");
  }
}
