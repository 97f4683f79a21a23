package io.snapif;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: hidden {@code Immutable*} implementations reached
 * through {@code Type.builder()} and {@code Type.of(...)}, no nulls.
 *
 * <p>Put it on a package ({@code package-info.java}) or a type; it is an implementation detail
 * of how the value types are generated, not something users need.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    strictBuilder = false,
    jdkOnly = false,
    allParameters = false,
    // Defaults are constants, so they need no guard against one default reading another; the
    // guard (an extra object and two volatile writes per value) showed in the cost of building
    // the hundreds of thousands of candidates of a large auto-connect.
    unsafeDefaultAndDerived = true,
    defaults = @Value.Immutable(copy = true))
public @interface SnapifStyle {}
