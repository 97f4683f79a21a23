package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkSlot;
import static io.snapif.catalog.sanitizers.Endpoints.slotFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsbDeviceSanitizerTest {
  @Test
  void serialPort_deviceNode() {
    assertThat(checkSlot("serial-port", attrs("path", "/dev/ttyUSB0")).asMap()).hasSize(1);
    slotFails("serial-port", attrs("path", "/dev/ttyXYZ0"))
        .hasMessage("serial-port path attribute must be a valid device node");
    slotFails("serial-port", attrs()).hasMessage("serial-port slot must have a path attribute");
  }

  @Test
  void serialPort_usbSymlink() {
    assertThat(checkSlot("serial-port", attrs("path", "/dev/serial-port-arduino",
        "usb-vendor", 0x2341L, "usb-product", 0x43L, "usb-interface-number", 1L)).asMap())
        .hasSize(4);
    slotFails("serial-port", attrs("path", "/dev/ttyUSB0", "usb-vendor", 1L, "usb-product", 1L))
        .hasMessage("serial-port path attribute specifies invalid symlink location");
    slotFails("serial-port", attrs("path", "/dev/serial-port-a", "usb-vendor", 0L,
        "usb-product", 1L)).hasMessage("serial-port usb-vendor attribute not valid: 0");
    slotFails("serial-port", attrs("path", "/dev/serial-port-a", "usb-vendor", 1L))
        .hasMessage("serial-port slot failed to find usb-product attribute");
    slotFails("serial-port", attrs("path", "/dev/serial-port-a", "usb-vendor", 1L,
        "usb-product", 0x10000L))
        .hasMessage("serial-port usb-product attribute not valid: 65536");
    slotFails("serial-port", attrs("path", "/dev/serial-port-a", "usb-vendor", 1L,
        "usb-product", 1L, "usb-interface-number", 32L))
        .hasMessage("serial-port usb-interface-number attribute cannot be negative or larger "
            + "than 31");
  }

  @Test
  void serialPort_interfaceNumberAloneSelectsSymlinkForm() {
    slotFails("serial-port", attrs("path", "/dev/serial-port-a", "usb-interface-number", 1L))
        .hasMessage("serial-port slot failed to find usb-vendor attribute");
  }

  @Test
  void hidraw_deviceNodeOrSymlink() {
    assertThat(checkSlot("hidraw", attrs("path", "/dev/hidraw0")).asMap()).hasSize(1);
    assertThat(checkSlot("hidraw", attrs("path", "/dev/hidraw-key", "usb-vendor", 1L,
        "usb-product", 2L)).asMap()).hasSize(3);
    slotFails("hidraw", attrs("path", "/dev/hidraw1234"))
        .hasMessage("hidraw path attribute must be a valid device node");
    slotFails("hidraw", attrs()).hasMessage("hidraw slots must have a path attribute");
    // usb-interface-number means nothing to hidraw
    assertThat(checkSlot("hidraw", attrs("path", "/dev/hidraw2", "usb-interface-number", 99L))
        .asMap()).hasSize(2);
  }
}
