package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Slot;
import java.util.List;

/**
 * Slots that must carry integer attributes: gpio ({@code number}) and pwm ({@code channel},
 * {@code chip-number}). Each listed attribute must be present and a YAML integer.
 */
final class IntegerSlotSanitizer implements Sanitizer {
  private final String iface;
  private final List<String> required;

  private IntegerSlotSanitizer(String iface, List<String> required) {
    this.iface = iface;
    this.required = required;
  }

  static IntegerSlotSanitizer gpio() {
    return new IntegerSlotSanitizer("gpio", List.of("number"));
  }

  static IntegerSlotSanitizer pwm() {
    return new IntegerSlotSanitizer("pwm", List.of("channel", "chip-number"));
  }

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    for (String attr : required) {
      Object v = slot.attributes().asMap().get(attr);
      if (v == null) {
        throw new AttributeCheckException(iface + " slot must have a " + attr + " attribute");
      }
      if (!(v instanceof Long)) {
        throw new AttributeCheckException(iface + " slot " + attr + " attribute must be an int");
      }
    }
    return slot.attributes();
  }
}
