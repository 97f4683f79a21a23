/**
 * The attribute checks of the built-in interfaces that have any, as snapd 2.57.6's
 * {@code BeforePreparePlug}/{@code BeforePrepareSlot} run them when a snap is read: a
 * {@link io.snapif.catalog.sanitizers.Sanitizer} per such interface, found through
 * {@link io.snapif.catalog.sanitizers.Sanitizers}; a failed check throws
 * {@link io.snapif.catalog.sanitizers.AttributeCheckException} with snapd's reason.
 *
 * <p>Most callers go through {@link io.snapif.catalog.InterfaceCatalog#sanitizePlug} and
 * {@link io.snapif.catalog.InterfaceCatalog#sanitizeSlot} instead. The implementations are
 * package-private, one small class per interface.
 */
@SnapifStyle
package io.snapif.catalog.sanitizers;

import io.snapif.SnapifStyle;
