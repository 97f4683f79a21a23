package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The names and summaries of the built-in interfaces, as the CLI shows them. */
final class InterfaceCatalogView {
  private static final String RESOURCE = "/io/snapif/catalog/interfaces.json";
  private final ImmutableSortedMap<String, String> summaries;

  private InterfaceCatalogView(ImmutableSortedMap<String, String> summaries) {
    this.summaries = summaries;
  }

  static InterfaceCatalogView builtin() {
    try (InputStream in = InterfaceCatalogView.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CliFailure("the interface catalog is missing from this build");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      ImmutableSortedMap.Builder<String, String> b = ImmutableSortedMap.naturalOrder();
      for (JsonNode i : root.get("interfaces")) {
        b.put(i.get("name").asText(), i.path("summary").asText(""));
      }
      return new InterfaceCatalogView(b.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean contains(String name) {
    return summaries.containsKey(name);
  }

  String summary(String name) {
    return summaries.getOrDefault(name, "");
  }

  Set<String> names() {
    return summaries.keySet();
  }
}
