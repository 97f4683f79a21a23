/**
 * The built-in interfaces: {@link io.snapif.catalog.InterfaceCatalog} (start here) lists every
 * interface snapd 2.57.6 ships as an {@link io.snapif.catalog.InterfaceInfo} (name, summary,
 * whether the system snap carries it implicitly on classic and on core systems) and checks the
 * static attributes of plugs and slots with the interface's sanitizer.
 *
 * <p>The interfaces are data (resource {@code io/snapif/catalog/interfaces.json}), not one class
 * each; only interfaces that check or complete attributes have code, in
 * {@link io.snapif.catalog.sanitizers}.
 */
@SnapifStyle
package io.snapif.catalog;

import io.snapif.SnapifStyle;
