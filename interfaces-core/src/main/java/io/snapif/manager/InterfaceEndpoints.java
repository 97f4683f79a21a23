package io.snapif.manager;

import com.google.common.collect.ImmutableList;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import org.immutables.value.Value;

/** The plugs and slots of one interface on the installed snaps, in snap installation order. */
@Value.Immutable
public abstract class InterfaceEndpoints {
  public abstract String iface();

  public abstract ImmutableList<Plug> plugs();

  public abstract ImmutableList<Slot> slots();

  public static ImmutableInterfaceEndpoints.Builder builder() {
    return ImmutableInterfaceEndpoints.builder();
  }
}
