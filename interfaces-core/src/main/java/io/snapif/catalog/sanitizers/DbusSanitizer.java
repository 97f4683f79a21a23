package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.regex.Pattern;

/**
 * dbus: both sides give {@code bus} ({@code session} or {@code system}) and a well-formed
 * well-known {@code name} that does not end in {@code -NUMBER} (snapd's AppArmor rules reserve
 * that suffix).
 */
final class DbusSanitizer implements Sanitizer {
  private static final Pattern PID_SUFFIX = Pattern.compile("-[0-9]+\\z");

  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    check(plug.attributes());
    return plug.attributes();
  }

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    check(slot.attributes());
    return slot.attributes();
  }

  private static void check(Attributes attrs) {
    String bus = attrs.getString("bus")
        .orElseThrow(() -> new AttributeCheckException("cannot find attribute 'bus'"));
    if (!bus.equals("session") && !bus.equals("system")) {
      throw new AttributeCheckException("bus '" + bus + "' must be one of 'session' or 'system'");
    }
    String name = attrs.getString("name")
        .orElseThrow(() -> new AttributeCheckException("cannot find attribute 'name'"));
    DbusNames.requireBusName(name);
    if (PID_SUFFIX.matcher(name).find()) {
      throw new AttributeCheckException("DBus bus name must not end with -NUMBER");
    }
  }
}
