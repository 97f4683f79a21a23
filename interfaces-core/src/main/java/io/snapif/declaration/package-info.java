/**
 * Policy declarations as data: the plug and slot rules of a snap-declaration or of the base
 * declaration ({@link io.snapif.declaration.Declaration}, {@link io.snapif.declaration.Rule}),
 * their constraint language ({@link io.snapif.declaration.Constraints},
 * {@link io.snapif.declaration.ConstraintSet}, {@link io.snapif.declaration.AttributeConstraint})
 * and the parser that reads and validates them ({@link io.snapif.declaration.DeclarationParser}).
 *
 * <p>Evaluating rules is not done here but by the policy module.
 */
@SnapifStyle
package io.snapif.declaration;

import io.snapif.SnapifStyle;
