/**
 * Extension points of the manager: {@link io.snapif.spi.PolicyEvaluator}, the decisions the
 * manager asks for (implemented with Drools by the {@code interfaces-policy} module), and the
 * {@link io.snapif.spi.StateStore} it persists to.
 */
@SnapifStyle
package io.snapif.spi;

import io.snapif.SnapifStyle;
