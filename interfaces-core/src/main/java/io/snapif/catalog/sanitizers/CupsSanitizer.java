package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Slot;
import java.util.Optional;

/**
 * cups: a slot's optional {@code cups-socket-directory} is a string, clean, free of AppArmor
 * syntax, and under {@code $SNAP_COMMON} or {@code $SNAP_DATA}.
 */
final class CupsSanitizer implements Sanitizer {
  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Optional<Object> dir =
        GoType.STRING.read(slot.attributes(), "cups-socket-directory", slot.snap(), slot.iface());
    if (dir.isEmpty()) {
      return slot.attributes();
    }
    String path = (String) dir.get();
    AppArmorText.requireNoRegexp(path, "cups-socket-directory is not usable: ");
    if (!GoPath.isCleanSubPath(path)) {
      throw new AttributeCheckException(
          "cups-socket-directory is not clean: " + GoText.quote(path));
    }
    if (!path.startsWith("$SNAP_COMMON") && !path.startsWith("$SNAP_DATA")) {
      throw new AttributeCheckException(
          "cups-socket-directory must be a directory of $SNAP_COMMON or $SNAP_DATA");
    }
    return slot.attributes();
  }
}
