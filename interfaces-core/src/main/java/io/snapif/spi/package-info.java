/**
 * Extension points of the manager: {@link io.snapif.spi.PolicyEvaluator}, the decisions the
 * manager asks for (implemented with Drools by the {@code interfaces-policy} module);
 * {@link io.snapif.spi.StateStore}, where the {@link io.snapif.spi.SystemState} is kept;
 * {@link io.snapif.spi.ConnectionListener}, told about committed changes; and
 * {@link io.snapif.spi.InterfaceHook}, snapd's interface hooks (prepare, connect, disconnect of
 * either side) as a Java callback.
 */
@SnapifStyle
package io.snapif.spi;

import io.snapif.SnapifStyle;
