package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.snapif.SnapifException;
import io.snapif.declaration.CheckKind;
import io.snapif.declaration.Declaration;
import io.snapif.declaration.Rule;
import io.snapif.examples.scenario.SnapDocuments;
import io.snapif.model.GadgetConnection;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import io.snapif.model.Snap;
import io.snapif.yaml.DocumentTooLargeException;
import io.snapif.yaml.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code snapif validate PATH...}: checks snap.yaml, gadget.yaml and declaration files. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check snap.yaml, gadget.yaml and snap-declaration files and show what they "
        + "declare: plugs and slots after their interfaces' checks (and the ones dropped, with "
        + "why), gadget connections, declaration rules.",
        "A directory stands for the documents of the snap in it. The kind of a file comes from "
            + "its name (snap.yaml, gadget.yaml, *declaration*), else from its content.",
        "Exit status 1 when any file is invalid."})
final class ValidateCommand implements Callable<Integer> {
  /** Reads a document only far enough to tell its kind, within the metadata limits. */
  private static final YAMLMapper KIND_READER =
      new YAMLMapper(InputLimits.yamlFactory(InputLimits.MAX_METADATA_BYTES));

  @ParentCommand SnapifCli root;

  @Parameters(arity = "1..*", paramLabel = "PATH")
  List<Path> paths;

  /** The kinds of document validate knows. */
  enum Kind {
    SNAP, GADGET, DECLARATION;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public Integer call() {
    List<ObjectNode> results = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : files(path)) {
        results.add(check(file));
      }
    }
    boolean allOk = results.stream().allMatch(r -> r.get("ok").asBoolean());
    if (root.json()) {
      ObjectNode out = Json.object();
      out.putArray("files").addAll(results);
      root.out().print(Json.write(out));
    } else {
      results.forEach(r -> root.out().print(text(r)));
    }
    return allOk ? SnapifCli.OK : SnapifCli.FAILED;
  }

  /** The documents a path stands for: the file itself, or the snap documents in a directory. */
  private static List<Path> files(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> out = new ArrayList<>();
    SnapDirectory dir = SnapDirectory.locate(path);
    out.add(dir.snapYaml());
    dir.declarationFile().ifPresent(out::add);
    for (String name : List.of("meta/gadget.yaml", "gadget.yaml")) {
      if (Files.isRegularFile(path.resolve(name))) {
        out.add(path.resolve(name));
        break;
      }
    }
    return out;
  }

  private static ObjectNode check(Path file) {
    ObjectNode r = Json.object();
    r.put("path", file.toString());
    String text;
    try {
      text = InputLimits.readText(file, InputLimits.MAX_METADATA_BYTES);
    } catch (IOException | DocumentTooLargeException e) {
      r.put("kind", "unknown");
      r.put("ok", false);
      r.putArray("errors").add(e instanceof DocumentTooLargeException
          ? e.getMessage() : "cannot read: " + e.getMessage());
      return r;
    }
    Kind kind = kind(file, text);
    r.put("kind", kind.word());
    try {
      switch (kind) {
        case SNAP -> snap(r, SnapDocuments.readSnapYaml(text, file.toString()));
        case GADGET -> gadget(r, SnapDocuments.readGadgetConnections(text, file.toString()));
        case DECLARATION -> declaration(r, text, file);
        default -> throw new IllegalStateException(kind.toString());
      }
    } catch (SnapifException e) {
      ObjectNode failed = Json.object();
      failed.put("path", file.toString());
      failed.put("kind", kind.word());
      failed.put("ok", false);
      failed.putArray("errors").add(e.getMessage());
      return failed;
    }
    return r;
  }

  /** The kind by file name, else by content. */
  static Kind kind(Path file, String text) {
    String name = file.getFileName().toString();
    if (name.equals("snap.yaml")) {
      return Kind.SNAP;
    }
    if (name.equals("gadget.yaml")) {
      return Kind.GADGET;
    }
    if (name.contains("declaration")) {
      return Kind.DECLARATION;
    }
    JsonNode root;
    try {
      root = KIND_READER.readTree(text);
    } catch (IOException e) {
      return Kind.SNAP; // unreadable: report it as the most common kind, with the parse error
    }
    if (root == null || !root.isObject() || root.has("name")) {
      return Kind.SNAP;
    }
    if (root.has("volumes") || root.has("connections") || root.has("defaults")) {
      return Kind.GADGET;
    }
    return Kind.DECLARATION;
  }

  private static void snap(ObjectNode r, Snap snap) {
    r.put("ok", true);
    r.put("name", snap.name());
    r.put("type", snap.type().yamlName());
    ObjectNode plugs = r.putObject("plugs");
    for (Plug p : snap.plugs().values()) {
      plugs.putObject(p.name()).put("interface", p.iface())
          .set("attrs", Json.attributes(p.attributes()));
    }
    ObjectNode slots = r.putObject("slots");
    for (Slot s : snap.slots().values()) {
      slots.putObject(s.name()).put("interface", s.iface())
          .set("attrs", Json.attributes(s.attributes()));
    }
    ObjectNode dropped = r.putObject("dropped");
    snap.badInterfaces().forEach(dropped::put);
  }

  private static void gadget(ObjectNode r, List<GadgetConnection> connections) {
    r.put("ok", true);
    ArrayNode list = r.putArray("connections");
    for (GadgetConnection c : connections) {
      list.addObject()
          .put("plug", c.plugSnapId() + ":" + c.plugName())
          .put("slot", c.slotSnapId() + ":" + c.slotName());
    }
  }

  private static void declaration(ObjectNode r, String text, Path file) {
    JsonNode headers = SnapDirectory.headers(text, file.toString());
    Declaration d = SnapDocuments.readDeclaration(headers, file.toString());
    r.put("ok", true);
    ObjectNode rules = r.putObject("rules");
    rules(rules.putObject("plugs"), d.plugRules());
    rules(rules.putObject("slots"), d.slotRules());
    ArrayNode ignored = r.putArray("ignored");
    d.ignoredKeys().forEach(ignored::add);
  }

  private static void rules(ObjectNode into, Map<String, Rule> rules) {
    rules.forEach((iface, rule) -> {
      ArrayNode keys = into.putArray(iface);
      for (CheckKind k : CheckKind.values()) {
        if (rule.allowKeys().containsKey(k)) {
          keys.add(k.allowKey());
        }
        if (rule.denyKeys().containsKey(k)) {
          keys.add(k.denyKey());
        }
      }
    });
  }

  /** A result for people. */
  static String text(JsonNode r) {
    StringBuilder out = new StringBuilder(r.get("path").asText()).append(": ");
    if (!r.get("ok").asBoolean()) {
      out.append("invalid ").append(r.get("kind").asText()).append('\n');
      r.get("errors").forEach(e -> out.append("  error: ").append(e.asText()).append('\n'));
      return out.toString();
    }
    switch (r.get("kind").asText()) {
      case "snap" -> {
        out.append("snap \"").append(r.get("name").asText()).append("\" (")
            .append(r.get("type").asText()).append(")\n");
        endpoints(out, "plug", r.get("plugs"));
        endpoints(out, "slot", r.get("slots"));
        r.get("dropped").fields().forEachRemaining(e -> out.append("  dropped ")
            .append(e.getKey()).append(": ").append(e.getValue().asText()).append('\n'));
      }
      case "gadget" -> {
        out.append("gadget.yaml, ").append(r.get("connections").size())
            .append(" connection(s)\n");
        r.get("connections").forEach(c -> out.append("  connect ")
            .append(c.get("plug").asText()).append(" to ").append(c.get("slot").asText())
            .append('\n'));
      }
      default -> {
        out.append("snap-declaration\n");
        r.get("rules").fields().forEachRemaining(side -> side.getValue().fields()
            .forEachRemaining(rule -> {
              List<String> keys = new ArrayList<>();
              rule.getValue().forEach(k -> keys.add(k.asText()));
              out.append("  ").append(side.getKey(), 0, side.getKey().length() - 1)
                  .append(" rule for ").append(rule.getKey()).append(": ")
                  .append(keys.isEmpty() ? "(no keys)" : String.join(", ", keys)).append('\n');
            }));
        r.get("ignored").forEach(k -> out.append("  ignored ").append(k.asText()).append('\n'));
      }
    }
    return out.toString();
  }

  private static void endpoints(StringBuilder out, String kind, JsonNode endpoints) {
    endpoints.fields().forEachRemaining(e -> {
      out.append("  ").append(kind).append(' ').append(e.getKey()).append(": ")
          .append(e.getValue().get("interface").asText());
      JsonNode attrs = e.getValue().get("attrs");
      if (attrs.size() > 0) {
        out.append(' ').append(attrs.toString());
      }
      out.append('\n');
    });
  }
}
