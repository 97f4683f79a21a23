/**
 * Reading snap metadata exactly as snapd 2.57.6 does: {@link io.snapif.yaml.SnapYaml} turns a
 * {@code snap.yaml} into a {@link io.snapif.model.Snap} (plugs and slots checked by the
 * {@link io.snapif.catalog.InterfaceCatalog}, bad ones dropped and reported), and
 * {@link io.snapif.yaml.GadgetYaml} reads a gadget's {@code connections:}. Failures are
 * {@link io.snapif.yaml.SnapYamlException} and {@link io.snapif.yaml.GadgetYamlException}, both
 * {@link io.snapif.yaml.MetadataYamlException}s naming source, line, field and problem.
 *
 * <p>YAML is typed as snapd's go-yaml v2 types it (YAML 1.1: {@code yes}/{@code no}/{@code on}/
 * {@code off}/{@code y}/{@code n} are booleans); the node tree and the decoding rules are
 * package-private.
 *
 * <p>{@link io.snapif.yaml.InputLimits} bounds every outside document (size, nesting, YAML
 * aliases) with the parsers' own limits; a document over one is refused with its reader's typed
 * exception, or {@link io.snapif.yaml.DocumentTooLargeException} when a file is too large to
 * be read at all.
 */
@SnapifStyle
package io.snapif.yaml;

import io.snapif.SnapifStyle;
