package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Slot;
import java.util.regex.Pattern;

/**
 * raw-volume and uio: a slot's {@code path} must be given, already clean, and a device node of
 * the interface's kind (a disk partition, a UIO device).
 */
final class SlotPathSanitizer implements Sanitizer {
  private static final String HD = "hd[a-t]([1-9]|[1-5][0-9]|6[0-3])";
  private static final String SD = "sd([a-z]|[a-h][a-z]|i[a-v])([1-9]|1[0-5])";
  private static final String I2O = "i2o/hd([a-z]|[a-c][a-z]|d[a-x])([1-9]|1[0-5])";
  private static final String MMC = "mmcblk([0-9]|[1-9][0-9]{1,2})p([1-9]|[1-5][0-9]|6[0-3])";
  private static final String NVME =
      "nvme([0-9]|[1-9][0-9])(n([1-9]|[1-5][0-9]|6[0-3])){0,1}p([1-9]|[1-5][0-9]|6[0-3])";
  private static final String VD = "vd[a-z]([1-9]|[1-5][0-9]|6[0-3])";

  private final Pattern pattern;
  private final String kind;

  private SlotPathSanitizer(Pattern pattern, String kind) {
    this.pattern = pattern;
    this.kind = kind;
  }

  static SlotPathSanitizer rawVolume() {
    return new SlotPathSanitizer(Pattern.compile(
        "^/dev/(" + String.join("|", HD, SD, I2O, MMC, NVME, VD) + ")$"), "device node");
  }

  static SlotPathSanitizer uio() {
    return new SlotPathSanitizer(Pattern.compile("^/dev/uio[0-9]+$"), "UIO device node");
  }

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    String ref = GoText.quote(slot.ref().toString());
    String path = slot.attributes().getString("path").filter(p -> !p.isEmpty()).orElseThrow(
        () -> new AttributeCheckException("slot " + ref + " must have a path attribute"));
    String clean = GoPath.clean(path);
    if (!clean.equals(path)) {
      // The stray quote at the end is snapd's.
      throw new AttributeCheckException("cannot use slot " + ref + " path " + GoText.quote(path)
          + ": try " + GoText.quote(clean) + "\"");
    }
    if (!pattern.matcher(clean).matches()) {
      throw new AttributeCheckException(
          "slot " + ref + " path attribute must be a valid " + kind);
    }
    return slot.attributes();
  }
}
