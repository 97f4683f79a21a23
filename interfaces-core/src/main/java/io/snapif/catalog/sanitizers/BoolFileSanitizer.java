package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Slot;
import java.util.List;
import java.util.regex.Pattern;

/** bool-file: a slot's {@code path} must name an LED brightness or exported GPIO value file. */
final class BoolFileSanitizer implements Sanitizer {
  private static final List<Pattern> ALLOWED = List.of(
      Pattern.compile("^/sys/class/leds/[^/]+/brightness$"),
      Pattern.compile("^/sys/class/gpio/gpio[0-9]+/value$"));

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    String path = slot.attributes().getString("path").filter(p -> !p.isEmpty())
        .orElseThrow(
            () -> new AttributeCheckException("bool-file must contain the path attribute"));
    // snapd matches the cleaned path, so "/sys/class/leds/x/../x/brightness" passes.
    String clean = GoPath.clean(path);
    if (ALLOWED.stream().noneMatch(p -> p.matcher(clean).matches())) {
      throw new AttributeCheckException("bool-file can only point at LED brightness or GPIO value");
    }
    return slot.attributes();
  }
}
