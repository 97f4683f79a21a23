package io.snapif.model;

import com.google.common.collect.ImmutableSet;
import org.immutables.value.Value;

/** An app (or hook) of a snap and the plugs and slots it is bound to. */
@Value.Immutable
public abstract class App {
  public abstract String name();

  public abstract ImmutableSet<String> plugs();

  public abstract ImmutableSet<String> slots();

  public static ImmutableApp.Builder builder() {
    return ImmutableApp.builder();
  }
}
