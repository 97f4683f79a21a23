package io.snapif.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.snapif.spi.StateStore;
import io.snapif.spi.StateStoreException;
import io.snapif.spi.SystemState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the state in one JSON file, crash-safe: every save writes the whole state to a
 * temporary file in the same directory, forces it to disk, keeps the current file as the
 * previous generation ({@code state.json.1}), renames the new file over the current one and
 * forces the directory. After a crash at any point the file holds either the old or the new
 * state, never a mix.
 *
 * <p>The file is one JSON object, {@code {"format":1,"checksum":"sha256:...","data":{...}}},
 * whose {@code data} is the state (installed snaps with their snap.yaml model, declarations and
 * gadget connections, and the connection entries under {@code conns} as snapd's {@code
 * state.json} writes them) and whose checksum covers the exact bytes of {@code data}. Opening a
 * file that is truncated, corrupt or edited by hand fails with {@link StateStoreException}
 * naming the file and the problem; the store never starts empty in place of a damaged file. The
 * previous generation can then be read with {@link #loadPrevious()}.
 *
 * <p>An open store holds an exclusive lock ({@code state.json.lock}), so one state file has one
 * manager at a time, across processes too. Not thread-safe: the manager calls it under its own
 * operation lock.
 *
 * <pre>{@code
 * InterfaceManager m = InterfaceManager.builder().policy(policy)
 *     .store(FileStateStore.open(Path.of("/var/lib/snapif/state.json"))).build();
 * }</pre>
 */
public final class FileStateStore implements StateStore {
  private static final int FORMAT = 1;
  // Non-finite doubles (a snap.yaml attribute may be .nan or .inf) are written as the bare
  // tokens NaN and Infinity, which this reader accepts, so that they read back as doubles.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();
  private static final Pattern HEADER =
      Pattern.compile("^\\{\"format\":(\\d+),\"checksum\":\"sha256:([0-9a-f]{64})\",\"data\":");
  private static final byte[] TRAILER = "}\n".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final Path previous;
  private final Path temporary;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private FileStateStore(Path file, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.previous = sibling(file, ".1");
    this.temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the store kept in {@code file} (which need not exist yet; its directory is created
   * if needed) and locks it.
   *
   * @throws StateStoreException if the directory cannot be created or another store holds the
   *     lock
   */
  public static FileStateStore open(Path file) {
    Path absolute = file.toAbsolutePath();
    Path lockFile = sibling(absolute, ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(absolute.getParent());
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new StateStoreException(absolute + " is in use by another process");
      }
      return new FileStateStore(absolute, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new StateStoreException(absolute + " is already open in this process", e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StateStoreException("cannot open state file " + absolute + ": " + e, e);
    } catch (StateStoreException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** The state file. */
  public Path file() {
    return file;
  }

  /** Where the previous generation is kept. */
  public Path previousFile() {
    return previous;
  }

  /**
   * {@inheritDoc}
   *
   * @throws StateStoreException if the file cannot be read or is damaged, or if it is missing
   *     while a previous generation exists (someone removed it: starting empty would lose state)
   */
  @Override
  public Optional<SystemState> load() {
    if (!Files.exists(file)) {
      if (Files.exists(previous)) {
        throw new StateStoreException("state file " + file + " is missing but its previous "
            + "generation " + previous + " exists; restore it or remove both to start anew");
      }
      return Optional.empty();
    }
    return Optional.of(read(file));
  }

  /**
   * The previous generation: the state before the last save, for recovery when the current file
   * is damaged.
   *
   * @throws StateStoreException if it exists but cannot be read
   */
  public Optional<SystemState> loadPrevious() {
    return Files.exists(previous) ? Optional.of(read(previous)) : Optional.empty();
  }

  @Override
  public void save(SystemState state) {
    checkOpen();
    byte[] bytes = encode(state);
    try {
      try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      if (Files.exists(file)) {
        keepAsPrevious();
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
    } catch (IOException e) {
      throw new StateStoreException("cannot save state to " + file + ": " + e, e);
    }
  }

  /**
   * Makes the current file the previous generation without a moment where neither exists: a
   * hard link (or a copy) under a temporary name, renamed over the old previous generation.
   */
  private void keepAsPrevious() throws IOException {
    Path link = previous.resolveSibling("." + previous.getFileName() + ".tmp");
    Files.deleteIfExists(link);
    try {
      Files.createLink(link, file);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(file, link, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel c = FileChannel.open(link, StandardOpenOption.WRITE)) {
        c.force(true);
      }
    }
    Files.move(link, previous, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Makes the renames durable. Some platforms cannot open a directory; they do not need it. */
  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // not supported here (e.g. Windows); the rename is as durable as the platform makes it
    }
  }

  static byte[] encode(SystemState state) {
    byte[] data;
    try {
      data = WRITER.writeValueAsBytes(StateJson.write(state));
    } catch (JsonProcessingException e) {
      throw new StateStoreException("cannot encode state: " + e.getOriginalMessage(), e);
    }
    byte[] header = ("{\"format\":" + FORMAT + ",\"checksum\":\"sha256:" + sha256(data)
        + "\",\"data\":").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(header, header.length + data.length + TRAILER.length);
    System.arraycopy(data, 0, out, header.length, data.length);
    System.arraycopy(TRAILER, 0, out, header.length + data.length, TRAILER.length);
    return out;
  }

  private static SystemState read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new StateStoreException("cannot read state file " + path + ": " + e, e);
    }
    try {
      return decode(bytes);
    } catch (StateStoreException e) {
      throw new StateStoreException("state file " + path + " is damaged: " + e.getMessage(), e);
    }
  }

  static SystemState decode(byte[] bytes) {
    String start = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.US_ASCII);
    Matcher header = HEADER.matcher(start);
    if (!header.find()) {
      throw new StateStoreException(bytes.length == 0 ? "the file is empty"
          : "not a snapif state file (no format and checksum header)");
    }
    int format = Integer.parseInt(header.group(1));
    if (format != FORMAT) {
      throw new StateStoreException("unknown format " + format + " (this version reads "
          + FORMAT + ")");
    }
    int end = bytes.length - TRAILER.length;
    if (end < header.end()
        || !Arrays.equals(bytes, end, bytes.length, TRAILER, 0, TRAILER.length)) {
      throw new StateStoreException("the file is truncated (" + bytes.length + " bytes)");
    }
    byte[] data = Arrays.copyOfRange(bytes, header.end(), end);
    if (!sha256(data).equals(header.group(2))) {
      throw new StateStoreException("checksum mismatch: the data is truncated or corrupt");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(data);
    } catch (IOException e) {
      throw new StateStoreException("invalid JSON: " + e.getMessage(), e);
    }
    return StateJson.read(new JsonInput(tree, "data"));
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private void checkOpen() {
    if (!lockChannel.isOpen()) {
      throw new IllegalStateException("the state store " + file + " is closed");
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      // the lock goes with the channel anyway
    }
    closeQuietly(lockChannel);
  }

  @Override
  public String toString() {
    return "FileStateStore[" + file + "]";
  }

  private static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to do: closing a lock file
      }
    }
  }
}
