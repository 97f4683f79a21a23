package io.snapif.manager;

/** Configures and opens an {@link InterfaceManager}. */
public final class InterfaceManagerBuilder {
  InterfaceManagerBuilder() {}
}
