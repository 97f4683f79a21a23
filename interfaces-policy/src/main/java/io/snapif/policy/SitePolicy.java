package io.snapif.policy;

import io.snapif.policy.RuleBase.RuleSource;
import io.snapif.store.FileErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The custom rule files a site registers with a state, so that every manager opened on that
 * state applies them, not only the commands that name them: the {@code *.drl} files of one
 * directory, applied in the order of their names. For a state file {@code state.json} the
 * directory is {@code state.json.rules/} beside it ({@link #forStateFile}).
 *
 * <pre>{@code
 * SitePolicy site = SitePolicy.forStateFile(statePath);
 * site.add(List.of(Path.of("no-camera.drl")));        // compiled with the others first
 * PolicyEvaluator policy = DroolsPolicyEvaluator.builder()
 *     .addRuleDirectory(site.directory())
 *     .build();
 * }</pre>
 *
 * <p>{@link #add} and {@link #remove} compile the whole resulting set of files and merge it with
 * the built-in rules before they change anything, so a file that does not compile or merge, or
 * a rule name used twice, is an error that leaves the directory as it was. Files are written
 * whole (a temporary file renamed into place) and owner-only, like the state files. Instances
 * are immutable; the directory is read at each call.
 */
public final class SitePolicy {
  /** What a state file's name gets for the name of its site rules directory. */
  public static final String DIRECTORY_SUFFIX = ".rules";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.drl");

  private final Path directory;
  private final Path cache;

  private SitePolicy(Path directory, Path cache) {
    this.directory = directory;
    this.cache = cache;
  }

  /** The site policy of the state in {@code stateFile}: the directory {@code FILE.rules}. */
  public static SitePolicy forStateFile(Path stateFile) {
    return in(directoryFor(stateFile));
  }

  /** The site rules directory of {@code stateFile}: {@code state.json.rules} beside it. */
  public static Path directoryFor(Path stateFile) {
    Objects.requireNonNull(stateFile, "stateFile");
    return stateFile.resolveSibling(stateFile.getFileName() + DIRECTORY_SUFFIX);
  }

  /** The site policy whose rule files are in {@code directory}, which need not exist yet. */
  public static SitePolicy in(Path directory) {
    return new SitePolicy(Objects.requireNonNull(directory, "directory"), null);
  }

  /**
   * This site policy, compiling the rules {@link #add} and {@link #remove} check with a rule
   * base cache ({@link DroolsPolicyEvaluator.Builder#ruleBaseCache}): the next evaluator of the
   * new set of files then finds it compiled.
   */
  public SitePolicy withRuleBaseCache(Path cacheDirectory) {
    return new SitePolicy(directory, Objects.requireNonNull(cacheDirectory, "cacheDirectory"));
  }

  /** The directory of the rule files. */
  public Path directory() {
    return directory;
  }

  /**
   * The registered rule files in the order they apply (by name); none when the directory does
   * not exist.
   *
   * @throws SitePolicyException if the directory or a file cannot be read
   */
  public List<RuleFile> files() {
    List<RuleFile> files = new ArrayList<>();
    try {
      for (Path file : ruleFiles(directory)) {
        files.add(new RuleFile(file.getFileName().toString(), file,
            digest(Files.readAllBytes(file))));
      }
    } catch (RuleCompilationException e) {
      throw new SitePolicyException("cannot read site rules: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SitePolicyException(
          "cannot read site rules in " + directory + ": " + FileErrors.reason(e), e);
    }
    return List.copyOf(files);
  }

  /**
   * The names of the registered rule files in the order they apply, without reading them; none
   * when the directory does not exist.
   *
   * @throws SitePolicyException if the directory cannot be read
   */
  public List<String> names() {
    try {
      return ruleFiles(directory).stream().map(f -> f.getFileName().toString()).toList();
    } catch (RuleCompilationException e) {
      throw new SitePolicyException("cannot read site rules: " + e.getMessage(), e);
    }
  }

  /**
   * The id of the rule set an evaluator of the built-in rules plus these files has ({@link
   * DroolsPolicyEvaluator#ruleSetId()}): {@code builtin} when there are none.
   *
   * @throws RuleCompilationException if a file cannot be read
   */
  public String ruleSetId() {
    return DroolsPolicyEvaluator.builder().addRuleDirectory(directory).ruleSetId();
  }

  /**
   * Registers {@code files}: copies them into the directory (created when missing) under their
   * own names. A file named like a registered one replaces it. The resulting set is compiled
   * with the built-in rules first; if that fails, nothing changes.
   *
   * @return the files added, as registered
   * @throws SitePolicyException if a name does not end in {@code .drl} or has other characters
   *     than letters, digits, {@code .}, {@code _} and {@code -}, two files have the same name,
   *     or the directory cannot be written
   * @throws RuleCompilationException if a file cannot be read, or the resulting set does not
   *     compile (a compile error, a rule name used twice, the built-in rules' package) or merge
   *     with the built-in rules
   */
  public List<RuleFile> add(Collection<Path> files) {
    Map<String, String> added = new LinkedHashMap<>();
    TreeMap<String, RuleSource> result = current();
    for (Path file : files) {
      String name = String.valueOf(file.getFileName());
      if (!NAME.matcher(name).matches()) {
        throw new SitePolicyException(file + ": a site rule file's name must end in .drl and"
            + " have only letters, digits, '.', '_' and '-' (starting with a letter or digit)");
      }
      if (added.containsKey(name)) {
        throw new SitePolicyException(file + ": another file named " + name + " is added too");
      }
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new RuleCompilationException(file.toString(), 0, "cannot read: "
            + FileErrors.reason(e));
      }
      added.put(name, text);
      result.put(name, new RuleSource(file.toString(), text, name));
    }
    check(result.values());
    List<Path> created;
    try {
      created = PrivateFiles.createDirectories(directory);
    } catch (IOException e) {
      throw new SitePolicyException("cannot create " + directory + ": " + FileErrors.reason(e), e);
    }
    Map<Path, byte[]> contents = new LinkedHashMap<>();
    added.forEach((name, text) ->
        contents.put(directory.resolve(name), text.getBytes(StandardCharsets.UTF_8)));
    try {
      replace(contents);
    } catch (SitePolicyException e) {
      created.forEach(SitePolicy::deleteQuietly);
      throw e;
    }
    List<RuleFile> registered = new ArrayList<>();
    contents.forEach((path, bytes) ->
        registered.add(new RuleFile(path.getFileName().toString(), path, digest(bytes))));
    return List.copyOf(registered);
  }

  /**
   * Unregisters the files named {@code names} ({@code site.drl}), and removes the directory
   * when it is left empty. The files left are compiled first, with the rule base cache if this
   * policy has one, so that the next evaluator finds them compiled.
   *
   * @throws SitePolicyException if a name is not a registered file's, or a file cannot be
   *     removed; nothing is removed then
   * @throws RuleCompilationException if a file left cannot be read or compiled (changed since
   *     it was added)
   */
  public void remove(Collection<String> names) {
    TreeMap<String, RuleSource> result = current();
    List<String> unknown = names.stream().filter(n -> !result.containsKey(n)).toList();
    if (!unknown.isEmpty()) {
      throw new SitePolicyException("no site rule file \"" + unknown.get(0) + "\" in "
          + directory + (result.isEmpty() ? " (it has none)"
              : " (it has " + String.join(", ", result.keySet()) + ")"));
    }
    names.forEach(result::remove);
    check(result.values());
    Map<Path, byte[]> contents = new LinkedHashMap<>();
    names.forEach(n -> contents.put(directory.resolve(n), null));
    replace(contents);
    if (result.isEmpty()) {
      deleteQuietly(directory); // only if empty: nothing else of the user's is lost
    }
  }

  /** A registered rule file: its name, where it is, and {@code sha256:} and its digest. */
  public record RuleFile(String name, Path path, String digest) {
    /** Checks the parts. */
    public RuleFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(digest, "digest");
    }
  }

  /**
   * The rule files of {@code directory} by name: regular {@code *.drl} files whose name does
   * not start with a dot (temporary files do); none if it does not exist.
   *
   * @throws RuleCompilationException if the directory cannot be read
   */
  static List<Path> ruleFiles(Path directory) {
    if (!Files.exists(directory)) {
      return List.of();
    }
    TreeMap<String, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.drl")) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && Files.isRegularFile(entry)) {
          files.put(name, entry);
        }
      }
    } catch (IOException e) {
      throw new RuleCompilationException(directory.toString(), 0,
          "cannot read: " + FileErrors.reason(e));
    }
    return List.copyOf(files.values());
  }

  /** The registered files as sources, by name. */
  private TreeMap<String, RuleSource> current() {
    TreeMap<String, RuleSource> sources = new TreeMap<>();
    for (Path file : ruleFiles(directory)) {
      String name = file.getFileName().toString();
      try {
        sources.put(name, new RuleSource(file.toString(),
            Files.readString(file, StandardCharsets.UTF_8), name));
      } catch (IOException e) {
        throw new RuleCompilationException(file.toString(), 0,
            "cannot read: " + FileErrors.reason(e));
      }
    }
    return sources;
  }

  /** Compiles {@code sources} (by name) with the built-in rules, as an evaluator would. */
  private void check(Collection<RuleSource> sources) {
    if (sources.isEmpty()) {
      return;
    }
    DroolsPolicyEvaluator.Builder builder = DroolsPolicyEvaluator.builder();
    sources.forEach(builder::addSource);
    if (cache != null) {
      builder.ruleBaseCache(cache);
    }
    builder.build();
  }

  /**
   * Writes the files of {@code contents} (a null content removes the file) so that either all
   * of it is done or, on a failure, none: new contents go to temporary files first, the files
   * they replace or remove are kept under temporary names until every rename has been done.
   */
  private static void replace(Map<Path, byte[]> contents) {
    Map<Path, Path> temporaries = new LinkedHashMap<>();
    Map<Path, Path> kept = new LinkedHashMap<>(); // target -> its old file (null: there was none)
    Path failed = null;
    try {
      for (Map.Entry<Path, byte[]> e : contents.entrySet()) {
        failed = e.getKey();
        if (e.getValue() != null) {
          temporaries.put(e.getKey(), PrivateFiles.writeTemporary(e.getKey(), e.getValue()));
        }
      }
      for (Path target : contents.keySet()) {
        failed = target;
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          old = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID()
              + ".old");
          if (contents.get(target) == null) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
          } else {
            // a link, so that the file is replaced in one step and never missing meanwhile
            Files.createLink(old, target);
          }
        }
        kept.put(target, old);
        Path temporary = temporaries.remove(target);
        if (temporary != null) {
          PrivateFiles.moveInto(temporary, target);
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      List<Path> done = new ArrayList<>(kept.keySet());
      for (int i = done.size() - 1; i >= 0; i--) {
        Path target = done.get(i);
        try {
          if (kept.get(target) != null) {
            PrivateFiles.moveInto(kept.get(target), target);
          } else {
            Files.deleteIfExists(target);
          }
        } catch (IOException ignored) {
          // the best that can be done; the error below says what failed
        }
      }
      temporaries.values().forEach(SitePolicy::deleteQuietly);
      throw new SitePolicyException("cannot write " + failed + ": "
          + (e instanceof IOException io ? FileErrors.reason(io) : "hard links not supported"), e);
    }
    kept.values().stream().filter(Objects::nonNull).forEach(SitePolicy::deleteQuietly);
  }

  private static String digest(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(PrivateFiles.sha256().digest(bytes));
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a left-over temporary file or a directory in use: harmless
    }
  }
}
