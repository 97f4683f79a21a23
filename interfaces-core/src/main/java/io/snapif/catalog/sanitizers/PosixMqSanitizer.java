package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * posix-mq: both sides default {@code posix-mq} to their own name (a non-string value is
 * refused). A slot also needs {@code path}, a queue name or a list of them (a leading
 * {@code /} is implied; each is {@code /name} without further slashes, clean, no AppArmor
 * syntax) and may restrict {@code permissions} to open, read, write, create, delete.
 *
 * <p>snapd additionally refuses these plugs and slots when the host's AppArmor parser lacks
 * mqueue support; a library has no host AppArmor to ask, so that check is left out.
 */
final class PosixMqSanitizer implements Sanitizer {
  private static final List<String> PERMISSIONS =
      List.of("open", "read", "write", "create", "delete");
  private static final Pattern QUEUE_NAME = Pattern.compile("^/[^/]{1,255}$");

  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    return withNameDefault(plug.attributes(), plug.name());
  }

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Attributes attrs = withNameDefault(slot.attributes(), slot.name());
    GoType.listOf(GoType.STRING).read(attrs, "permissions", slot.snap(), slot.iface())
        .ifPresent(perms -> ((List<?>) perms).forEach(p -> {
          if (!PERMISSIONS.contains(p)) {
            throw new AttributeCheckException("posix-mq slot permission \"" + p
                + "\" not valid, must be one of " + GoText.value(PERMISSIONS));
          }
        }));
    for (String path : paths(attrs, slot)) {
      if (path.isEmpty()) {
        throw new AttributeCheckException(
            "posix-mq slot \"path\" attribute values cannot be empty");
      }
      validatePath(path.startsWith("/") ? path : "/" + path);
    }
    return attrs;
  }

  private static Attributes withNameDefault(Attributes attrs, String name) {
    Object value = attrs.asMap().get("posix-mq");
    if (value != null && !(value instanceof String)) {
      throw new AttributeCheckException(
          "posix-mq \"posix-mq\" attribute must be a string, not " + GoText.value(value));
    }
    return value == null || value.equals("") ? attrs.with("posix-mq", name) : attrs;
  }

  private static List<String> paths(Attributes attrs, Slot slot) {
    Object path = attrs.asMap().get("path");
    if (path == null) {
      throw new AttributeCheckException("posix-mq slot requires the \"path\" attribute");
    }
    List<String> list;
    if (path instanceof String single) {
      list = List.of(single);
    } else {
      Optional<Object> many =
          GoType.listOf(GoType.STRING).read(attrs, "path", slot.snap(), slot.iface());
      list = ((List<?>) many.orElseThrow()).stream().map(String.class::cast).toList();
    }
    if (list.isEmpty()) {
      throw new AttributeCheckException(
          "posix-mq slot requires at least one value in the \"path\" attribute");
    }
    return list;
  }

  private static void validatePath(String path) {
    if (!QUEUE_NAME.matcher(path).matches()) {
      throw new AttributeCheckException("posix-mq \"path\" attribute must conform to the POSIX "
          + "message queue name specifications (see \"man mq_overview\"): " + path);
    }
    if (AppArmorText.containsAny(path, AppArmorText.AARE)) {
      // The stray quote at the end is snapd's.
      throw new AttributeCheckException("posix-mq \"path\" attribute is invalid: " + path + "\"");
    }
    if (!GoPath.isCleanSubPath(path)) {
      throw new AttributeCheckException(
          "posix-mq \"path\" attribute is not a clean path: " + GoText.quote(path));
    }
  }
}
