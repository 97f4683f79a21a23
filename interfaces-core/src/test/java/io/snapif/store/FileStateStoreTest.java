package io.snapif.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snapif.model.App;
import io.snapif.model.Attributes;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import io.snapif.model.Device;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import io.snapif.spi.StateStoreException;
import io.snapif.spi.SystemState;
import io.snapif.testing.Snaps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
  @TempDir Path dir;

  static InstalledSnap system() {
    return InstalledSnap.builder()
        .snap(Snap.builder().name("core").type(SnapType.OS).snapId("core-id")
            .publisherId("canonical")
            .putSlots("network", io.snapif.model.Slot.builder().snap("core").name("network")
                .iface("network").build())
            .build())
        .declaration(io.snapif.declaration.Declaration.empty())
        .build();
  }

  /** A state using every part of the model. */
  static SystemState rich(long generation) {
    InstalledSnap vlcBase = Snaps.snap("vlc")
        .plug("gtk", "content", Map.of("content", "gtk-3", "default-provider", "gtk-common",
            "count", 3L, "ratio", 0.5, "on", true,
            "paths", List.of("$SNAP/a", "$SNAP/b"), "nested", Map.of("k", List.of(1L, "x"))))
        .plugs("network", "camera")
        .build();
    InstalledSnap vlc = InstalledSnap.builder().from(vlcBase)
        .snap(Snap.builder().from(vlcBase.snap()).version("3.0.18").revision(7)
            .putApps("vlc", App.builder().name("vlc").addPlugs("network", "camera").build())
            .putHooks("configure", App.builder().name("configure").addPlugs("network").build())
            .putBadInterfaces("bogus", "unknown interface \"bogus\"")
            .build())
        .declaration(DeclarationJsonTest.everything())
        .build();
    InstalledSnap pc = Snaps.snap("pc").type(SnapType.GADGET).slots("serial=serial-port")
        .gadgetConnection("vlc-id", "camera", "system", "camera").build();
    InstalledSnap local = Snaps.snap("local").plugs("network").dangerous().build();
    Connection manual = Connection.builder().id(ConnectionId.parse("vlc:camera pc:serial"))
        .iface("camera").build();
    Connection auto = Connection.builder().id(ConnectionId.parse("vlc:network core:network"))
        .iface("network").auto(true)
        .plugStatic(Attributes.of(Map.of("a", 1L)))
        .plugDynamic(Attributes.of(Map.of("b", "x")))
        .slotStatic(Attributes.of(Map.of("c", List.of(true))))
        .slotDynamic(Attributes.of(Map.of("d", Map.of("e", 2.5))))
        .build();
    Connection undesired = Connection.builder()
        .id(ConnectionId.parse("local:network core:network")).iface("network")
        .auto(true).byGadget(true).undesired(true).build();
    return SystemState.builder()
        .device(Device.builder().classic(false).distro("ubuntu-core").brand("acme")
            .model("box").store("acme-store").gadget("pc").build())
        .addSnaps(system(), vlc, pc, local)
        .putConnections(manual.id(), manual)
        .putConnections(auto.id(), auto)
        .putConnections(undesired.id(), undesired)
        .seeded(true)
        .generation(generation)
        .build();
  }

  /** Saves states 1 to 3 in a new store and copies its files as a crash would leave them. */
  private Path crashedAfterThreeSaves(String name) throws IOException {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.load();
      store.save(rich(1));
      store.save(rich(2));
      store.save(rich(3));
      return crashCopy(name);
    }
  }

  private Path stateFile() {
    return dir.resolve("state.json");
  }

  @Test
  void load_ofNewStore_isEmpty() {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThat(store.load()).isEmpty();
      assertThat(store.loadPrevious()).isEmpty();
    }
  }

  @Test
  void saveThenLoad_returnsEqualState() {
    SystemState state = rich(3);
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.save(state);
    }
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThat(store.load()).contains(state);
    }
  }

  @Test
  void file_recordsConnectionsAsSnapdDoes() throws IOException {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.save(rich(1));
    }
    String text = Files.readString(stateFile());
    JsonNode data = new ObjectMapper().readTree(text).get("data");
    JsonNode conns = data.get("conns");
    assertThat(conns.get("vlc:network core:network").toString()).isEqualTo(
        "{\"interface\":\"network\",\"auto\":true,\"plug-static\":{\"a\":1},"
            + "\"plug-dynamic\":{\"b\":\"x\"},\"slot-static\":{\"c\":[true]},"
            + "\"slot-dynamic\":{\"d\":{\"e\":2.5}}}");
    assertThat(conns.get("vlc:camera pc:serial").toString())
        .isEqualTo("{\"interface\":\"camera\"}");
    assertThat(conns.get("local:network core:network").toString()).isEqualTo(
        "{\"interface\":\"network\",\"auto\":true,\"by-gadget\":true,\"undesired\":true}");
    assertThat(data.get("snaps")).hasSize(4);
  }

  @Test
  void save_keepsThePreviousGenerationAndLeavesNoTemporaryFile() throws IOException {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.save(rich(1));
      store.save(rich(2));
      store.save(rich(3));

      assertThat(store.load()).contains(rich(3));
      assertThat(store.loadPrevious()).contains(rich(2));
      store.compact();
      assertThat(store.load()).contains(rich(3));
      assertThat(store.loadPrevious()).contains(rich(2));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("state.json", "state.json.1");
    }
  }

  @Test
  void close_leavesTheJournal_andTheNextOpenReplaysIt() throws IOException {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.save(rich(1));
      store.save(rich(2));
      store.save(rich(3));
    }
    assertThat(dir.resolve("state.json.journal")).exists();
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThat(store.load()).contains(rich(3));
      assertThat(store.loadPrevious()).contains(rich(2));
    }
  }

  @Test
  void load_detectsTruncatedFile() throws IOException {
    saveRich();
    byte[] bytes = Files.readAllBytes(stateFile());
    for (int cut : new int[] {0, 10, bytes.length / 2, bytes.length - 1}) {
      Files.write(stateFile(), java.util.Arrays.copyOf(bytes, cut));
      try (FileStateStore store = FileStateStore.open(stateFile())) {
        assertThatThrownBy(store::load)
            .isInstanceOf(StateStoreException.class)
            .hasMessageStartingWith(
                "cannot read state file " + stateFile() + ": not a valid state file (");
      }
    }
  }

  @Test
  void load_detectsCorruptByte() throws IOException {
    saveRich();
    byte[] bytes = Files.readAllBytes(stateFile());
    int at = bytes.length / 2;
    bytes[at] = (byte) (bytes[at] == 'a' ? 'b' : 'a');
    Files.write(stateFile(), bytes);
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(store::load)
          .isInstanceOf(StateStoreException.class)
          .hasMessage("cannot read state file " + stateFile()
              + ": not a valid state file (checksum mismatch)");
      assertThat(store.loadPrevious()).isEmpty();
    }
  }

  @Test
  void load_reportsInvalidStateWithItsPath() throws IOException {
    saveRich();
    String text = Files.readString(stateFile());
    String data = text.substring(text.indexOf("\"data\":") + 7, text.length() - 2)
        .replace("\"interface\" : \"camera\"", "\"interface\" : 42");
    Files.write(stateFile(), resealed(data));
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(store::load)
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("data.snaps[1].plugs.camera.interface: expected a string");
    }
  }

  @Test
  void load_refusesUnknownFormatAndForeignFiles() throws IOException {
    Files.writeString(stateFile(), "{\"data\":{}}");
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(store::load).isInstanceOf(StateStoreException.class)
          .hasMessage("cannot read state file " + stateFile()
              + ": not a valid state file (no format and checksum header)");
    }
    Files.writeString(stateFile(), "{\"format\":9,\"checksum\":\"sha256:" + "0".repeat(64)
        + "\",\"data\":{}}\n");
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(store::load).isInstanceOf(StateStoreException.class)
          .hasMessage("cannot read state file " + stateFile()
              + ": not a valid state file (unknown format 9, this version reads 1)");
    }
  }

  @Test
  void load_refusesToStartEmptyWhenOnlyThePreviousGenerationIsLeft() throws IOException {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.save(rich(1));
      store.save(rich(2));
      store.compact();
    }
    Files.delete(stateFile());
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(store::load).isInstanceOf(StateStoreException.class)
          .hasMessage("cannot read state file " + stateFile() + ": no such file, but its "
              + "previous generation " + dir.resolve("state.json.1") + " exists; restore it, "
              + "or remove them to start anew");
      assertThat(store.loadPrevious()).contains(rich(1));
    }
  }

  @Test
  void open_isExclusive() {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(() -> FileStateStore.open(stateFile()))
          .isInstanceOf(StateStoreException.class)
          .hasMessage(
              "cannot open state file " + stateFile() + ": already open in this process");
    }
    FileStateStore.open(stateFile()).close();
  }

  @Test
  void openAndCloseWithoutASave_leavesTheFileSystemAsItWas() throws IOException {
    Path file = dir.resolve("a").resolve("b").resolve("state.json");
    try (FileStateStore store = FileStateStore.open(file)) {
      assertThat(store.load()).isEmpty();
      assertThat(file.resolveSibling("state.json.lock")).exists();
    }
    assertThat(dir.resolve("a")).doesNotExist();

    // a directory that was there before stays, and so does what others keep in it
    Files.createDirectories(file.getParent());
    Files.writeString(file.resolveSibling("notes"), "mine");
    FileStateStore.open(file).close();
    assertThat(listing(file.getParent())).containsExactly("notes");
  }

  @Test
  void aFailedLoad_leavesTheStateAsItWasAndNoLock() throws IOException {
    Files.writeString(stateFile(), "{ not a state");
    FileStateStore store = FileStateStore.open(stateFile());
    assertThatThrownBy(store::load).isInstanceOf(StateStoreException.class);
    store.close();

    assertThat(listing(dir)).containsExactly("state.json");
    assertThat(Files.readString(stateFile())).isEqualTo("{ not a state");
  }

  @Test
  void aRefusedOpen_leavesTheHoldersLockInPlace() throws IOException {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.save(rich(1));
      assertThatThrownBy(() -> FileStateStore.open(stateFile()))
          .isInstanceOf(StateStoreException.class);
      assertThat(dir.resolve("state.json.lock")).exists();
      store.save(rich(2));
    }
    assertThat(listing(dir)).containsExactlyInAnyOrder("state.json", "state.json.journal");
  }

  @Test
  void anotherProcess_findsTheStoreInUse_evenAfterARefusedSecondOpenHere() throws Exception {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(() -> FileStateStore.open(stateFile()))
          .isInstanceOf(StateStoreException.class);
      // the refused open never opened the lock file, so it cannot have released the lock
      assertThat(openInAnotherProcess(stateFile()))
          .isEqualTo("cannot open state file " + stateFile() + ": in use by another process");
    }
    assertThat(openInAnotherProcess(stateFile())).isEqualTo("opened");
  }

  /** Opens a store on {@code file} in a new JVM: "opened", or why it could not. */
  private static String openInAnotherProcess(Path file) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(),
        file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /** The main of {@link #openInAnotherProcess}. */
  static final class OtherProcess {
    public static void main(String[] args) {
      try (FileStateStore store = FileStateStore.open(Path.of(args[0]))) {
        System.out.println("opened");
      } catch (StateStoreException e) {
        System.out.println(e.getMessage());
      }
    }
  }

  @Test
  void aLockFileLeftByACrash_isTakenOverAndRemoved() throws IOException {
    Files.writeString(dir.resolve("state.json.lock"), "");
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.save(rich(1));
    }
    assertThat(listing(dir)).containsExactly("state.json");
  }

  @Test
  void everyFileIsCreatedPrivate() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "a file system with POSIX permissions");
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThat(Files.getPosixFilePermissions(dir.resolve("state.json.lock")))
          .isEqualTo(ownerOnly);
      store.save(rich(1));
      store.save(rich(2));
      store.save(rich(3));
      List<String> files = listing(dir);
      store.compact();
      files = Stream.concat(files.stream(), listing(dir).stream()).distinct().toList();
      assertThat(files).contains("state.json", "state.json.1", "state.json.journal",
          "state.json.lock");
      for (String name : files) {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
          assertThat(Files.getPosixFilePermissions(file)).as(name).isEqualTo(ownerOnly);
        }
      }
      // a temporary file left by a crash with other permissions is not reused as it is
      Path temporary = dir.resolve(".state.json.tmp");
      Files.writeString(temporary, "left over");
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      store.save(rich(4));
      store.compact();
      assertThat(Files.getPosixFilePermissions(stateFile())).isEqualTo(ownerOnly);
      assertThat(Files.getPosixFilePermissions(dir.resolve("state.json.1")))
          .isEqualTo(ownerOnly);
    }
  }

  @Test
  void fileErrors_nameTheFileAndTheReasonWithoutJavaNames() throws IOException {
    Files.createDirectories(stateFile());
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(store::load).isInstanceOf(StateStoreException.class)
          .hasMessage("cannot read state file " + stateFile() + ": is a directory");
    }
    Path blocked = dir.resolve("plain");
    Files.writeString(blocked, "");
    assertThatThrownBy(() -> FileStateStore.open(blocked.resolve("sub").resolve("state.json")))
        .isInstanceOf(StateStoreException.class)
        .hasMessage("cannot create directory " + blocked + ": not a directory");
    Files.delete(stateFile());
    Files.writeString(stateFile(), "{\"format\":1,\"checksum\":\"sha256:" + "0".repeat(64)
        + "\",\"data\":{}}\n");
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      assertThatThrownBy(store::load).isInstanceOf(StateStoreException.class)
          .hasMessage("cannot read state file " + stateFile()
              + ": not a valid state file (checksum mismatch)");
    }
  }

  @Test
  void fileErrors_reason_isShort() {
    assertThat(FileErrors.reason(new NoSuchFileException("/x/state.json")))
        .isEqualTo("no such file");
    assertThat(FileErrors.reason(new AccessDeniedException("/x/state.json")))
        .isEqualTo("permission denied");
    assertThat(FileErrors.reason(new NotDirectoryException("/x")))
        .isEqualTo("not a directory");
    assertThat(FileErrors.reason(
        new FileSystemException("/x/state.json", null, "Read-only file system")))
        .isEqualTo("read-only file system");
    assertThat(FileErrors.reason(new IOException("No space left on device")))
        .isEqualTo("no space left on device");
    assertThat(FileErrors.reason(new IOException())).isEqualTo("input/output error");
  }

  private static List<String> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void saveRich() {
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.save(rich(1));
    }
  }

  /** A file with {@code data} and a correct checksum, as if written by a buggy writer. */
  private static byte[] resealed(String data) throws IOException {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    String sum;
    try {
      sum = java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return ("{\"format\":1,\"checksum\":\"sha256:" + sum + "\",\"data\":" + data + "}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The store's files as they are while it is open, copied elsewhere: a crash's leftovers. */
  private Path crashCopy(String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.createDirectories(copy);
    for (String f : new String[] {"state.json", "state.json.1", "state.json.journal"}) {
      if (Files.exists(dir.resolve(f))) {
        Files.copy(dir.resolve(f), copy.resolve(f));
      }
    }
    return copy.resolve("state.json");
  }

  @Test
  void savesAfterTheFirst_goToTheJournal_andAreReplayedAfterACrash() throws IOException {
    Path crashed;
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.load();
      store.save(rich(1));
      String snapshot = Files.readString(stateFile());
      store.save(rich(2));
      store.save(rich(3));
      assertThat(Files.readString(stateFile())).isEqualTo(snapshot);
      assertThat(store.journalFile()).exists();
      crashed = crashCopy("crashed");
    }
    try (FileStateStore store = FileStateStore.open(crashed)) {
      assertThat(store.load()).contains(rich(3));
      assertThat(store.loadPrevious()).contains(rich(2));
      store.save(rich(4));
    }
    try (FileStateStore store = FileStateStore.open(crashed)) {
      assertThat(store.load()).contains(rich(4));
      assertThat(store.loadPrevious()).contains(rich(3));
    }
  }

  @Test
  void tornLastRecord_isASaveThatNeverReturned() throws IOException {
    Path crashed = crashedAfterThreeSaves("torn");
    Path journal = crashed.resolveSibling("state.json.journal");
    byte[] bytes = Files.readAllBytes(journal);
    Files.write(journal, java.util.Arrays.copyOf(bytes, bytes.length - 7));
    try (FileStateStore store = FileStateStore.open(crashed)) {
      assertThat(store.load()).contains(rich(2));
      store.save(rich(5));
    }
    try (FileStateStore store = FileStateStore.open(crashed)) {
      assertThat(store.load()).contains(rich(5));
      assertThat(store.loadPrevious()).contains(rich(2));
    }
  }

  @Test
  void damagedRecordBeforeOthers_failsOpening() throws IOException {
    Path crashed = crashedAfterThreeSaves("damaged");
    Path journal = crashed.resolveSibling("state.json.journal");
    List<String> lines = Files.readAllLines(journal);
    lines.set(1, lines.get(1).replace("\"generation\":2", "\"generation\":7"));
    Files.write(journal, lines);
    try (FileStateStore store = FileStateStore.open(crashed)) {
      assertThatThrownBy(store::load).isInstanceOf(StateStoreException.class)
          .hasMessage("cannot read journal " + journal
              + ": not a valid journal (line 2: checksum mismatch)");
    }
  }

  @Test
  void journalOfAFoldAlreadyInTheSnapshot_isIgnored_butAForeignOneIsRefused() throws IOException {
    Path crashed;
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.load();
      store.save(rich(1));
      store.save(rich(2));
      crashed = crashCopy("folding");
      store.compact();
    }
    // the fold put rich(2) in the snapshot; the crash came before the journal went
    Files.copy(stateFile(), crashed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (FileStateStore store = FileStateStore.open(crashed)) {
      assertThat(store.load()).contains(rich(2));
      store.save(rich(3));
    }
    try (FileStateStore store = FileStateStore.open(crashed)) {
      assertThat(store.load()).contains(rich(3));
    }
    Path foreign;
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.load();
      store.save(rich(3));
      foreign = crashCopy("foreign");
    }
    try (FileStateStore store = FileStateStore.open(stateFile())) {
      store.load();
      store.save(rich(9));
      store.compact();
    }
    Files.copy(stateFile(), foreign, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (FileStateStore store = FileStateStore.open(foreign)) {
      assertThatThrownBy(store::load).isInstanceOf(StateStoreException.class)
          .hasMessageContaining("it continues snapshot sha256:");
    }
  }

  /**
   * State {@code generation}; every even one also has a snap with a 250 KB attribute, so that
   * the journal outgrows 1 MiB after a few saves and the store folds on its own.
   */
  private static SystemState bulky(long generation) {
    SystemState state = rich(generation);
    if (generation % 2 == 1) {
      return state;
    }
    InstalledSnap big = Snaps.snap("big")
        .plug("blob", "content", Map.of("content", "x".repeat(250_000))).build();
    return SystemState.builder().from(state).addSnaps(big).build();
  }

  /** The name and bytes of every file in {@code dir}, sorted by name. */
  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        out.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  @Test
  void processCrashDurability_writesTheSameFilesAsMachineCrash_throughFoldsAndCompact()
      throws IOException {
    Path durable = dir.resolve("durable").resolve("state.json");
    Path scratch = dir.resolve("scratch").resolve("state.json");
    try (FileStateStore d = FileStateStore.open(durable);
        FileStateStore s = FileStateStore.open(scratch, FileStateStore.Durability.PROCESS_CRASH)) {
      assertThat(d.load()).isEmpty();
      assertThat(s.load()).isEmpty();
      for (long g = 1; g <= 15; g++) {
        d.save(bulky(g));
        s.save(bulky(g));
        assertThat(files(scratch.getParent())).isEqualTo(files(durable.getParent()));
      }
      // the journal was folded on its own, and saves since then are in a new one
      assertThat(FileStateStore.decode(Files.readAllBytes(scratch)).generation())
          .isBetween(2L, 14L);
      assertThat(s.journalFile()).exists();
      d.compact();
      s.compact();
      assertThat(s.journalFile()).doesNotExist();
      assertThat(files(scratch.getParent())).isEqualTo(files(durable.getParent()));
    }
  }

  @Test
  void processCrashDurability_findsEverySaveAfterCloseAndAfterACrash() throws IOException {
    Path scratch = dir.resolve("scratch").resolve("state.json");
    Path crashed = dir.resolve("crashed").resolve("state.json");
    try (FileStateStore s = FileStateStore.open(scratch, FileStateStore.Durability.PROCESS_CRASH)) {
      s.load();
      for (long g = 1; g <= 15; g++) {
        s.save(bulky(g));
      }
      // A crashed process leaves what it wrote with the operating system, as a copy of the files
      // of the store still open sees them (a FileChannel does not buffer).
      Files.createDirectories(crashed.getParent());
      for (Path f : new Path[] {s.file(), s.previousFile(), s.journalFile()}) {
        Files.copy(f, crashed.resolveSibling(f.getFileName()));
      }
    }
    for (Path file : List.of(scratch, crashed)) {
      try (FileStateStore s = FileStateStore.open(file, FileStateStore.Durability.PROCESS_CRASH)) {
        assertThat(s.load()).contains(bulky(15));
        assertThat(s.loadPrevious()).contains(bulky(14));
        s.save(bulky(16));
      }
      // the files are the same at either level: a durable store reads on where the scratch left
      try (FileStateStore d = FileStateStore.open(file)) {
        assertThat(d.load()).contains(bulky(16));
        assertThat(d.loadPrevious()).contains(bulky(15));
      }
    }
  }
}
