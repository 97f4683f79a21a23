package io.snapif.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.common.base.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The bounds every reader of outside documents applies, so that a hostile or broken file fails
 * fast with a typed error instead of exhausting memory or stack: size, nesting depth and YAML
 * aliases. The limits are the parsers' own (SnakeYAML's {@link LoaderOptions}, Jackson's
 * {@link StreamReadConstraints}), set here once; a file's size is checked before it is read.
 *
 * <p>The limits lie far above anything real: the largest of the 332 recorded snap.yaml texts
 * is under 10 KB and nests 6 levels, the largest scenario ({@code bench/synthetic-5000.json})
 * is 2.8 MB.
 * <ul>
 *   <li>{@link #MAX_METADATA_BYTES}: snap.yaml, gadget.yaml, declarations;
 *   <li>{@link #MAX_SCENARIO_BYTES}: scenario files and bench systems, which embed many snaps;
 *   <li>{@link #MAX_NESTING_DEPTH}: maps and lists inside each other, any document;
 *   <li>{@link #MAX_COLLECTION_ALIASES} and {@link #MAX_EXPANDED_NODES}: how often a YAML
 *       alias may refer to a map or list, and how many nodes a document may expand to through
 *       aliases (a "billion laughs" document is refused by both). Readers that do not expand
 *       aliases (the Jackson-based ones) refuse them: see {@link #refusingAliases}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class InputLimits {
  /** Most bytes (UTF-8) of a snap.yaml, gadget.yaml or declaration: 1 MiB. */
  public static final long MAX_METADATA_BYTES = 1L << 20;

  /** Most bytes of a scenario file or bench system: 64 MiB. */
  public static final long MAX_SCENARIO_BYTES = 64L << 20;

  /** Most levels of maps and lists inside each other. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Most aliases to a map or list in one YAML document (SnakeYAML's default). */
  public static final int MAX_COLLECTION_ALIASES = 50;

  /** Most nodes a YAML document may have once its aliases are expanded. */
  public static final int MAX_EXPANDED_NODES = 200_000;

  /** Jackson's words for a document over its length limit: its length, then the limit. */
  private static final Pattern DOCUMENT_LENGTH =
      Pattern.compile("Document length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

  private InputLimits() {}

  /**
   * Reads a UTF-8 text file of at most {@code limit} bytes, refusing a larger one before
   * reading it (and stopping after {@code limit + 1} bytes should it grow meanwhile).
   *
   * @throws DocumentTooLargeException naming the file, if it is larger than {@code limit}
   * @throws IOException if it cannot be read or is not UTF-8
   */
  public static String readText(Path file, long limit) throws IOException {
    long size = Files.size(file);
    if (size > limit) {
      throw new DocumentTooLargeException(file.toString(), size, limit);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    }
    if (bytes.length > limit) {
      throw new DocumentTooLargeException(file.toString(), bytes.length, limit);
    }
    // Strict decoding, as Files.readString: malformed input is an IOException.
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }

  /**
   * Refuses text longer than {@code limit} bytes once encoded in UTF-8.
   *
   * @param source names the text in the message, may be empty
   * @throws DocumentTooLargeException if it is too large
   */
  public static void checkSize(String text, String source, long limit) {
    if (text.length() <= limit / 3) {
      return; // no char takes more than 3 bytes
    }
    long size;
    try {
      size = Utf8.encodedLength(text);
    } catch (IllegalArgumentException unpairedSurrogate) {
      size = text.length();
    }
    if (size > limit) {
      throw new DocumentTooLargeException(source, size, limit);
    }
  }

  /**
   * A Jackson factory for JSON documents of at most {@code limit} bytes and
   * {@link #MAX_NESTING_DEPTH} levels.
   */
  public static JsonFactory jsonFactory(long limit) {
    return JsonFactory.builder().streamReadConstraints(constraints(limit)).build();
  }

  /**
   * A Jackson factory for YAML (and JSON) documents of at most {@code limit} bytes and
   * {@link #MAX_NESTING_DEPTH} levels. Jackson reads an alias as its anchor's name rather than
   * its value; wrap its parsers in {@link #refusingAliases}.
   */
  public static YAMLFactory yamlFactory(long limit) {
    return YAMLFactory.builder()
        .loaderOptions(loaderOptions(limit))
        .streamReadConstraints(constraints(limit))
        .build();
  }

  /**
   * {@code parser}, failing with a {@link JsonParseException} ("YAML aliases are not
   * supported") at the first YAML alias. Readers that take a Jackson tree of a YAML document
   * use it so that an alias is an error, not its anchor's name read as a string.
   */
  public static JsonParser refusingAliases(JsonParser parser) {
    if (!(parser instanceof YAMLParser yaml)) {
      return parser;
    }
    return new JsonParserDelegate(yaml) {
      @Override
      public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (yaml.isCurrentAlias()) {
          throw new AliasRefused(this, yaml.getText());
        }
        return token;
      }
    };
  }

  /**
   * What a limit a parser enforced says, in this library's words ({@code too deeply nested:
   * more than 64 levels}), when {@code e} (or a cause) is a parser refusing a document over one
   * of the limits; empty for any other failure.
   */
  public static Optional<String> problem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AliasRefused a) {
        return Optional.of(a.getOriginalMessage());
      }
      String message = String.valueOf(t.getMessage());
      if (t instanceof StreamConstraintsException) {
        if (message.contains("nesting depth")) {
          return Optional.of(tooDeep());
        }
        Matcher length = DOCUMENT_LENGTH.matcher(message);
        if (length.find()) {
          return Optional.of(DocumentTooLargeException.problem(
              Long.parseLong(length.group(1)), Long.parseLong(length.group(2))));
        }
      }
      if (t instanceof YAMLException) {
        if (message.startsWith("Nesting Depth exceeded")) {
          return Optional.of(tooDeep());
        }
        if (message.startsWith("Number of aliases for non-scalar nodes")) {
          return Optional.of("too many aliases: more than " + MAX_COLLECTION_ALIASES
              + " aliases of maps or lists");
        }
        if (message.startsWith("The incoming YAML document exceeds the limit")) {
          return Optional.of("document too large: more than "
              + message.replaceAll("[^0-9]", "") + " characters");
        }
      }
    }
    return Optional.empty();
  }

  /** What {@link #refusingAliases} throws. */
  private static final class AliasRefused extends JsonParseException {
    private static final long serialVersionUID = 1L;

    AliasRefused(JsonParser parser, String anchor) {
      super(parser, "YAML aliases are not supported (*" + anchor + ")");
    }
  }

  private static String tooDeep() {
    return "too deeply nested: more than " + MAX_NESTING_DEPTH + " levels";
  }

  /** SnakeYAML's options with the limits; the caller sets what else it needs. */
  static LoaderOptions loaderOptions(long limit) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(codePoints(limit));
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static int codePoints(long limit) {
    return (int) Math.min(limit, Integer.MAX_VALUE);
  }

  private static StreamReadConstraints constraints(long limit) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxDocumentLength(limit)
        .build();
  }
}
