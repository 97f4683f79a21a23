package io.snapif.catalog;

import com.google.common.base.Preconditions;
import io.snapif.model.Names;
import org.immutables.value.Value;

/**
 * One built-in interface as data: its name, one-line summary, and whether the system snap
 * ({@code core} or {@code snapd}) carries an implicit slot of it on core and on classic systems.
 *
 * <p>Immutable and thread-safe; no field is null.
 */
@Value.Immutable
public abstract class InterfaceInfo {
  /** The interface name ({@code camera}, {@code content}, ...). */
  public abstract String name();

  /** The one-line summary snapd shows for {@code snap interface NAME}. */
  public abstract String summary();

  /** Whether the system snap has an implicit slot of this interface on Ubuntu Core systems. */
  public abstract boolean implicitOnCore();

  /** Whether the system snap has an implicit slot of this interface on classic systems. */
  public abstract boolean implicitOnClassic();

  /** Whether the system snap has an implicit slot of it on that kind of system. */
  public final boolean implicitOn(boolean classic) {
    return classic ? implicitOnClassic() : implicitOnCore();
  }

  public static ImmutableInterfaceInfo.Builder builder() {
    return ImmutableInterfaceInfo.builder();
  }

  @Value.Check
  protected void check() {
    Preconditions.checkArgument(
        Names.isValidEndpointName(name()), "invalid interface name \"%s\"", name());
  }

  @Override
  public String toString() {
    return name();
  }
}
