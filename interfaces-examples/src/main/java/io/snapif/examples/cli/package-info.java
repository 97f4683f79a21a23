/**
 * The {@code snapif} command line: {@link io.snapif.examples.cli.SnapifCli} and its picocli
 * subcommands, which mirror the snap commands ({@code connections}, {@code interface}, {@code
 * connect}, {@code disconnect}, {@code install}, {@code refresh}, {@code remove}) on a state file,
 * and add {@code scenario run}, {@code validate}, {@code seed}, {@code explain}, {@code
 * remembered}, {@code import-snapd-state} and {@code completion}. Without a state file the
 * commands start from a demo system shipped as a resource. The global options ({@code --state},
 * {@code --json}, ...) are inherited by every command; errors are text or, with {@code --json},
 * JSON on stderr.
 */
@SnapifStyle
package io.snapif.examples.cli;

import io.snapif.SnapifStyle;
