package io.snapif.model;

import org.immutables.value.Value;

/**
 * One entry of the connection state, established or remembered.
 *
 * <p>{@link #auto()} marks a connection made by auto-connect (or by the gadget, then also
 * {@link #byGadget()}); {@link #undesired()} marks an auto-connection the user disconnected,
 * remembered so that no refresh makes it again. Static attributes are copied from the plug and
 * slot when connecting; dynamic ones are set by interface hooks.
 */
@Value.Immutable
public abstract class Connection {
  public abstract ConnectionId id();

  public abstract String iface();

  @Value.Default
  public boolean auto() {
    return false;
  }

  @Value.Default
  public boolean byGadget() {
    return false;
  }

  @Value.Default
  public boolean undesired() {
    return false;
  }

  @Value.Default
  public Attributes plugStatic() {
    return Attributes.empty();
  }

  @Value.Default
  public Attributes plugDynamic() {
    return Attributes.empty();
  }

  @Value.Default
  public Attributes slotStatic() {
    return Attributes.empty();
  }

  @Value.Default
  public Attributes slotDynamic() {
    return Attributes.empty();
  }

  public static ImmutableConnection.Builder builder() {
    return ImmutableConnection.builder();
  }

  /** A copy with other flags or attributes. */
  public ImmutableConnection.Builder toBuilder() {
    return ImmutableConnection.builder().from(this);
  }
}
