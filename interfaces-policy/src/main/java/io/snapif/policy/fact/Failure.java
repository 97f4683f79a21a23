package io.snapif.policy.fact;

/**
 * Why a constraint did not match, put into words only when someone reads it: a large system
 * checks hundreds of thousands of pairs that fail some constraint, and almost none of those
 * failures are ever shown.
 */
@FunctionalInterface
interface Failure {
  /** The failure in words, e.g. {@code slot-snap-type: "app" is not one of ["core"]}. */
  String describe();

  /** This failure after {@code prefix}. */
  default Failure after(String prefix) {
    return () -> prefix + describe();
  }
}
