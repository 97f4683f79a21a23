package io.snapif.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The wording of file failures in messages: {@code cannot read state file /x/state.json: no such
 * file}. The caller names what it did and the file; {@link #reason} says what went wrong in a
 * few words, never with a Java class name or the path repeated.
 */
public final class FileErrors {
  private FileErrors() {}

  /**
   * What went wrong, in a few lower-case words: {@code no such file}, {@code permission denied},
   * {@code not a directory}, {@code invalid JSON at line 1, column 3: ...}, or the operating
   * system's own words ({@code read-only file system}, {@code no space left on device}).
   */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "file exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      String where = at == null || at.getLineNr() < 1 ? ""
          : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return "invalid JSON" + where + ": " + json.getOriginalMessage();
    }
    // a FileSystemException's message repeats the path; its reason is the system's words alone
    String words = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    if (words == null || words.isBlank()) {
      return "input/output error";
    }
    return words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1);
  }
}
