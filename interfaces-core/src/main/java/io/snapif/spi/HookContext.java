package io.snapif.spi;

import io.snapif.model.Attributes;
import org.immutables.value.Value;

/**
 * What an {@link InterfaceHook} sees while a connection is being prepared: the plug and slot
 * with their snaps, how the connection is being made, and the dynamic attributes set so far
 * (the plug side is prepared first, so a slot-side hook sees the plug's).
 */
@Value.Immutable
public abstract class HookContext {
  public abstract ConnectCandidate candidate();

  /** Whether it is an automatic connection (auto-connect or gadget). */
  public abstract boolean auto();

  public abstract boolean byGadget();

  @Value.Default
  public Attributes plugDynamic() {
    return Attributes.empty();
  }

  @Value.Default
  public Attributes slotDynamic() {
    return Attributes.empty();
  }

  public static ImmutableHookContext.Builder builder() {
    return ImmutableHookContext.builder();
  }
}
