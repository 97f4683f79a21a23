package io.snapif.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Owner-only files written whole, as the state files are ({@code FileStateStore}): site rule
 * files and rule base cache entries. Files are {@code 0600} and directories {@code 0700} from
 * their creation, where the file system has POSIX permissions.
 */
final class PrivateFiles {
  private static final FileAttribute<?> FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final FileAttribute<?> DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private PrivateFiles() {}

  /**
   * A new temporary file beside {@code target} holding {@code bytes}, forced to disk; rename it
   * into place with {@link #moveInto}. Its name starts with a dot, which rule directories skip.
   */
  static Path writeTemporary(Path target, byte[] bytes) throws IOException {
    Path temporary = target.resolveSibling(
        "." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try (FileChannel out = FileChannel.open(temporary,
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes(target,
            FILE))) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    return temporary;
  }

  /** Renames {@code temporary} over {@code target} in one step. */
  static void moveInto(Path temporary, Path target) throws IOException {
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes {@code target} whole: a reader sees the old file or the new one, never a part. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temporary = writeTemporary(target, bytes);
    try {
      moveInto(temporary, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /** Creates {@code dir} and its missing parents, owner-only; returns those it created. */
  static List<Path> createDirectories(Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir.toAbsolutePath(); d != null && !Files.isDirectory(d); d = d.getParent()) {
      missing.add(0, d);
    }
    List<Path> created = new ArrayList<>();
    for (Path d : missing) {
      try {
        Files.createDirectory(d, attributes(d, DIRECTORY));
        created.add(0, d);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(d)) {
          throw e;
        }
      }
    }
    return created;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static FileAttribute<?>[] attributes(Path path, FileAttribute<?> posix) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {posix} : new FileAttribute<?>[0];
  }
}
