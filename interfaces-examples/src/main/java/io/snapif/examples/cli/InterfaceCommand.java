package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.catalog.InterfaceCatalog;
import io.snapif.catalog.InterfaceInfo;
import io.snapif.manager.InterfaceEndpoints;
import io.snapif.manager.ErrorKind;
import io.snapif.manager.InterfaceManager;
import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code snapif interface [NAME] [--all] [--attrs]}: as {@code snap interface}. */
@Command(name = "interface", mixinStandardHelpOptions = true,
    description = {"Show details of snap interfaces.",
        "Without a name, lists the interfaces with at least one connection, or every interface "
            + "with --all."})
final class InterfaceCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show details of an interface.")
  String name;

  @Option(names = "--attrs", description = "Show interface attributes.")
  boolean attrs;

  @Option(names = "--all", description = "Include unused interfaces.")
  boolean all;

  @Override
  public Integer call() {
    try (SystemSession session = SystemSession.open(
        root.state(), List.of(), SystemSession.Access.READ, root.env())) {
      String text = name != null ? one(session.manager()) : many(session.manager());
      root.out().print(text);
    }
    return SnapifCli.OK;
  }

  private String one(InterfaceManager manager) {
    InterfaceCatalog catalog = InterfaceCatalog.builtin();
    if (!catalog.contains(name)) {
      List<String> known = catalog.all().stream().map(InterfaceInfo::name).toList();
      throw new CliFailure(
          ErrorKind.NOT_FOUND, "no such interface", Suggestions.closest(name, known), null);
    }
    InterfaceEndpoints endpoints = manager.endpointsOf(name);
    List<Plug> plugs = new ArrayList<>(endpoints.plugs());
    List<Slot> slots = new ArrayList<>(endpoints.slots());
    plugs.sort(Comparator.comparing(Plug::snap).thenComparing(Plug::name));
    slots.sort(Comparator.comparing(Slot::snap).thenComparing(Slot::name));
    String summary = catalog.find(name).map(InterfaceInfo::summary).orElse("");
    if (this.root.json()) {
      ObjectNode root = Json.object();
      root.put("name", name);
      root.put("summary", summary);
      ArrayNode ps = root.putArray("plugs");
      plugs.forEach(p -> endpoint(ps.addObject(), p.snap(), "plug", p.name(), p.attributes()));
      ArrayNode ss = root.putArray("slots");
      slots.forEach(s -> endpoint(ss.addObject(), s.snap(), "slot", s.name(), s.attributes()));
      return Json.write(root);
    }
    TabWriter w = TabWriter.snapDetails();
    w.row("name:", name);
    if (!summary.isEmpty()) {
      w.row("summary:", summary);
    }
    if (!plugs.isEmpty()) {
      w.line("plugs:");
      plugs.forEach(p -> entry(w, p.snap(), p.name(), p.attributes()));
    }
    if (!slots.isEmpty()) {
      w.line("slots:");
      slots.forEach(s -> entry(w, s.snap(), s.name(), s.attributes()));
    }
    return w.format();
  }

  private void entry(TabWriter w, String snap, String endpoint, Attributes attributes) {
    String head = "  - " + (endpoint.equals(name) ? snap : snap + ":" + endpoint);
    if (!attrs || attributes.isEmpty()) {
      w.line(head);
      return;
    }
    // the colon makes the entry a YAML key whose value is the attribute lines below
    w.line(head + ":");
    new TreeSet<>(attributes.asMap().keySet()).forEach(key -> {
      Object value = attributes.asMap().get(key);
      if (value instanceof String || value instanceof Boolean || value instanceof Number) {
        w.line("      " + key + ":\t" + value);
      }
    });
  }

  private static void endpoint(
      ObjectNode n, String snap, String kind, String name, Attributes attributes) {
    n.put("snap", snap);
    n.put(kind, name);
    n.set("attrs", Json.attributes(attributes));
  }

  private static String summary(InterfaceCatalog catalog, String name) {
    return catalog.find(name).map(InterfaceInfo::summary).orElse("");
  }

  private String many(InterfaceManager manager) {
    InterfaceCatalog catalog = InterfaceCatalog.builtin();
    TreeSet<String> names = new TreeSet<>();
    if (all) {
      catalog.all().forEach(i -> names.add(i.name()));
    } else {
      manager.established().values().forEach(c -> names.add(c.iface()));
    }
    if (names.isEmpty()) {
      throw new CliFailure(all ? "no interfaces found" : "no interfaces currently connected");
    }
    if (this.root.json()) {
      ObjectNode root = Json.object();
      ArrayNode list = root.putArray("interfaces");
      names.forEach(n -> list.addObject().put("name", n).put("summary", summary(catalog, n)));
      return Json.write(root);
    }
    TabWriter w = TabWriter.snapTable();
    w.row("Name", "Summary");
    names.forEach(n -> w.row(n, summary(catalog, n)));
    return w.format();
  }
}
