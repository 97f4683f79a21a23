/**
 * {@link io.snapif.spi.StateStore} implementations: {@link io.snapif.store.InMemoryStateStore}
 * (the default) and {@link io.snapif.store.FileStateStore} (one JSON file, written atomically,
 * previous generation kept), and {@link io.snapif.store.SnapdStateFile}, which reads the
 * connection entries of snapd's own {@code state.json} for
 * {@link io.snapif.manager.InterfaceManager#importConnections}.
 */
@SnapifStyle
package io.snapif.store;

import io.snapif.SnapifStyle;
