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
    defaults = @Value.Immutable(copy = true))
public @interface SnapifStyle {}
