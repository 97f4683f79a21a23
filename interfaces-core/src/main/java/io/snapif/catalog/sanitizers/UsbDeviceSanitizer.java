package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Slot;
import java.util.regex.Pattern;

/**
 * hidraw and serial-port slots: either a {@code path} to a known device node, or, with USB
 * identifiers ({@code usb-vendor}, {@code usb-product}; serial-port also
 * {@code usb-interface-number}), a {@code path} where udev puts a symlink. Identifiers are
 * 16-bit (vendor non-zero); an interface number is below 32.
 */
final class UsbDeviceSanitizer implements Sanitizer {
  private static final int USB_MAX_INTERFACES = 32;

  private final String iface;
  private final String missingPath;
  private final Pattern node;
  private final Pattern symlink;
  private final boolean interfaceNumber;

  private UsbDeviceSanitizer(String iface, String missingPath, Pattern node, Pattern symlink,
      boolean interfaceNumber) {
    this.iface = iface;
    this.missingPath = missingPath;
    this.node = node;
    this.symlink = symlink;
    this.interfaceNumber = interfaceNumber;
  }

  static UsbDeviceSanitizer hidraw() {
    return new UsbDeviceSanitizer("hidraw", "hidraw slots must have a path attribute",
        Pattern.compile("^/dev/hidraw[0-9]{1,3}$"), Pattern.compile("^/dev/hidraw-[a-z0-9]+$"),
        false);
  }

  static UsbDeviceSanitizer serialPort() {
    return new UsbDeviceSanitizer("serial-port", "serial-port slot must have a path attribute",
        Pattern.compile("^/dev/tty(mxc|USB|ACM|AMA|XRUSB|S|O|SC|MSM|HS|GS)[0-9]+$"),
        Pattern.compile("^/dev/serial-port-[a-z0-9]+$"), true);
  }

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Attributes attrs = slot.attributes();
    String path = attrs.getString("path").filter(p -> !p.isEmpty())
        .orElseThrow(() -> new AttributeCheckException(missingPath));
    String clean = GoPath.clean(path);
    if (!hasUsbAttributes(attrs)) {
      if (!node.matcher(clean).matches()) {
        throw new AttributeCheckException(iface + " path attribute must be a valid device node");
      }
      return attrs;
    }
    if (!symlink.matcher(clean).matches()) {
      throw new AttributeCheckException(
          iface + " path attribute specifies invalid symlink location");
    }
    long vendor = integer(attrs, "usb-vendor");
    if (vendor < 0x1 || vendor > 0xFFFF) {
      throw new AttributeCheckException(iface + " usb-vendor attribute not valid: " + vendor);
    }
    long product = integer(attrs, "usb-product");
    if (product < 0x0 || product > 0xFFFF) {
      throw new AttributeCheckException(iface + " usb-product attribute not valid: " + product);
    }
    if (interfaceNumber && attrs.get("usb-interface-number").orElse(null) instanceof Long n
        && (n < 0 || n >= USB_MAX_INTERFACES)) {
      throw new AttributeCheckException(iface
          + " usb-interface-number attribute cannot be negative or larger than "
          + (USB_MAX_INTERFACES - 1));
    }
    return attrs;
  }

  // Any integer USB identifier switches the slot to the udev-symlink form.
  private boolean hasUsbAttributes(Attributes attrs) {
    return GoType.INT64.readable(attrs, "usb-vendor") || GoType.INT64.readable(attrs, "usb-product")
        || (interfaceNumber && GoType.INT64.readable(attrs, "usb-interface-number"));
  }

  private long integer(Attributes attrs, String name) {
    if (attrs.asMap().get(name) instanceof Long v) {
      return v;
    }
    throw new AttributeCheckException(iface + " slot failed to find " + name + " attribute");
  }
}
