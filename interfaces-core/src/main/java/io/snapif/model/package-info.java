/**
 * The immutable model of snaps and their interface endpoints: {@link io.snapif.model.Snap},
 * {@link io.snapif.model.Plug}, {@link io.snapif.model.Slot}, their references
 * ({@link io.snapif.model.PlugRef}, {@link io.snapif.model.SlotRef},
 * {@link io.snapif.model.ConnectionId}), typed {@link io.snapif.model.Attributes} and the state
 * of one {@link io.snapif.model.Connection}.
 *
 * <p>Every type here is an immutable, thread-safe value without nulls; invalid values (a bad
 * name, a plug whose snap is not its owner) cannot be built.
 */
@SnapifStyle
package io.snapif.model;

import io.snapif.SnapifStyle;
