package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;

/**
 * The attribute check of one interface: validates the static attributes of a plug or slot and
 * returns them completed with the interface's defaults (content's {@code content} attribute
 * defaults to the plug or slot name, for one).
 *
 * <p>Implementations are stateless and thread-safe. The default methods accept anything
 * unchanged, for interfaces that check only one side.
 */
public interface Sanitizer {
  /**
   * Checks and completes the attributes of {@code plug}.
   *
   * @throws AttributeCheckException with snapd's reason if the interface rejects them
   */
  default Attributes checkPlug(Plug plug, SnapContext snap) {
    return plug.attributes();
  }

  /**
   * Checks and completes the attributes of {@code slot}.
   *
   * @throws AttributeCheckException with snapd's reason if the interface rejects them
   */
  default Attributes checkSlot(Slot slot, SnapContext snap) {
    return slot.attributes();
  }
}
