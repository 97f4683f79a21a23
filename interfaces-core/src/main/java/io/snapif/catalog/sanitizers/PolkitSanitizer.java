package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;

/** polkit: a plug's {@code action-prefix} is a string shaped like a D-Bus bus name. */
final class PolkitSanitizer implements Sanitizer {
  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    String prefix = (String) GoType.STRING.require(
        plug.attributes(), "action-prefix", plug.snap(), plug.iface());
    try {
      DbusNames.requireBusName(prefix);
    } catch (AttributeCheckException e) {
      throw new AttributeCheckException("plug has invalid action-prefix: " + GoText.quote(prefix));
    }
    return plug.attributes();
  }
}
