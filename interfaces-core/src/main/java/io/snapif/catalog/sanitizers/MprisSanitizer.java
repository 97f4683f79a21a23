package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Slot;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * mpris: a slot may carry only {@code name}, a string of letters, digits, {@code _} and
 * {@code -} (the player's D-Bus name element; absent means the snap's instance name).
 */
final class MprisSanitizer implements Sanitizer {
  private static final Pattern ELEMENT = Pattern.compile("^[a-zA-Z0-9_-]*$");

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    // snapd visits attributes in Go map order; the first unknown one in document order is named.
    for (Map.Entry<String, Object> e : slot.attributes().asMap().entrySet()) {
      if (!e.getKey().equals("name")) {
        throw new AttributeCheckException("unknown attribute '" + e.getKey() + "'");
      }
      if (!(e.getValue() instanceof String name)) {
        throw new AttributeCheckException(
            "name element " + GoText.value(e.getValue()) + " is not a string");
      }
      if (!ELEMENT.matcher(name).matches()) {
        throw new AttributeCheckException("invalid name element: " + GoText.quote(name));
      }
    }
    return slot.attributes();
  }
}
