package io.snapif.catalog.sanitizers;

import com.google.common.collect.ImmutableList;
import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * content: both sides default {@code content} to their own name; a plug needs a clean
 * {@code target}; a slot needs {@code read} or {@code write} paths (directly, or in the newer
 * {@code source} section, but not both ways at once), each clean and free of AppArmor syntax.
 */
final class ContentSanitizer implements Sanitizer {
  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    Attributes attrs = withContentDefault(plug.attributes(), plug.name());
    Optional<String> target = attrs.getString("target").filter(t -> !t.isEmpty());
    if (target.isEmpty()) {
      throw new AttributeCheckException("content plug must contain target path");
    }
    validatePath(target.get());
    return attrs;
  }

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Attributes attrs = withContentDefault(slot.attributes(), slot.name());
    if (attrs.get("source").isPresent()) {
      if (attrs.get("read").isPresent()) {
        throw new AttributeCheckException(
            "move the \"read\" attribute into the \"source\" section");
      }
      if (attrs.get("write").isPresent()) {
        throw new AttributeCheckException(
            "move the \"write\" attribute into the \"source\" section");
      }
    }
    List<String> paths = ImmutableList.<String>builder()
        .addAll(paths(attrs, "read")).addAll(paths(attrs, "write")).build();
    if (paths.isEmpty()) {
      throw new AttributeCheckException("read or write path must be set");
    }
    paths.forEach(ContentSanitizer::validatePath);
    return attrs;
  }

  // An empty or non-string content attribute is replaced, like an absent one.
  private static Attributes withContentDefault(Attributes attrs, String name) {
    return attrs.getString("content").filter(c -> !c.isEmpty()).isPresent()
        ? attrs : attrs.with("content", name);
  }

  // The read or write list of the "source" map when there is one, else the top-level one; any
  // non-string element voids the whole list (snapd then sees no paths at all).
  private static List<String> paths(Attributes attrs, String which) {
    Optional<Object> source = attrs.get("source").filter(Map.class::isInstance);
    Optional<Object> list = source.isPresent()
        ? Optional.ofNullable(((Map<?, ?>) source.get()).get(which))
        : attrs.get(which);
    if (list.isEmpty() || !(list.get() instanceof List<?> items)
        || !items.stream().allMatch(String.class::isInstance)) {
      return List.of();
    }
    return items.stream().map(String.class::cast).toList();
  }

  private static void validatePath(String path) {
    AppArmorText.requireNoRegexp(path, "content interface path is invalid: ");
    if (!GoPath.isCleanSubPath(path)) {
      throw new AttributeCheckException(
          "content interface path is not clean: " + GoText.quote(path));
    }
  }
}
