package io.snapif.catalog.sanitizers;

import io.snapif.SnapifException;

/**
 * A plug or slot failed its interface's attribute check (or names an unknown interface). The
 * message is the reason in snapd's words, e.g. {@code content plug must contain target path};
 * snap.yaml reading records it in {@code Snap.badInterfaces()} and drops the plug or slot.
 */
public final class AttributeCheckException extends SnapifException {
  private static final long serialVersionUID = 1L;

  public AttributeCheckException(String reason) {
    super(reason);
  }

  /** Why the plug or slot was rejected, as snapd words it. */
  public String reason() {
    return getMessage();
  }
}
