package io.snapif.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import io.snapif.SnapifException;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.DeclarationParser;
import io.snapif.model.GadgetConnection;
import io.snapif.model.InstalledSnap;
import io.snapif.model.Snap;
import io.snapif.yaml.GadgetYaml;
import io.snapif.yaml.SnapYaml;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the documents a snap comes with (snap.yaml, the snap-declaration's rule headers, a
 * gadget's gadget.yaml) and assembles an {@link InstalledSnap}. Every failure is an {@link
 * InvalidSnapException} naming the document, whatever reader found it. Stateless and thread-safe.
 */
public final class SnapDocuments {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SnapDocuments() {}

  /**
   * Reads snap.yaml text: plugs and slots after their interfaces' checks, the dropped ones in
   * {@link Snap#badInterfaces()}.
   *
   * @throws InvalidSnapException if the text is not a valid snap.yaml
   */
  public static Snap readSnapYaml(String text, String source) {
    return reading(source, () -> SnapYaml.read(text, source, InterfaceCatalog.builtin()));
  }

  /**
   * Reads the {@code plugs}/{@code slots} rule headers of a snap-declaration (other headers are
   * ignored).
   *
   * @throws InvalidSnapException if a rule or constraint is invalid
   */
  public static Declaration readDeclaration(JsonNode headers, String source) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = MAPPER.convertValue(headers, Map.class);
    return readDeclaration(map, source);
  }

  /**
   * Reads the {@code plugs}/{@code slots} rule headers of a snap-declaration given as plain Java
   * values (maps, lists, strings, booleans, numbers).
   *
   * @throws InvalidSnapException if a rule or constraint is invalid
   */
  public static Declaration readDeclaration(Map<String, ?> headers, String source) {
    return reading(source, () -> DeclarationParser.parseRules(headers, source));
  }

  /**
   * Reads a gadget.yaml's {@code connections:}.
   *
   * @throws InvalidSnapException if the text is not a valid gadget.yaml
   */
  public static ImmutableList<GadgetConnection> readGadgetConnections(String text, String source) {
    return reading(source, () -> GadgetYaml.readConnections(text, source));
  }

  /**
   * A snap as installed: {@code snap} with the given revision and store identities, its
   * declaration (empty for a local install, whose identities must be empty too) and gadget
   * connections.
   */
  public static InstalledSnap installed(
      Snap snap, int revision, Optional<String> snapId, Optional<String> publisherId,
      Optional<Declaration> declaration, ImmutableList<GadgetConnection> gadgetConnections) {
    return InstalledSnap.builder()
        .snap(Snap.builder().from(snap)
            .revision(revision).snapId(snapId).publisherId(publisherId).build())
        .declaration(declaration)
        .gadgetConnections(gadgetConnections)
        .build();
  }

  /** Runs a reader, turning its typed failure into an {@link InvalidSnapException}. */
  private static <T> T reading(String source, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (InvalidSnapException e) {
      throw e;
    } catch (SnapifException e) {
      throw new InvalidSnapException(source, e);
    }
  }
}
