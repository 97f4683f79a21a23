package io.snapif.catalog.sanitizers;

import io.snapif.model.Attributes;
import io.snapif.model.Slot;

/** pkcs11: a slot's {@code pkcs11-socket} is a clean path directly in {@code /run/p11-kit}. */
final class Pkcs11Sanitizer implements Sanitizer {
  @Override
  public Attributes checkSlot(Slot slot, SnapContext snap) {
    Object socket = slot.attributes().asMap().get("pkcs11-socket");
    if (socket == null) {
      throw new AttributeCheckException(
          "cannot use pkcs11 slot without \"pkcs11-socket\" attribute");
    }
    if (!(socket instanceof String path)) {
      throw new AttributeCheckException(
          "pkcs11 slot \"pkcs11-socket\" attribute must be a string, not " + GoText.value(socket));
    }
    if (!GoPath.isCleanSubPath(path)) {
      throw new AttributeCheckException(
          "pkcs11 unix socket path is not clean: " + GoText.quote(path));
    }
    if (!GoPath.dir(path).equals("/run/p11-kit")) {
      throw new AttributeCheckException(
          "pkcs11 unix socket has to be in the /run/p11-kit directory: " + GoText.quote(path));
    }
    AppArmorText.requireNoRegexp(path, "pkcs11 unix socket path is invalid: ");
    return slot.attributes();
  }
}
