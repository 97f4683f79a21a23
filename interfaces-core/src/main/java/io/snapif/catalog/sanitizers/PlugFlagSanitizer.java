package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plugs with one optional setting that, when present, must have an accepted value:
 * browser-support {@code allow-sandbox}, docker-support {@code privileged-containers},
 * optical-drive {@code write} and desktop {@code mount-host-font-cache} (booleans), home
 * {@code read} ({@code all}) and kubernetes-support {@code flavor} (one of three).
 */
final class PlugFlagSanitizer implements Sanitizer {
  private final String attribute;
  private final Predicate<Object> accepted;
  private final String reason;

  private PlugFlagSanitizer(String attribute, Predicate<Object> accepted, String reason) {
    this.attribute = attribute;
    this.accepted = accepted;
    this.reason = reason;
  }

  static PlugFlagSanitizer browserSupport() {
    return bool("allow-sandbox", "browser-support plug requires bool with 'allow-sandbox'");
  }

  static PlugFlagSanitizer dockerSupport() {
    return bool("privileged-containers",
        "docker-support plug requires bool with 'privileged-containers'");
  }

  static PlugFlagSanitizer opticalDrive() {
    return bool("write", "optical-drive \"write\" attribute must be a boolean");
  }

  static PlugFlagSanitizer desktop() {
    return bool("mount-host-font-cache",
        "desktop plug requires bool with 'mount-host-font-cache'");
  }

  static PlugFlagSanitizer home() {
    return new PlugFlagSanitizer("read", "all"::equals, "home plug requires \"read\" be 'all'");
  }

  static PlugFlagSanitizer kubernetesSupport() {
    return new PlugFlagSanitizer("flavor",
        Set.of("kubelet", "kubeproxy", "autobind-unix")::contains,
        "kubernetes-support plug requires \"flavor\" to be either \"kubelet\", \"kubeproxy\" or "
            + "\"autobind-unix\"");
  }

  private static PlugFlagSanitizer bool(String attribute, String reason) {
    return new PlugFlagSanitizer(attribute, Boolean.class::isInstance, reason);
  }

  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    Object value = plug.attributes().asMap().get(attribute);
    if (value != null && !accepted.test(value)) {
      throw new AttributeCheckException(reason);
    }
    return plug.attributes();
  }
}
