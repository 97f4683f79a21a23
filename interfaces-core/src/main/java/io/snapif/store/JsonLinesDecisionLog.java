package io.snapif.store;

import io.snapif.SnapifException;
import io.snapif.spi.DecisionLog;
import io.snapif.spi.DecisionRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * A {@link DecisionLog} that appends one line of JSON per decision to a file (the format is
 * documented in {@code docs/custom-rules.md}, "The decision log"). Thread-safe.
 *
 * <p>The file is opened in append mode and created owner-only ({@code 0600}) if it does not
 * exist; lines already in it stay. Each line is one write of the file, so the lines of several
 * processes appending to one log do not mix, and every line has reached the operating system
 * when {@link #record} returns (it is not forced to disk). A write that fails throws {@link
 * SnapifException}; the manager then warns and goes on (see {@link DecisionLog}).
 */
public final class JsonLinesDecisionLog implements DecisionLog, Closeable {
  private static final FileAttribute<?> PRIVATE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path file;
  private final FileChannel channel;

  private JsonLinesDecisionLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens {@code file} for appending, creating it if needed (its directory must exist).
   *
   * @throws SnapifException {@code cannot open decision log FILE: REASON} when it cannot be
   *     opened for writing
   */
  public static JsonLinesDecisionLog open(Path file) {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    try {
      FileChannel channel = FileSystems.getDefault().supportedFileAttributeViews()
          .contains("posix") ? FileChannel.open(file, options, PRIVATE)
          : FileChannel.open(file, options);
      return new JsonLinesDecisionLog(file, channel);
    } catch (IOException e) {
      throw new SnapifException(
          "cannot open decision log " + file + ": " + FileErrors.reason(e), e);
    }
  }

  /**
   * Appends one line per record, each in one write.
   *
   * @throws SnapifException {@code cannot write decision log FILE: REASON}
   */
  @Override
  public synchronized void record(List<DecisionRecord> decisions) {
    try {
      for (DecisionRecord r : decisions) {
        ByteBuffer line =
            ByteBuffer.wrap((DecisionLines.json(r) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
          channel.write(line);
        }
      }
    } catch (IOException e) {
      throw new SnapifException(
          "cannot write decision log " + file + ": " + FileErrors.reason(e), e);
    }
  }

  /** Closes the file. */
  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // every line was written when record returned; nothing is left to lose
    }
  }
}
