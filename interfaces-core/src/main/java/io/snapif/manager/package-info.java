/**
 * The lifecycle of interface connections: {@link io.snapif.manager.InterfaceManager} installs,
 * refreshes and removes snaps, connects and disconnects, and answers queries; every policy
 * outcome is a {@link io.snapif.manager.Decision} with its {@link io.snapif.manager.Reason}s.
 */
@SnapifStyle
package io.snapif.manager;

import io.snapif.SnapifStyle;
