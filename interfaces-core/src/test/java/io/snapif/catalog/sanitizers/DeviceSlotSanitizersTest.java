package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkSlot;
import static io.snapif.catalog.sanitizers.Endpoints.slotFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.Attributes;
import org.junit.jupiter.api.Test;

/** gpio, pwm, i2c, iio, spi, bool-file, raw-volume and uio slots. */
class DeviceSlotSanitizersTest {
  @Test
  void gpio_needsIntegerNumber() {
    assertThat(checkSlot("gpio", attrs("number", 17L))).isEqualTo(attrs("number", 17L));
    slotFails("gpio", attrs()).hasMessage("gpio slot must have a number attribute");
    slotFails("gpio", attrs("number", "17"))
        .hasMessage("gpio slot number attribute must be an int");
  }

  @Test
  void pwm_needsChannelAndChipNumber() {
    assertThat(checkSlot("pwm", attrs("channel", 0L, "chip-number", 1L)).asMap()).hasSize(2);
    slotFails("pwm", attrs("chip-number", 1L)).hasMessage("pwm slot must have a channel attribute");
    slotFails("pwm", attrs("channel", 0L))
        .hasMessage("pwm slot must have a chip-number attribute");
    slotFails("pwm", attrs("channel", 0L, "chip-number", 1.0))
        .hasMessage("pwm slot chip-number attribute must be an int");
  }

  @Test
  void i2c_takesPathOrSysfsName() {
    assertThat(checkSlot("i2c", attrs("path", "/dev/i2c-1")))
        .isEqualTo(attrs("path", "/dev/i2c-1"));
    assertThat(checkSlot("i2c", attrs("sysfs-name", "1-0050")).asMap()).hasSize(1);
    // snapd cleans before matching
    assertThat(checkSlot("i2c", attrs("path", "/dev/x/../i2c-2")).asMap()).hasSize(1);
    slotFails("i2c", attrs("path", "/dev/i2c-x"))
        .hasMessage("i2c path attribute must be a valid device node");
    slotFails("i2c", attrs()).hasMessage("i2c slot must have a path or sysfs-name attribute");
    slotFails("i2c", attrs("sysfs-name", "a/b"))
        .hasMessage("i2c sysfs-name attribute must be a valid sysfs-name");
    slotFails("i2c", attrs("sysfs-name", "a", "path", "/dev/i2c-1"))
        .hasMessage("i2c slot can only use path or sysfs-name");
  }

  @Test
  void iio_needsDeviceNode() {
    assertThat(checkSlot("iio", attrs("path", "/dev/iio:device0")).asMap()).hasSize(1);
    slotFails("iio", attrs("path", "/dev/iio0"))
        .hasMessage("iio path attribute must be a valid device node");
    slotFails("iio", attrs("path", "")).hasMessage("iio slot must have a path attribute");
  }

  @Test
  void spi_needsSpidevNode() {
    assertThat(checkSlot("spi", attrs("path", "/dev/spidev0.1")).asMap()).hasSize(1);
    slotFails("spi", attrs("path", "/dev/spidev0"))
        .hasMessage("\"/dev/spidev0\" is not a valid SPI device");
    slotFails("spi", attrs()).hasMessage("slot \"snap:spi\" must have a path attribute");
  }

  @Test
  void boolFile_onlyLedsAndGpioValues() {
    Attributes led = attrs("path", "/sys/class/leds/input0::capslock/brightness");
    assertThat(checkSlot("bool-file", led)).isEqualTo(led);
    assertThat(checkSlot("bool-file", attrs("path", "/sys/class/gpio/gpio7/value")).asMap())
        .hasSize(1);
    slotFails("bool-file", attrs("path", "/sys/class/gpio/gpio7/direction"))
        .hasMessage("bool-file can only point at LED brightness or GPIO value");
    slotFails("bool-file", attrs()).hasMessage("bool-file must contain the path attribute");
  }

  @Test
  void rawVolume_needsCleanPartitionPath() {
    assertThat(checkSlot("raw-volume", attrs("path", "/dev/sda1")).asMap()).hasSize(1);
    assertThat(checkSlot("raw-volume", attrs("path", "/dev/nvme0n1p3")).asMap()).hasSize(1);
    slotFails("raw-volume", attrs("path", "/dev/sda"))
        .hasMessage("slot \"snap:raw-volume\" path attribute must be a valid device node");
    slotFails("raw-volume", attrs("path", "/dev//sda1"))
        .hasMessage("cannot use slot \"snap:raw-volume\" path \"/dev//sda1\": try "
            + "\"/dev/sda1\"\"");
    slotFails("raw-volume", attrs())
        .hasMessage("slot \"snap:raw-volume\" must have a path attribute");
  }

  @Test
  void uio_needsUioNode() {
    assertThat(checkSlot("uio", attrs("path", "/dev/uio3")).asMap()).hasSize(1);
    slotFails("uio", attrs("path", "/dev/uio"))
        .hasMessage("slot \"snap:uio\" path attribute must be a valid UIO device node");
  }
}
