package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.ArrayList;
import java.util.List;

/**
 * shared-memory: a slot defaults {@code shared-memory} to its name and lists {@code read} and/or
 * {@code write} names of files in {@code /dev/shm} ({@code *} globs allowed, no {@code **}, no
 * slash, no other AppArmor syntax). A plug gets {@code private} (default false) and, unless
 * private, {@code shared-memory} defaulted to its name; a private plug must be the snap's only
 * shared-memory plug or slot.
 */
final class SharedMemorySanitizer implements Sanitizer {
  private static final String AARE_WITHOUT_GLOB = "?[]{}^\"\u0000";
  private static final String IFACE = "shared-memory";

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Attributes attrs = withNameDefault(slot.attributes(), slot.name());
    List<String> paths = new ArrayList<>(stringList(attrs, "read"));
    paths.addAll(stringList(attrs, "write"));
    if (paths.isEmpty()) {
      throw new AttributeCheckException(
          "shared memory interface requires at least a valid \"read\" or \"write\" attribute");
    }
    paths.forEach(SharedMemorySanitizer::validatePath);
    return attrs;
  }

  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    Object privateValue = plug.attributes().asMap().get("private");
    if (privateValue != null && !(privateValue instanceof Boolean)) {
      throw new AttributeCheckException(
          "shared-memory \"private\" attribute must be a bool, not " + GoText.value(privateValue));
    }
    boolean isPrivate = Boolean.TRUE.equals(privateValue);
    Attributes attrs = plug.attributes().with("private", isPrivate);
    Object name = attrs.asMap().get(IFACE);
    if (name != null && !(name instanceof String)) {
      throw new AttributeCheckException(
          "shared-memory \"shared-memory\" attribute must be a string, not " + GoText.value(name));
    }
    if (!isPrivate) {
      return name == null || name.equals("") ? attrs.with(IFACE, plug.name()) : attrs;
    }
    if (name != null) {
      throw new AttributeCheckException("shared-memory \"shared-memory\" attribute must not be set"
          + " together with \"private: true\"");
    }
    boolean otherPlug = snap.plugInterfaces().entrySet().stream()
        .anyMatch(e -> !e.getKey().equals(plug.name()) && e.getValue().equals(IFACE));
    if (otherPlug) {
      throw new AttributeCheckException("shared-memory plug with \"private: true\" set cannot be"
          + " used with other shared-memory plugs");
    }
    if (snap.slotInterfaces().containsValue(IFACE)) {
      throw new AttributeCheckException("shared-memory plug with \"private: true\" set cannot be"
          + " used with shared-memory slots");
    }
    return attrs;
  }

  private static Attributes withNameDefault(Attributes attrs, String name) {
    Object value = attrs.asMap().get(IFACE);
    if (value != null && !(value instanceof String)) {
      throw new AttributeCheckException(
          "shared-memory \"shared-memory\" attribute must be a string, not " + GoText.value(value));
    }
    return value == null || value.equals("") ? attrs.with(IFACE, name) : attrs;
  }

  private static List<String> stringList(Attributes attrs, String key) {
    Object value = attrs.asMap().get(key);
    if (value == null) {
      return List.of();
    }
    if (!GoType.listOf(GoType.STRING).accepts(value)) {
      throw new AttributeCheckException("shared-memory " + GoText.quote(key)
          + " attribute must be a list of strings, not \"" + GoText.value(value) + "\"");
    }
    return ((List<?>) value).stream().map(String.class::cast).toList();
  }

  private static void validatePath(String path) {
    if (path.isEmpty()) {
      throw new AttributeCheckException("shared-memory interface path is empty");
    }
    if (!path.strip().equals(path)) {
      throw new AttributeCheckException(
          "shared-memory interface path has leading or trailing spaces: " + GoText.quote(path));
    }
    if (AppArmorText.containsAny(path, AARE_WITHOUT_GLOB)) {
      throw new AttributeCheckException("shared-memory interface path is invalid: "
          + GoText.quote(path) + " contains a reserved apparmor char from " + AARE_WITHOUT_GLOB);
    }
    if (path.contains("**")) {
      throw new AttributeCheckException("shared-memory interface path is invalid: "
          + GoText.quote(path) + " contains ** which is unsupported");
    }
    if (path.contains("/")) {
      throw new AttributeCheckException(
          "shared-memory interface path should not contain '/': " + GoText.quote(path));
    }
    if (!GoPath.isCleanSubPath(path)) {
      throw new AttributeCheckException(
          "shared-memory interface path is not clean: " + GoText.quote(path));
    }
  }
}
