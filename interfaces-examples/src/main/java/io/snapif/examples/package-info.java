/**
 * Examples of using snapif: the {@code snapif} command line ({@link io.snapif.examples.cli}),
 * the scenario runner behind {@code snapif scenario run} and the conformance tests
 * ({@link io.snapif.examples.scenario}), and a small program embedding the library
 * ({@link io.snapif.examples.embed}).
 */
@SnapifStyle
package io.snapif.examples;

import io.snapif.SnapifStyle;
