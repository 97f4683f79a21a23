package io.snapif.store;

import io.snapif.SnapifException;
import io.snapif.spi.DecisionLog;
import io.snapif.spi.DecisionRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * A {@link DecisionLog} that appends one line of JSON per decision to a file (the format is
 * documented in {@code docs/custom-rules.md}, "The decision log"). Thread-safe.
 *
 * <p>The file is opened in append mode; lines already in it stay. A file that does not exist yet
 * is created owner-only ({@code 0600}) with the first line, so a log that never gets a record
 * (a command that decides nothing) leaves no empty file behind. Each line is one write of the
 * file, so the lines of several processes appending to one log do not mix, and every line has
 * reached the operating system when {@link #record} returns (it is not forced to disk). A write
 * that fails throws {@link SnapifException}; the manager then warns and goes on (see {@link
 * DecisionLog}).
 */
public final class JsonLinesDecisionLog implements DecisionLog, Closeable {
  private static final Set<StandardOpenOption> APPEND =
      Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  private static final Set<StandardOpenOption> CREATE_OR_APPEND = Set.of(
      StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

  private final Path file;
  /** Null until the first record when the file did not exist at open. */
  private FileChannel channel;
  private boolean closed;

  private JsonLinesDecisionLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens {@code file} for appending. A file that exists is opened now; one that does not is
   * created with the first record, and its directory must exist and be writable now.
   *
   * @throws SnapifException {@code cannot open decision log FILE: REASON} when it cannot be
   *     opened for writing, or (not existing) its directory is missing or not writable
   */
  public static JsonLinesDecisionLog open(Path file) {
    try {
      return new JsonLinesDecisionLog(file, FileChannel.open(file, APPEND));
    } catch (NoSuchFileException missing) {
      // created with the first record; what would stop that is an error now, before any change
      Path dir = file.toAbsolutePath().getParent();
      String reason = !Files.exists(dir) ? "no such file"
          : !Files.isDirectory(dir) ? "not a directory"
          : !Files.isWritable(dir) ? "permission denied" : null;
      if (reason != null) {
        throw new SnapifException("cannot open decision log " + file + ": " + reason, missing);
      }
      return new JsonLinesDecisionLog(file, null);
    } catch (IOException e) {
      throw new SnapifException(
          "cannot open decision log " + file + ": " + FileErrors.reason(e), e);
    }
  }

  /** The channel, creating the file (owner-only) if this is its first record. */
  private FileChannel channel() {
    if (channel == null) {
      if (closed) {
        throw new SnapifException("cannot write decision log " + file + ": closed");
      }
      try {
        channel = FileChannel.open(file, CREATE_OR_APPEND, FileStateStore.attributes(file));
      } catch (IOException e) {
        throw new SnapifException(
            "cannot open decision log " + file + ": " + FileErrors.reason(e), e);
      }
    }
    return channel;
  }

  /**
   * Appends one line per record, each in one write.
   *
   * @throws SnapifException {@code cannot write decision log FILE: REASON}, or {@code cannot
   *     open decision log FILE: REASON} when the file cannot be created for the first record
   */
  @Override
  public synchronized void record(List<DecisionRecord> decisions) {
    if (decisions.isEmpty()) {
      return;
    }
    FileChannel channel = channel();
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
    closed = true;
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // every line was written when record returned; nothing is left to lose
    }
  }
}
