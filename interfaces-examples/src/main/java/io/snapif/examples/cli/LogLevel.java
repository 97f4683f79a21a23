package io.snapif.examples.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --log-level}: how much the CLI logs on stderr (slf4j-simple, configured in {@code
 * simplelogger.properties}; the default is {@link #WARN}). slf4j-simple reads its level once,
 * when the first logger is made, so {@link SnapifCli#main} applies the level before anything
 * logs; a command line run in-process by {@link SnapifCli#run} keeps the level the process has.
 */
enum LogLevel {
  ERROR, WARN, INFO, DEBUG, TRACE;

  /** The slf4j-simple setting the level goes to. */
  static final String PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  /** {@code error}, {@code warn}, {@code info}, {@code debug} or {@code trace}. */
  String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level named {@code word}, if it is one. */
  static Optional<LogLevel> of(String word) {
    return Arrays.stream(values()).filter(l -> l.word().equals(word)).findFirst();
  }

  /**
   * The level {@code --log-level LEVEL} or {@code --log-level=LEVEL} gives on the command line
   * {@code args}, the last one counting as picocli has it; empty when none is given or its value
   * is not a level (picocli then reports the usage error).
   */
  static Optional<LogLevel> fromArgs(String[] args) {
    Optional<LogLevel> level = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals("--log-level") && i + 1 < args.length) {
        level = of(args[++i]);
      } else if (args[i].startsWith("--log-level=")) {
        level = of(args[i].substring("--log-level=".length()));
      }
    }
    return level;
  }

  /** Reads {@code --log-level}'s value. */
  static final class Converter implements ITypeConverter<LogLevel> {
    @Override
    public LogLevel convert(String value) {
      return of(value).orElseThrow(() -> new TypeConversionException("\"" + value
          + "\" is not a log level; expected one of " + Arrays.stream(values())
              .map(LogLevel::word).collect(Collectors.joining(", "))));
    }
  }
}
