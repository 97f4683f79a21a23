package io.snapif.examples.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Declaration;
import io.snapif.examples.scenario.InvalidSnapException;
import io.snapif.examples.scenario.SnapDocuments;
import io.snapif.model.GadgetConnection;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Snap;
import io.snapif.model.SnapType;
import io.snapif.yaml.DocumentTooLargeException;
import io.snapif.yaml.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A snap given on the command line: a snap.yaml file, or a directory holding {@code
 * meta/snap.yaml} or {@code snap.yaml}, with optional documents beside the snap.yaml or in the
 * directory: a snap-declaration ({@code snap-declaration.yaml}, {@code .yml} or {@code .json})
 * and, for a gadget, {@code gadget.yaml}.
 *
 * <p>A declaration file holds the assertion's headers; {@code plugs} and {@code slots} are the
 * rules, {@code snap-id} and {@code publisher-id} the store identities (default {@code
 * <name>-id} and {@code dev-<name>}, as in scenarios), and {@code snap-name}, when given, must
 * name the snap. A snap without a declaration file is a store snap without grants.
 */
final class SnapDirectory {
  private static final List<String> DECLARATION_NAMES =
      List.of("snap-declaration.yaml", "snap-declaration.yml", "snap-declaration.json");
  private static final ObjectMapper YAML =
      new YAMLMapper(InputLimits.yamlFactory(InputLimits.MAX_METADATA_BYTES));

  private final Path snapYaml;
  private final Optional<Path> declaration;
  private final Optional<Path> gadgetYaml;

  private SnapDirectory(Path snapYaml, Optional<Path> declaration, Optional<Path> gadgetYaml) {
    this.snapYaml = snapYaml;
    this.declaration = declaration;
    this.gadgetYaml = gadgetYaml;
  }

  /**
   * Finds the snap's documents.
   *
   * @throws CliFailure if there is no snap.yaml there
   */
  static SnapDirectory locate(Path path) {
    if (Files.isDirectory(path)) {
      Optional<Path> yaml = first(path, List.of("meta/snap.yaml", "snap.yaml"));
      if (yaml.isEmpty()) {
        throw new CliFailure("cannot find meta/snap.yaml or snap.yaml in \"" + path + "\"");
      }
      return new SnapDirectory(yaml.get(), beside(path, yaml.get(), DECLARATION_NAMES),
          beside(path, yaml.get(), List.of("gadget.yaml")));
    }
    if (!Files.isRegularFile(path)) {
      throw new CliFailure("cannot read \"" + path + "\": no such file or directory");
    }
    Path dir = path.toAbsolutePath().getParent();
    return new SnapDirectory(path, first(dir, DECLARATION_NAMES),
        first(dir, List.of("gadget.yaml")));
  }

  Path snapYaml() {
    return snapYaml;
  }

  /** The snap.yaml, read and checked. */
  Snap snap() {
    return SnapDocuments.readSnapYaml(read(snapYaml), snapYaml.toString());
  }

  /**
   * The snap as installed from here: a local ({@code dangerous}) install has no identities and
   * no declaration; otherwise the declaration file decides them.
   *
   * @throws InvalidSnapException if a document is invalid
   */
  InstalledSnap installed(int revision, boolean dangerous) {
    Snap snap = snap();
    ImmutableList<GadgetConnection> gadget = snap.type() == SnapType.GADGET && gadgetYaml.isPresent()
        ? SnapDocuments.readGadgetConnections(read(gadgetYaml.get()), gadgetYaml.get().toString())
        : ImmutableList.of();
    if (dangerous) {
      return SnapDocuments.installed(
          snap, revision, Optional.empty(), Optional.empty(), Optional.empty(), gadget);
    }
    Optional<JsonNode> headers = declaration.map(this::headers);
    Declaration rules = headers
        .map(h -> SnapDocuments.readDeclaration(h, declaration.get().toString()))
        .orElse(Declaration.empty());
    headers.map(h -> h.path("snap-name").asText(null)).filter(n -> !n.equals(snap.name()))
        .ifPresent(n -> {
          throw new InvalidSnapException(declaration.get().toString(),
              "snap-declaration is for snap \"" + n + "\", not \"" + snap.name() + "\"", null);
        });
    Optional<String> snapId = headers.map(h -> h.path("snap-id").asText(null));
    Optional<String> publisher = headers.map(h -> h.path("publisher-id").asText(null));
    return SnapDocuments.installed(snap, revision,
        Optional.of(snapId.orElse(snap.name() + "-id")),
        Optional.of(publisher.orElse("dev-" + snap.name())),
        Optional.of(rules), gadget);
  }

  /** Whether a declaration file was found. */
  boolean hasDeclaration() {
    return declaration.isPresent();
  }

  /** The declaration's headers; {@link #installed} reads its rules. */
  JsonNode headers(Path file) {
    return headers(read(file), file.toString());
  }

  /**
   * A declaration file's headers (YAML or JSON), within {@link InputLimits}.
   *
   * @throws InvalidSnapException if the text is not a map of headers
   */
  static JsonNode headers(String text, String source) {
    // Jackson would read an alias as its anchor's name, so it is refused
    try (JsonParser parser = InputLimits.refusingAliases(YAML.createParser(text))) {
      JsonNode node = YAML.readTree(parser);
      if (node == null || !node.isObject()) {
        throw new InvalidSnapException(source, "not a map of headers", null);
      }
      return node;
    } catch (IOException e) {
      throw new InvalidSnapException(source,
          InputLimits.problem(e).orElseGet(() -> "cannot parse: " + e.getMessage()), e);
    }
  }

  Optional<Path> declarationFile() {
    return declaration;
  }

  /**
   * The text of a document, refused before it is read if over
   * {@link InputLimits#MAX_METADATA_BYTES}.
   *
   * @throws InvalidSnapException if it is too large
   */
  static String read(Path file) {
    try {
      return InputLimits.readText(file, InputLimits.MAX_METADATA_BYTES);
    } catch (DocumentTooLargeException e) {
      throw new InvalidSnapException(file.toString(), e.problem(), e);
    } catch (IOException e) {
      throw new CliFailure("cannot read \"" + file + "\": " + e.getMessage(), e);
    }
  }

  private static Optional<Path> beside(Path dir, Path yaml, List<String> names) {
    return first(yaml.toAbsolutePath().getParent(), names).or(() -> first(dir, names));
  }

  private static Optional<Path> first(Path dir, List<String> names) {
    return names.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
  }
}
