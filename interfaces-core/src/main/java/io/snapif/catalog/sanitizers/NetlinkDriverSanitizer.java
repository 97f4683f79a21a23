package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.regex.Pattern;

/**
 * netlink-driver: both sides name the protocol family in {@code family-name} (lowercase, at
 * least two characters, no trailing dash); the slot also gives its number in {@code family}.
 */
final class NetlinkDriverSanitizer implements Sanitizer {
  private static final Pattern FAMILY_NAME = Pattern.compile("^[a-z]+[a-z0-9-]*[^\\-]$");

  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Object family = slot.attributes().asMap().get("family");
    if (family == null) {
      throw new AttributeCheckException("netlink-driver slot must have a family number attribute");
    }
    if (!(family instanceof Long)) {
      throw new AttributeCheckException(
          "netlink-driver slot family number attribute must be an int");
    }
    checkFamilyName(slot.attributes(), "slot");
    return slot.attributes();
  }

  @Override
  public Attributes checkPlug(Plug plug, SnapContext snap) {
    checkFamilyName(plug.attributes(), "plug");
    return plug.attributes();
  }

  private static void checkFamilyName(Attributes attrs, String side) {
    Object name = attrs.asMap().get("family-name");
    if (name == null) {
      throw new AttributeCheckException(
          "netlink-driver " + side + " must have a family-name attribute");
    }
    if (!(name instanceof String s)) {
      throw new AttributeCheckException(
          "netlink-driver " + side + " family-name attribute must be a string");
    }
    if (!FAMILY_NAME.matcher(s).matches()) {
      throw new AttributeCheckException(
          "netlink-driver " + side + " family-name " + GoText.quote(s) + " is invalid");
    }
  }
}
