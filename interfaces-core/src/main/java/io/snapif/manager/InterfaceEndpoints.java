package io.snapif.manager;

import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.List;
import org.immutables.value.Value;

/** The plugs and slots of one interface on the installed snaps, in snap installation order. */
@Value.Immutable
public abstract class InterfaceEndpoints {
  public abstract String iface();

  public abstract List<Plug> plugs();

  public abstract List<Slot> slots();

  public static ImmutableInterfaceEndpoints.Builder builder() {
    return ImmutableInterfaceEndpoints.builder();
  }
}
