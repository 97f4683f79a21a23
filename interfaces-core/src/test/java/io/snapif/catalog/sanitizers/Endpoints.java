package io.snapif.catalog.sanitizers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.model.Attributes;
import io.snapif.model.Plug;
import io.snapif.model.Slot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;

/** Small builders for sanitizer tests: plugs and slots of snap "snap" with given attributes. */
final class Endpoints {
  static final SnapContext SNAP = SnapContext.of("snap");

  private Endpoints() {}

  /** Attributes from alternating keys and values. */
  static Attributes attrs(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Attributes.of(m);
  }

  static Plug plug(String iface, String name, Attributes attrs) {
    return Plug.builder().snap("snap").name(name).iface(iface).attributes(attrs).build();
  }

  static Slot slot(String iface, String name, Attributes attrs) {
    return Slot.builder().snap("snap").name(name).iface(iface).attributes(attrs).build();
  }

  static Attributes checkPlug(String iface, Attributes attrs) {
    return sanitizer(iface).checkPlug(plug(iface, iface, attrs), SNAP);
  }

  static Attributes checkSlot(String iface, Attributes attrs) {
    return sanitizer(iface).checkSlot(slot(iface, iface, attrs), SNAP);
  }

  static AbstractThrowableAssert<?, ? extends Throwable> plugFails(String iface, Attributes a) {
    return assertThatThrownBy(() -> checkPlug(iface, a))
        .isInstanceOf(AttributeCheckException.class);
  }

  static AbstractThrowableAssert<?, ? extends Throwable> slotFails(String iface, Attributes a) {
    return assertThatThrownBy(() -> checkSlot(iface, a))
        .isInstanceOf(AttributeCheckException.class);
  }

  static Sanitizer sanitizer(String iface) {
    return Sanitizers.forInterface(iface).orElseThrow();
  }

  static List<Object> list(Object... items) {
    return List.of(items);
  }
}
