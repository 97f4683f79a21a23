package io.snapif.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.snapif.manager.RememberedConnection;
import io.snapif.model.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code snapif remembered}: the state entries that are not connections, and why. */
@Command(name = "remembered", mixinStandardHelpOptions = true,
    description = {"List remembered connections: auto-connections the user disconnected "
        + "(undesired: no refresh brings them back until 'disconnect --forget') and dormant "
        + "connections whose plug or slot is gone after a refresh (back when it returns)."})
final class RememberedCommand implements Callable<Integer> {
  @ParentCommand SnapifCli root;

  @Override
  public Integer call() {
    try (SystemSession session = SystemSession.open(
        root.state(), List.of(), SystemSession.Access.READ, root.env())) {
      List<RememberedConnection> remembered = session.manager().remembered();
      String system = session.manager().systemSnapName();
      if (root.json()) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("remembered");
        for (RememberedConnection r : remembered) {
          Connection c = r.connection();
          list.addObject()
              .put("id", c.id().toString())
              .put("interface", c.iface())
              .put("why", why(r))
              .put("auto", c.auto())
              .put("by-gadget", c.byGadget())
              .put("undesired", c.undesired())
              .put("reason", r.toString());
        }
        root.out().print(Json.write(out));
      } else if (!remembered.isEmpty()) {
        TabWriter w = TabWriter.snapTable();
        w.row("Interface", "Plug", "Slot", "Notes");
        for (RememberedConnection r : remembered) {
          Connection c = r.connection();
          String[] ends = ChangeOutput.ends(c.id(), system).split(" ");
          w.row(c.iface(), ends[0], ends[1], why(r) + (c.byGadget() ? ",gadget" : ""));
        }
        root.out().print(w.format());
      }
    }
    return SnapifCli.OK;
  }

  /** {@code undesired}, {@code plug-missing}, {@code slot-missing}, {@code interface-changed}. */
  private static String why(RememberedConnection r) {
    return r.why().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
