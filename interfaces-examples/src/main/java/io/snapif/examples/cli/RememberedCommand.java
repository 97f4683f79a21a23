package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.model.Connection;
import io.snapif.model.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code snapif remembered}: the state entries that are not connections. */
@Command(name = "remembered", mixinStandardHelpOptions = true,
    description = {"List remembered connections: auto-connections the user disconnected "
        + "(undesired: no refresh brings them back until 'disconnect --forget') and dormant "
        + "connections whose plug or slot is gone after a refresh (back when it returns)."})
final class RememberedCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;
  @Mixin StateOptions state;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (SystemSession session = SystemSession.open(
        state, List.of(), SystemSession.Access.READ, root.env())) {
      StateView view = new StateView(session.manager());
      String system = session.manager().systemSnapName();
      if (json) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("remembered");
        view.remembered().forEach((id, c) -> list.addObject()
            .put("id", id.toString())
            .put("interface", c.iface())
            .put("undesired", c.undesired())
            .put("dormant", view.dormant(id))
            .put("auto", c.auto())
            .put("by-gadget", c.byGadget()));
        root.out().print(Json.write(out));
        return SnapifCli.OK;
      }
      if (view.remembered().isEmpty()) {
        return SnapifCli.OK;
      }
      TabWriter w = TabWriter.snapTable();
      w.row("Interface", "Plug", "Slot", "Notes");
      for (Map.Entry<ConnectionId, Connection> e : view.remembered().entrySet()) {
        String[] ends = ChangeOutput.ends(e.getKey(), system).split(" ");
        w.row(e.getValue().iface(), ends[0], ends[1], notes(view, e.getKey(), e.getValue()));
      }
      root.out().print(w.format());
    }
    return SnapifCli.OK;
  }

  private static String notes(StateView view, ConnectionId id, Connection c) {
    List<String> notes = new ArrayList<>();
    if (c.undesired()) {
      notes.add("undesired");
    }
    if (view.dormant(id)) {
      notes.add("dormant");
    }
    if (c.byGadget()) {
      notes.add("gadget");
    }
    return String.join(",", notes);
  }
}
