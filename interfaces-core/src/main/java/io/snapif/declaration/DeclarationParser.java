package io.snapif.declaration;

import com.google.common.base.Suppliers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads and validates the {@code plugs:} / {@code slots:} rule stanzas of a snap-declaration or of
 * the base declaration, with the constraint language and the checks of snapd 2.57.6.
 *
 * <p>Values follow the assertion format, where every scalar is a string: a JSON or YAML {@code
 * true}, {@code false} or number counts as the string {@code "true"}, {@code "false"}, {@code
 * "2"}. Headers other than {@code plugs} and {@code slots} are ignored. Keys that snapd does not
 * read where they appear are ignored too, as snapd does, and listed in {@link
 * Declaration#ignoredKeys()}.
 *
 * <p>Regexps (attribute values, {@code plug-names}, ...) are checked with Go's syntax, as snapd
 * compiles them. Errors name the source, the line for YAML text, and the path of the bad key.
 *
 * <pre>{@code
 * Declaration base = DeclarationParser.builtinBaseDeclaration();
 * Declaration grant = DeclarationParser.parseRules(
 *     Map.of("plugs", Map.of("camera", Map.of("allow-auto-connection", true))),
 *     "declaration of \"vlc\"");
 * Constraints auto = grant.rule(Side.PLUG, "camera").orElseThrow().allow(CheckKind.AUTO_CONNECTION);
 * }</pre>
 *
 * <p>Stateless and thread-safe. No argument may be null.
 */
public final class DeclarationParser {
  private static final String BUILTIN_RESOURCE = "base-declaration.yaml";

  private static final Supplier<Declaration> BUILTIN =
      Suppliers.memoize(DeclarationParser::loadBuiltin);

  private DeclarationParser() {}

  /**
   * Parses the rules of a declaration given as a generic tree (strings, booleans, numbers, lists
   * and maps with string keys, as bound from JSON or YAML).
   *
   * @param headers the declaration's headers; only {@code plugs} and {@code slots} are read
   * @param source what is parsed, for messages (e.g. {@code declaration of "vlc"})
   * @throws DeclarationException naming the path of the first bad key
   */
  public static Declaration parseRules(Map<String, ?> headers, String source) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(source, "source");
    try {
      return new RuleCompiler().compile(HeaderTree.fromJava(headers));
    } catch (DeclarationException e) {
      throw e.locate(source, 0);
    }
  }

  /**
   * Parses a YAML document holding a declaration: a snap-declaration-like map with {@code plugs:}
   * and {@code slots:}, or the base-declaration file format ({@code type: base-declaration}, ...).
   *
   * @param yamlText the document
   * @param source the file name or description, for messages
   * @throws DeclarationException naming the line and path of the first bad key
   */
  public static Declaration parseYaml(String yamlText, String source) {
    Objects.requireNonNull(yamlText, "yamlText");
    Objects.requireNonNull(source, "source");
    HeaderTree.Document document = HeaderTree.fromYaml(yamlText, source);
    try {
      return new RuleCompiler().compile(document.root());
    } catch (DeclarationException e) {
      throw e.locate(source, document.lineOf(e.path()));
    }
  }

  /**
   * The built-in base declaration (snapd 2.57.6's, resource {@code
   * io/snapif/declaration/base-declaration.yaml}), parsed once on first use.
   *
   * @throws DeclarationException if the resource is broken (a packaging error)
   */
  public static Declaration builtinBaseDeclaration() {
    return BUILTIN.get();
  }

  private static Declaration loadBuiltin() {
    try (InputStream in = DeclarationParser.class.getResourceAsStream(BUILTIN_RESOURCE)) {
      if (in == null) {
        throw new DeclarationException(BUILTIN_RESOURCE, 0, "", "resource is missing");
      }
      return parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILTIN_RESOURCE);
    } catch (IOException e) {
      throw new DeclarationException(BUILTIN_RESOURCE, 0, "", "cannot read resource: " + e);
    }
  }
}
