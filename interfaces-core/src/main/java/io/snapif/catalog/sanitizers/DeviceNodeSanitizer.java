package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Slot;
import java.util.regex.Pattern;

/**
 * Slots naming one device node in {@code path}: i2c (or a {@code sysfs-name} instead), iio and
 * spi. snapd cleans the path before matching it, so these accept unclean spellings.
 */
final class DeviceNodeSanitizer implements Sanitizer {
  private static final Pattern I2C_NODE = Pattern.compile("^/dev/i2c-[0-9]+$");
  private static final Pattern I2C_SYSFS_NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
  private static final Pattern IIO_NODE = Pattern.compile("^/dev/iio:device[0-9]+$");
  private static final Pattern SPI_NODE = Pattern.compile("^/dev/spidev[0-9]+\\.[0-9]+$");

  private enum Kind { I2C, IIO, SPI }

  private final Kind kind;

  private DeviceNodeSanitizer(Kind kind) {
    this.kind = kind;
  }

  static DeviceNodeSanitizer i2c() {
    return new DeviceNodeSanitizer(Kind.I2C);
  }

  static DeviceNodeSanitizer iio() {
    return new DeviceNodeSanitizer(Kind.IIO);
  }

  static DeviceNodeSanitizer spi() {
    return new DeviceNodeSanitizer(Kind.SPI);
  }

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Attributes attrs = slot.attributes();
    switch (kind) {
      case I2C -> checkI2c(attrs);
      case IIO -> {
        String path = attrs.getString("path").filter(p -> !p.isEmpty()).orElseThrow(
            () -> new AttributeCheckException("iio slot must have a path attribute"));
        if (!IIO_NODE.matcher(GoPath.clean(path)).matches()) {
          throw new AttributeCheckException("iio path attribute must be a valid device node");
        }
      }
      case SPI -> {
        String path = attrs.getString("path").filter(p -> !p.isEmpty()).orElseThrow(
            () -> new AttributeCheckException("slot " + GoText.quote(slot.ref().toString())
                + " must have a path attribute"));
        String clean = GoPath.clean(path);
        if (!SPI_NODE.matcher(clean).matches()) {
          throw new AttributeCheckException(GoText.quote(clean) + " is not a valid SPI device");
        }
      }
    }
    return attrs;
  }

  private static void checkI2c(Attributes attrs) {
    if (attrs.getString("sysfs-name").isPresent()) {
      if (!I2C_SYSFS_NAME.matcher(attrs.getString("sysfs-name").get()).matches()) {
        throw new AttributeCheckException("i2c sysfs-name attribute must be a valid sysfs-name");
      }
      if (attrs.getString("path").isPresent()) {
        throw new AttributeCheckException("i2c slot can only use path or sysfs-name");
      }
      return;
    }
    String path = attrs.getString("path").filter(p -> !p.isEmpty()).orElseThrow(
        () -> new AttributeCheckException("i2c slot must have a path or sysfs-name attribute"));
    if (!I2C_NODE.matcher(GoPath.clean(path)).matches()) {
      throw new AttributeCheckException("i2c path attribute must be a valid device node");
    }
  }
}
