package io.snapif.yaml;

import io.snapif.catalog.InterfaceCatalog;
import io.snapif.model.Snap;

/**
 * Reads a snap's {@code meta/snap.yaml} as snapd 2.57.6 does ({@code snap.InfoFromSnapYaml}, which
 * also runs the interfaces' attribute checks, then {@code snap.Validate}).
 *
 * <pre>{@code
 * Snap vlc = SnapYaml.read(text, "vlc/meta/snap.yaml", InterfaceCatalog.builtin());
 * vlc.plugs().keySet();       // top-level plugs plus those apps and hooks list
 * vlc.badInterfaces();        // e.g. {pcscd=unknown interface "pcscd"}
 * }</pre>
 *
 * <p>What it reproduces:
 * <ul>
 *   <li>top-level {@code plugs:}/{@code slots:} entries whose value is null (interface = the
 *       name), a string (the interface) or a map ({@code interface:}, optional {@code label:},
 *       attributes); a name an app or hook lists without a top-level entry is a plug or slot of
 *       the interface of that name;
 *   <li>bindings: a plug or slot no app or hook lists is bound to every app and hook; hooks of
 *       unsupported names are ignored; on a snap named {@code core} of type {@code os} the plugs
 *       {@code network-bind} and {@code core-support} get a {@code -plug} suffix;
 *   <li>attribute values typed as go-yaml v2 types them (YAML 1.1: {@code yes}, {@code on},
 *       {@code y} are booleans; integers are {@link Long}, floats {@link Double}), stored as
 *       {@link io.snapif.model.Attributes};
 *   <li>a plug or slot of an unknown interface, with an invalid name, or whose attributes its
 *       interface rejects is dropped and recorded in {@link Snap#badInterfaces()} with snapd's
 *       reason; the snap is still read;
 *   <li>the validation of names (snap, app, hook, alias), version, title, description, type,
 *       confinement, base, app fields and unique plug/slot names, with snapd's messages.
 * </ul>
 * Deliberate difference: a key repeated in one YAML mapping is an error (go-yaml keeps the last).
 * Not checked: epoch, license, layouts, sockets, timers, timeouts, system-usernames, links.
 *
 * <p>Stateless and thread-safe.
 */
public final class SnapYaml {
  private SnapYaml() {}

  /**
   * The snap {@code text} describes.
   *
   * @param text the snap.yaml content
   * @param source a label for messages (a file name, say)
   * @param catalog the interfaces plugs and slots may use
   * @throws SnapYamlException naming source, line, field and problem, if the text is not YAML,
   *     has a field of the wrong shape, or breaks one of snapd's rules
   */
  public static Snap read(String text, String source, InterfaceCatalog catalog) {
    try {
      return new SnapYamlReader(catalog).read(text);
    } catch (YamlProblem p) {
      throw new SnapYamlException(source, p.line, p.path, p.problem);
    }
  }
}
