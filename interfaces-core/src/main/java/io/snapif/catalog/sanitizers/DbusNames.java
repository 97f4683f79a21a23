package io.snapif.catalog.sanitizers;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** D-Bus well-known bus names as snapd validates them (dbus and polkit use it). */
final class DbusNames {
  private static final Pattern BUS_NAME =
      Pattern.compile("^[a-zA-Z_-][a-zA-Z0-9_-]*(\\.[a-zA-Z_-][a-zA-Z0-9_-]*)+$");

  private DbusNames() {}

  /** @throws AttributeCheckException with snapd's reason if {@code name} is not a bus name */
  static void requireBusName(String name) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0) {
      throw new AttributeCheckException("DBus bus name must be set");
    }
    if (bytes > 255) {
      throw new AttributeCheckException("DBus bus name is too long (must be <= 255)");
    }
    if (!BUS_NAME.matcher(name).matches()) {
      throw new AttributeCheckException("invalid DBus bus name: " + GoText.quote(name));
    }
  }
}
