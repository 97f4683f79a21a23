package io.snapif.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.spi.StateStore;
import io.snapif.spi.StateStoreException;
import io.snapif.spi.SystemState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the state crash-safe in a snapshot file and a journal of changes since that snapshot.
 *
 * <p>Every save appends one record to the journal ({@code state.json.journal}), the change from
 * the previously saved state, and forces it to disk before it returns: the cost of a save
 * follows what changed, not the size of the system. When the journal grows past the size of the
 * snapshot (or on {@link #compact()}) it is folded into a new snapshot: the state before the
 * last save is written as the previous generation ({@code state.json.1}), the current state to a
 * temporary file forced to disk and renamed over {@code state.json}, the directory forced, and
 * only then is the journal removed. After a crash at any point, opening finds every saved state:
 * the snapshot plus the records of its journal, a journal left over from a fold already in the
 * snapshot being recognized (its last record has the snapshot's generation) and ignored.
 *
 * <p>That is {@link Durability#MACHINE_CRASH}, the default. A store opened with {@link
 * Durability#PROCESS_CRASH}, for scratch state, does all of the above but forces nothing to
 * disk: it survives its process crashing, not the machine.
 *
 * <p>The snapshot is one JSON object, {@code {"format":1,"checksum":"sha256:...","data":{...}}},
 * whose {@code data} is the state (installed snaps with their snap.yaml model, declarations and
 * gadget connections, and the connection entries under {@code conns} as snapd's {@code
 * state.json} writes them) and whose checksum covers the exact bytes of {@code data}. The
 * journal starts with a line naming the checksum of the snapshot it continues, then one line per
 * record: {@code sha256:HEX JSON} (see {@link StateJournal}). A record cut short at the end of
 * the journal is a save that never returned and is dropped; a damaged record before others, a
 * truncated, corrupt or hand-edited snapshot, or a journal that belongs to no snapshot fails
 * opening with {@link StateStoreException} naming the file and the problem; the store never
 * starts empty in place of a damaged file. The previous generation (the state before the last
 * save) can then be read with {@link #loadPrevious()}.
 *
 * <p>An open store holds an exclusive lock ({@code state.json.lock}), so one state file has one
 * manager at a time, across processes too. The lock file exists only while a store is open (or
 * after a crash, until the next open and close): closing removes it, and the directories the
 * open created if they are still empty, so that opening a store and closing it without a save
 * leaves the file system as it was. Not thread-safe: the manager calls it under its own
 * operation lock.
 *
 * <p>Where the file system has POSIX permissions, every file the store creates (state file,
 * journal, previous generation, lock, temporary files) is created readable and writable by its
 * owner only ({@code 0600}), from the start.
 *
 * <pre>{@code
 * InterfaceManager m = InterfaceManager.builder().policy(policy)
 *     .store(FileStateStore.open(Path.of("/var/lib/snapif/state.json"))).build();
 * }</pre>
 */
public final class FileStateStore implements StateStore {
  /**
   * What a save survives once it has returned. Both levels write the same files, in the same
   * order, with the same atomic renames, so recovery is the same and a state written at one
   * level can be opened at the other; they differ only in whether writes are forced to disk.
   */
  public enum Durability {
    /**
     * Every save, fold and rename is forced to disk ({@code fsync}) before the call returns: a
     * returned save survives the process crashing and also the machine crashing or losing
     * power. The default, for state that matters.
     */
    MACHINE_CRASH,
    /**
     * Nothing is forced to disk: a returned save is in the operating system's hands, so it
     * survives the process ending or crashing, but a machine crash or power loss may lose it
     * (or leave files that fail to open). For scratch state that dies with the machine's
     * session anyway (a simulation, a test, a temporary directory deleted at exit), where
     * forcing buys nothing and costs a disk flush per save.
     */
    PROCESS_CRASH
  }

  private static final int FORMAT = 1;
  // Non-finite doubles (a snap.yaml attribute may be .nan or .inf) are written as the bare
  // tokens NaN and Infinity, which this reader accepts, so that they read back as doubles.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();
  private static final ObjectWriter RECORD_WRITER = MAPPER.writer();
  private static final int JOURNAL_FORMAT = 1;
  /** A journal smaller than this is never folded into the snapshot while the store is open. */
  private static final long MIN_JOURNAL_BYTES = 1 << 20;
  private static final Pattern HEADER =
      Pattern.compile("^\\{\"format\":(\\d+),\"checksum\":\"sha256:([0-9a-f]{64})\",\"data\":");
  private static final byte[] TRAILER = "}\n".getBytes(StandardCharsets.US_ASCII);
  /** Owner read and write only: what every file of the store is created with. */
  private static final FileAttribute<?> PRIVATE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  /**
   * The lock files that stores of this process hold. A second open must not even open such a
   * file: closing any channel to it would release this process's lock (POSIX record locks).
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  /** How often open takes the lock again when the file it locked was removed meanwhile. */
  private static final int LOCK_ATTEMPTS = 10;

  private final Path file;
  private final Path previous;
  private final Path temporary;
  private final Path journalFile;
  private final Durability durability;
  private final Path lockFile;
  private final FileChannel lockChannel;
  private final FileLock lock;
  /** What new files are created with: {@link #PRIVATE} where the file system has it. */
  private final FileAttribute<?>[] attributes;
  /** The directories the open created, deepest first: removed at close if still empty. */
  private final List<Path> createdDirectories;
  /** Whether close removes the lock file: only where files have an identity to check. */
  private final boolean removeLock;
  /** The last state loaded or saved, which the next save's record starts from; null: unknown. */
  private SystemState last;
  /** The state before {@link #last}, written as the previous generation by a fold. */
  private SystemState beforeLast;
  /** The checksum of the snapshot on disk, which a new journal names. */
  private String snapshotChecksum;
  private long snapshotBytes;
  /** The journal open for appending, or null when there is none yet. */
  private FileChannel journal;
  /** The journal's length up to its last good record (a torn tail is cut off before appending). */
  private long journalBytes;
  private int journalRecords;

  private FileStateStore(Path file, Durability durability, Path lockFile, FileChannel lockChannel,
      FileLock lock, List<Path> createdDirectories, boolean removeLock) {
    this.file = file;
    this.durability = durability;
    this.previous = sibling(file, ".1");
    this.temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    this.journalFile = sibling(file, ".journal");
    this.lockFile = lockFile;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.attributes = attributes(file);
    this.createdDirectories = createdDirectories;
    this.removeLock = removeLock;
  }

  /**
   * Opens the store kept in {@code file} (which need not exist yet; its directory is created
   * if needed) and locks it, with {@link Durability#MACHINE_CRASH}: every save is on disk when
   * it returns. The state file itself is written by the first save, not here.
   *
   * @throws StateStoreException if the directory or the lock file cannot be created or another
   *     store holds the lock; nothing the open created is left behind then
   */
  public static FileStateStore open(Path file) {
    return open(file, Durability.MACHINE_CRASH);
  }

  /**
   * Opens the store kept in {@code file} (which need not exist yet; its directory is created
   * if needed) and locks it; its saves survive what {@code durability} says. The state file
   * itself is written by the first save, not here.
   *
   * @throws StateStoreException if the directory or the lock file cannot be created or another
   *     store holds the lock; nothing the open created is left behind then
   */
  public static FileStateStore open(Path file, Durability durability) {
    Objects.requireNonNull(durability, "durability");
    Path absolute = file.toAbsolutePath().normalize();
    Path lockFile = sibling(absolute, ".lock");
    if (!HELD.add(lockFile)) {
      throw new StateStoreException(
          "cannot open state file " + absolute + ": already open in this process");
    }
    List<Path> created = new ArrayList<>();
    try {
      return lock(absolute, durability, lockFile, created);
    } catch (RuntimeException e) {
      HELD.remove(lockFile);
      removeEmpty(created);
      throw e;
    }
  }

  /**
   * Creates the directories and the lock file as needed and locks it. The last holder of a lock
   * file removes it while it holds the lock, so a lock taken on a file that is no longer the one
   * at {@code lockFile} is worthless: then it is given up and taken again.
   */
  private static FileStateStore lock(
      Path file, Durability durability, Path lockFile, List<Path> created) {
    FileAttribute<?>[] attributes = attributes(file);
    for (int attempt = 1; ; attempt++) {
      createDirectories(file, created);
      FileChannel channel;
      Object key;
      try {
        channel = FileChannel.open(lockFile,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attributes);
        key = fileKey(lockFile);
      } catch (NoSuchFileException e) {
        if (attempt < LOCK_ATTEMPTS) {
          continue; // the directory was removed by a store closing meanwhile
        }
        throw failure("cannot create lock file", lockFile, e);
      } catch (IOException e) {
        throw failure("cannot create lock file", lockFile, e);
      }
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          throw new StateStoreException(
              "cannot open state file " + file + ": in use by another process");
        }
        // where files have no identity (key), lock files are never removed: nothing to check
        if (key == null || key.equals(fileKey(lockFile))) {
          return new FileStateStore(
              file, durability, lockFile, channel, lock, created, key != null);
        }
      } catch (IOException e) {
        closeQuietly(channel);
        throw failure("cannot lock", lockFile, e);
      } catch (OverlappingFileLockException e) {
        // the same file under another name (a link): closing the channel releases that lock too
        closeQuietly(channel);
        throw new StateStoreException(
            "cannot open state file " + file + ": already open in this process", e);
      } catch (RuntimeException e) {
        closeQuietly(channel);
        throw e;
      }
      closeQuietly(channel);
      if (attempt == LOCK_ATTEMPTS) {
        throw new StateStoreException(
            "cannot open state file " + file + ": in use by another process");
      }
    }
  }

  /** Creates the missing directories above {@code file}, adding them to {@code created}. */
  private static void createDirectories(Path file, List<Path> created) {
    List<Path> missing = new ArrayList<>();
    for (Path dir = file.getParent(); dir != null && !Files.isDirectory(dir);
        dir = dir.getParent()) {
      missing.add(0, dir);
    }
    for (Path dir : missing) {
      try {
        Files.createDirectory(dir);
        created.add(0, dir);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(dir)) {
          throw failure("cannot create directory", dir, new NotDirectoryException(dir.toString()));
        }
      } catch (IOException e) {
        throw failure("cannot create directory", dir, e);
      }
    }
  }

  /** Removes {@code dirs} (deepest first) that are empty; a directory in use stays. */
  private static void removeEmpty(List<Path> dirs) {
    for (Path dir : dirs) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        return; // not empty (a state was written there, or someone else uses it): keep it
      }
    }
  }

  /** The identity of the file at {@code path} (device and inode), or null if it has none. */
  private static Object fileKey(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return new Object(); // removed: equal to no key the lock was taken with
    }
  }

  /** What a new owner-only file at {@code file} is created with (nothing without POSIX). */
  static FileAttribute<?>[] attributes(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PRIVATE} : new FileAttribute<?>[0];
  }

  /** A failure on {@code path}: {@code cannot DOING PATH: REASON}. */
  private static StateStoreException failure(String doing, Path path, IOException e) {
    return new StateStoreException(doing + " " + path + ": " + FileErrors.reason(e), e);
  }

  /** The state file. */
  public Path file() {
    return file;
  }

  /** Where the previous generation is kept. */
  public Path previousFile() {
    return previous;
  }

  /** Where the changes since the snapshot are kept. */
  public Path journalFile() {
    return journalFile;
  }

  /**
   * {@inheritDoc}
   *
   * @throws StateStoreException if the file or its journal cannot be read or is damaged, or if
   *     the file is missing while a previous generation or a journal exists (someone removed it:
   *     starting empty would lose state)
   */
  @Override
  public Optional<SystemState> load() {
    Optional<Stored> stored = readStored();
    if (stored.isEmpty()) {
      last = null;
      beforeLast = null;
      return Optional.empty();
    }
    Stored s = stored.get();
    last = s.state();
    beforeLast = s.before().orElse(null);
    snapshotChecksum = s.checksum();
    snapshotBytes = s.snapshotBytes();
    journalBytes = s.journalBytes();
    journalRecords = s.records();
    return Optional.of(last);
  }

  /**
   * The previous generation: the state before the last save, for recovery when the current file
   * is damaged.
   *
   * @throws StateStoreException if it exists but cannot be read
   */
  public Optional<SystemState> loadPrevious() {
    if (Files.exists(file) && Files.exists(journalFile)) {
      Optional<SystemState> before = readStored().flatMap(Stored::before);
      if (before.isPresent()) {
        return before;
      }
    }
    return Files.exists(previous) ? Optional.of(read(previous).state()) : Optional.empty();
  }

  /**
   * What is stored: the snapshot with its journal replayed; the state before the last record,
   * when there is one; and where the journal's good records end.
   */
  private record Stored(SystemState state, Optional<SystemState> before, String checksum,
      long snapshotBytes, long journalBytes, int records) {}

  private Optional<Stored> readStored() {
    if (!Files.exists(file)) {
      for (Path other : new Path[] {previous, journalFile}) {
        if (Files.exists(other)) {
          throw new StateStoreException("cannot read state file " + file + ": no such file, "
              + "but its " + (other == previous ? "previous generation " : "journal ") + other
              + " exists; restore it, or remove them to start anew");
        }
      }
      return Optional.empty();
    }
    Snapshot snapshot = read(file);
    if (!Files.exists(journalFile)) {
      return Optional.of(new Stored(snapshot.state(), Optional.empty(), snapshot.checksum(),
          snapshot.bytes(), 0, 0));
    }
    byte[] bytes = readAll(journalFile, "journal");
    try {
      return Optional.of(replay(snapshot, bytes));
    } catch (StateStoreException e) {
      throw new StateStoreException("cannot read journal " + journalFile
          + ": not a valid journal (" + e.getMessage() + ")", e);
    }
  }

  private static Stored replay(Snapshot snapshot, byte[] bytes) {
    List<Line> lines = lines(bytes);
    if (lines.isEmpty()) {
      // cut short while being created: nothing was saved into it
      return new Stored(snapshot.state(), Optional.empty(), snapshot.checksum(), snapshot.bytes(),
          0, 0);
    }
    JsonNode header = parse(lines.get(0).text(), "line 1");
    if (header.path("journal").asInt() != JOURNAL_FORMAT || !header.path("base").isTextual()) {
      throw new StateStoreException("line 1: not a snapif journal header");
    }
    List<JsonNode> records = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String text = lines.get(i).text();
      int space = text.indexOf(' ');
      String sum = space < 0 ? "" : text.substring(0, space);
      byte[] json = space < 0 ? new byte[0]
          : text.substring(space + 1).getBytes(StandardCharsets.UTF_8);
      if (!sum.equals("sha256:" + sha256(json))) {
        if (i == lines.size() - 1) {
          // the last record was being written when the writer stopped: its save never returned
          lines = lines.subList(0, i);
          break;
        }
        throw new StateStoreException("line " + (i + 1) + ": checksum mismatch");
      }
      records.add(parse(json, "line " + (i + 1)));
    }
    long good = lines.get(lines.size() - 1).end();
    String base = header.get("base").asText();
    if (!base.equals("sha256:" + snapshot.checksum())) {
      long lastGeneration = records.isEmpty() ? -1
          : records.get(records.size() - 1).path("generation").asLong(-1);
      if (!records.isEmpty() && lastGeneration == snapshot.state().generation()) {
        // left over from a fold interrupted after the new snapshot was in place: all in it
        return new Stored(snapshot.state(), Optional.empty(), snapshot.checksum(),
            snapshot.bytes(), 0, 0);
      }
      throw new StateStoreException("it continues snapshot " + base + ", not the state file's "
          + "sha256:" + snapshot.checksum());
    }
    if (records.isEmpty()) {
      return new Stored(snapshot.state(), Optional.empty(), snapshot.checksum(),
          snapshot.bytes(), good, 0);
    }
    SystemState state = snapshot.state();
    SystemState before = state;
    for (int i = 0; i < records.size(); i++) {
      before = state;
      state = StateJournal.replay(state, new JsonInput(records.get(i), "line " + (i + 2)));
    }
    return new Stored(state, Optional.of(before), snapshot.checksum(), snapshot.bytes(), good,
        records.size());
  }

  /** A journal line without its newline, and the offset just after that newline. */
  private record Line(String text, long end) {}

  /** The complete lines of {@code bytes}; a last line without its newline is left out. */
  private static List<Line> lines(byte[] bytes) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        out.add(new Line(new String(bytes, start, i - start, StandardCharsets.UTF_8), i + 1));
        start = i + 1;
      }
    }
    return out;
  }

  private static JsonNode parse(String text, String where) {
    return parse(text.getBytes(StandardCharsets.UTF_8), where);
  }

  private static JsonNode parse(byte[] json, String where) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new StateStoreException(where + ": " + FileErrors.reason(e), e);
    }
  }

  @Override
  public void save(SystemState state) {
    checkOpen();
    try {
      if (last == null || snapshotChecksum == null || !Files.exists(file)) {
        // nothing known to record a change from: a whole snapshot
        writeSnapshot(state, Optional.empty());
      } else {
        append(StateJournal.diff(last, state).orElseGet(() -> StateJournal.whole(state)));
        beforeLast = last;
        last = state;
        if (journalBytes > Math.max(MIN_JOURNAL_BYTES, snapshotBytes)) {
          fold();
        }
        return;
      }
    } catch (IOException e) {
      throw failure("cannot save state file", file, e);
    }
    beforeLast = last;
    last = state;
  }

  /** Appends one record and forces it to disk; creates the journal first when needed. */
  private void append(ObjectNode record) throws IOException {
    if (journal == null) {
      boolean fresh = journalRecords == 0;
      if (fresh) {
        // one left over from a fold is in the snapshot already; a new one is made private
        Files.deleteIfExists(journalFile);
      }
      journal = FileChannel.open(journalFile,
          Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attributes);
      if (fresh) {
        byte[] header = ("{\"journal\":" + JOURNAL_FORMAT + ",\"base\":\"sha256:"
            + snapshotChecksum + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        writeFully(journal, header, 0);
        force(journal, true);
        forceDirectory();
        journalBytes = header.length;
      } else {
        journal.truncate(journalBytes); // a torn record of a save that never returned
      }
    }
    byte[] json = RECORD_WRITER.writeValueAsBytes(record);
    byte[] prefix = ("sha256:" + sha256(json) + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[prefix.length + json.length + 1];
    System.arraycopy(prefix, 0, line, 0, prefix.length);
    System.arraycopy(json, 0, line, prefix.length, json.length);
    line[line.length - 1] = '\n';
    writeFully(journal, line, journalBytes);
    force(journal, false);
    journalBytes += line.length;
    journalRecords++;
  }

  private static void writeFully(FileChannel channel, byte[] bytes, long position)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  /** Folds the journal into a new snapshot (see the class comment for the order of steps). */
  private void fold() throws IOException {
    writeSnapshot(last, Optional.ofNullable(beforeLast));
  }

  /**
   * Writes {@code state} as the snapshot and drops the journal. The previous generation becomes
   * {@code previousState} when given, else the snapshot being replaced.
   */
  private void writeSnapshot(SystemState state, Optional<SystemState> previousState)
      throws IOException {
    if (previousState.isPresent()) {
      writeAtomically(previous, encode(previousState.get()));
    } else if (Files.exists(file)) {
      keepAsPrevious();
    }
    Encoded encoded = encodeSnapshot(state);
    writeAtomically(file, encoded.bytes());
    forceDirectory();
    if (journal != null) {
      journal.close();
      journal = null;
    }
    Files.deleteIfExists(journalFile);
    forceDirectory();
    snapshotChecksum = encoded.checksum();
    snapshotBytes = encoded.bytes().length;
    journalBytes = 0;
    journalRecords = 0;
  }

  /**
   * Writes a temporary file, forces it to disk and renames it over {@code target}. The file is
   * made anew, so that it has the store's permissions whatever a left-over one had.
   */
  private void writeAtomically(Path target, byte[] bytes) throws IOException {
    Files.deleteIfExists(temporary);
    try (FileChannel out = FileChannel.open(temporary,
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
      writeFully(out, bytes, 0);
      force(out, true);
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Makes the current file the previous generation without a moment where neither exists: a
   * hard link under a temporary name, renamed over the old previous generation; or, where
   * links cannot be made, a copy written like a snapshot.
   */
  private void keepAsPrevious() throws IOException {
    Path link = previous.resolveSibling("." + previous.getFileName() + ".tmp");
    Files.deleteIfExists(link);
    try {
      Files.createLink(link, file);
    } catch (UnsupportedOperationException | IOException e) {
      writeAtomically(previous, Files.readAllBytes(file));
      return;
    }
    Files.move(link, previous, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Forces {@code channel}'s writes to disk, unless the store is {@link Durability#PROCESS_CRASH}:
   * the one place that decides, for files and the directory alike.
   */
  private void force(FileChannel channel, boolean metaData) throws IOException {
    if (durability == Durability.MACHINE_CRASH) {
      channel.force(metaData);
    }
  }

  /** Makes the renames durable. Some platforms cannot open a directory; they do not need it. */
  private void forceDirectory() {
    if (durability != Durability.MACHINE_CRASH) {
      return; // force would do nothing: not even open the directory
    }
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      force(dir, true);
    } catch (IOException e) {
      // not supported here (e.g. Windows); the rename is as durable as the platform makes it
    }
  }

  /** A snapshot file's bytes and the checksum of its data. */
  private record Encoded(byte[] bytes, String checksum) {}

  /** A snapshot read back: the state, its data's checksum and the file's size. */
  private record Snapshot(SystemState state, String checksum, long bytes) {}

  static byte[] encode(SystemState state) {
    return encodeSnapshot(state).bytes();
  }

  private static Encoded encodeSnapshot(SystemState state) {
    byte[] data;
    try {
      data = WRITER.writeValueAsBytes(StateJson.write(state));
    } catch (JsonProcessingException e) {
      throw new StateStoreException("cannot encode state: " + FileErrors.reason(e), e);
    }
    String checksum = sha256(data);
    byte[] header = ("{\"format\":" + FORMAT + ",\"checksum\":\"sha256:" + checksum
        + "\",\"data\":").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(header, header.length + data.length + TRAILER.length);
    System.arraycopy(data, 0, out, header.length, data.length);
    System.arraycopy(TRAILER, 0, out, header.length + data.length, TRAILER.length);
    return new Encoded(out, checksum);
  }

  private static byte[] readAll(Path path, String what) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw failure("cannot read " + what, path, e);
    }
  }

  private static Snapshot read(Path path) {
    byte[] bytes = readAll(path, "state file");
    try {
      SystemState state = decode(bytes);
      return new Snapshot(state, checksumOf(bytes), bytes.length);
    } catch (StateStoreException e) {
      throw new StateStoreException("cannot read state file " + path
          + ": not a valid state file (" + e.getMessage() + ")", e);
    }
  }

  /** The checksum in the header of snapshot bytes that {@link #decode} accepted. */
  private static String checksumOf(byte[] bytes) {
    Matcher header = HEADER.matcher(
        new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.US_ASCII));
    header.find();
    return header.group(2);
  }

  static SystemState decode(byte[] bytes) {
    String start = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.US_ASCII);
    Matcher header = HEADER.matcher(start);
    if (!header.find()) {
      throw new StateStoreException(bytes.length == 0 ? "the file is empty"
          : "no format and checksum header");
    }
    int format = Integer.parseInt(header.group(1));
    if (format != FORMAT) {
      throw new StateStoreException("unknown format " + format + ", this version reads "
          + FORMAT);
    }
    int end = bytes.length - TRAILER.length;
    if (end < header.end()
        || !Arrays.equals(bytes, end, bytes.length, TRAILER, 0, TRAILER.length)) {
      throw new StateStoreException("truncated at " + bytes.length + " bytes");
    }
    byte[] data = Arrays.copyOfRange(bytes, header.end(), end);
    if (!sha256(data).equals(header.group(2))) {
      throw new StateStoreException("checksum mismatch");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(data);
    } catch (IOException e) {
      throw new StateStoreException(FileErrors.reason(e), e);
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

  /**
   * Folds the journal into the snapshot now, so that {@code state.json} alone holds the last
   * saved state (before a backup, say). Saves fold on their own once the journal outgrows the
   * snapshot; nothing else needs this.
   *
   * @throws StateStoreException if the snapshot cannot be written (the journal still holds every
   *     save then)
   * @throws IllegalStateException if the store is closed
   */
  public void compact() {
    checkOpen();
    if (journalRecords == 0 || last == null) {
      return;
    }
    try {
      fold();
    } catch (IOException e) {
      throw failure("cannot write state file", file, e);
    }
  }

  /**
   * Removes the lock file and releases the lock, and removes the directories the open created
   * if nothing was saved in them. The journal stays as it is: it holds every save since the
   * snapshot, and folding it here would cost two full encodings of the state for each
   * short-lived manager (one CLI command, say) while the next open replays it for less.
   */
  @Override
  public void close() {
    if (!lockChannel.isOpen()) {
      return;
    }
    if (journal != null) {
      try {
        journal.close();
      } catch (IOException e) {
        // every record is already written (and forced, unless PROCESS_CRASH)
      }
      journal = null;
    }
    try {
      if (removeLock) {
        // removed while held: an open that locked it meanwhile sees it gone and tries again
        Files.deleteIfExists(lockFile);
        removeEmpty(createdDirectories);
      }
    } catch (IOException e) {
      // a lock file left behind is taken over by the next open
    }
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      // the lock goes with the channel anyway
    }
    closeQuietly(lockChannel);
    HELD.remove(lockFile);
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
