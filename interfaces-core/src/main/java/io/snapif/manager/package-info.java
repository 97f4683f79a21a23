/**
 * The lifecycle of interface connections. Start from {@link io.snapif.manager.InterfaceManager}
 * (built with {@link io.snapif.manager.InterfaceManagerBuilder}): it applies or simulates an
 * {@link io.snapif.manager.Operation} (install, seed, refresh, remove, connect, disconnect,
 * import), reports what changed in a {@link io.snapif.manager.ChangeReport}, refuses with a
 * typed {@link io.snapif.manager.OperationException}, and answers queries
 * ({@link io.snapif.manager.ConnectionRow}, {@link io.snapif.manager.RememberedConnection},
 * {@link io.snapif.manager.Explanation}). Every policy outcome is a
 * {@link io.snapif.manager.Decision} with its {@link io.snapif.manager.Reason}s, asked of a
 * {@link io.snapif.spi.PolicyEvaluator}; the semantics are those of snapd 2.57.6's {@code
 * overlord/ifacestate}.
 */
@SnapifStyle
package io.snapif.manager;

import io.snapif.SnapifStyle;
