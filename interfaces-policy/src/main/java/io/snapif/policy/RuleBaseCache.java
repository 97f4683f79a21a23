package io.snapif.policy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.util.Drools;
import org.kie.api.definition.KiePackage;

/**
 * Compiled custom rules kept on disk between processes: compiling a DRL file costs seconds in a
 * fresh JVM, reading its compiled packages back a fraction of that. One entry per rule set and
 * build, named by the SHA-256 of its key: the rule set id, this snapif build (version and build
 * time), the Drools version and the Java feature release. An entry is the key, the packages
 * serialized by Drools, and a SHA-256 over both.
 *
 * <p>The cache is only ever a shortcut. An entry that is missing, unreadable, truncated, corrupt,
 * for another key (its key is compared, not just its name), owned by another than the cache
 * directory's owner, writable by others (or in a directory others may write), that does not
 * deserialize, or whose packages do not merge with the built-in rules, is ignored and the rules
 * are compiled anew; an entry that cannot be written is skipped, and rules that do not compile
 * or merge are not written ({@link RuleBase#withCustom}). Entries are written to a temporary
 * file (owner-only) and renamed into place, so a reader sees a whole entry or none.
 * Deserializing an entry runs the compiled rules' code, so the directory must be as trusted as
 * the rule files: it is created owner-only, and entries others could have written are not read.
 */
final class RuleBaseCache {
  private static final String FORMAT = "snapif-rule-base 1";
  private static final String SUFFIX = ".rulebase";
  /** Entries kept: the oldest beyond this are removed when one is written. */
  static final int KEEP = 16;
  /** Entries larger than this are not read (a rule set's are a few kilobytes each file). */
  private static final long MAX_BYTES = 64L << 20;
  private static final String BUILD = build();

  private final Path directory;

  RuleBaseCache(Path directory) {
    this.directory = directory;
  }

  /** The key of {@code ruleSetId}'s entry: what must match for its packages to be used. */
  static String key(String ruleSetId) {
    return FORMAT + "\nrule-set " + ruleSetId + "\nsnapif " + BUILD + "\ndrools "
        + Drools.getFullVersion() + "\njava " + Runtime.version().feature() + "\n";
  }

  /** The file of {@code ruleSetId}'s entry. */
  Path entry(String ruleSetId) {
    return directory.resolve(hex(sha256(key(ruleSetId).getBytes(StandardCharsets.UTF_8)))
        + SUFFIX);
  }

  /** The packages of {@code ruleSetId}'s entry, if there is a sound one. Never throws. */
  Optional<List<KiePackage>> load(String ruleSetId) {
    Path file = entry(ruleSetId);
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !ownedAndPrivate(file)
          || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      String key = in.readUTF();
      if (!key.equals(key(ruleSetId))) {
        return Optional.empty();
      }
      int length = in.readInt();
      int start = bytes.length - in.available();
      if (length < 0 || length != bytes.length - start - 32) {
        return Optional.empty();
      }
      byte[] expected = Arrays.copyOfRange(bytes, start + length, bytes.length);
      if (!MessageDigest.isEqual(expected, checksum(bytes, start + length))) {
        return Optional.empty();
      }
      Object read;
      try (DroolsObjectInputStream objects = new DroolsObjectInputStream(
          new ByteArrayInputStream(bytes, start, length), RuleBase.class.getClassLoader())) {
        read = objects.readObject();
      }
      if (!(read instanceof Object[] array)) {
        return Optional.empty();
      }
      List<KiePackage> packages = new ArrayList<>();
      for (Object p : array) {
        if (!(p instanceof KiePackage kp)) {
          return Optional.empty();
        }
        packages.add(kp);
      }
      return Optional.of(packages);
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      return Optional.empty(); // rebuilt: the cache is a shortcut, never a source of errors
    }
  }

  /**
   * The bytes of {@code ruleSetId}'s entry for {@code packages}, to {@link #write} once they are
   * known to be sound; null if they cannot be serialized. Call it before the packages are added
   * to a KieBase, which wires them to it. Never throws.
   */
  byte[] serialize(String ruleSetId, List<KiePackage> packages) {
    try {
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      try (DroolsObjectOutputStream objects = new DroolsObjectOutputStream(payload)) {
        objects.writeObject(packages.toArray());
      }
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(whole);
      out.writeUTF(key(ruleSetId));
      out.writeInt(payload.size());
      payload.writeTo(out);
      out.flush();
      whole.write(checksum(whole.toByteArray(), whole.size()));
      return whole.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null; // not cached: the next evaluator with these rules compiles them again
    }
  }

  /**
   * Writes {@code entry} (from {@link #serialize}) as {@code ruleSetId}'s entry, then removes
   * the oldest entries past {@link #KEEP}. Never throws.
   */
  void write(String ruleSetId, byte[] entry) {
    try {
      PrivateFiles.createDirectories(directory);
      PrivateFiles.writeAtomically(entry(ruleSetId), entry);
      prune();
    } catch (IOException | RuntimeException e) {
      // not cached: the next evaluator with these rules compiles them again
    }
  }

  private void prune() throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      dir.forEach(entries::add);
    }
    if (entries.size() <= KEEP) {
      return;
    }
    entries.sort(Comparator.comparing(RuleBaseCache::modified).reversed());
    for (Path old : entries.subList(KEEP, entries.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /**
   * Whether {@code file} has the owner of the cache directory and neither may be written by
   * others (where POSIX says). The directory is this user's, created owner-only; comparing
   * with its owner also works where the JVM cannot name the user.
   */
  private boolean ownedAndPrivate(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return true;
    }
    PosixFileAttributes entry =
        Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributes dir = Files.readAttributes(directory, PosixFileAttributes.class);
    return entry.owner().equals(dir.owner()) && !othersMayWrite(entry) && !othersMayWrite(dir);
  }

  private static boolean othersMayWrite(PosixFileAttributes attributes) {
    return attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
        || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE);
  }

  private static byte[] checksum(byte[] bytes, int length) {
    MessageDigest digest = PrivateFiles.sha256();
    digest.update(bytes, 0, length);
    return digest.digest();
  }

  private static byte[] sha256(byte[] bytes) {
    return PrivateFiles.sha256().digest(bytes);
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private static String build() {
    Properties p = new Properties();
    try (InputStream in = RuleBaseCache.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Without build.properties (classes not built by Maven) every entry is for this JVM alone.
    return p.getProperty("version", "unknown") + " built "
        + p.getProperty("built", "at " + ProcessHandle.current().pid() + "/" + System.nanoTime());
  }
}
