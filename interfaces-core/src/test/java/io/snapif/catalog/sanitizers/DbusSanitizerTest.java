package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkPlug;
import static io.snapif.catalog.sanitizers.Endpoints.checkSlot;
import static io.snapif.catalog.sanitizers.Endpoints.plugFails;
import static io.snapif.catalog.sanitizers.Endpoints.slotFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** dbus, mpris and polkit: D-Bus names. */
class DbusSanitizerTest {
  @Test
  void dbus_busAndWellKnownName() {
    assertThat(checkSlot("dbus", attrs("bus", "session", "name", "org.example.App")).asMap())
        .hasSize(2);
    assertThat(checkPlug("dbus", attrs("bus", "system", "name", "org.example.App")).asMap())
        .hasSize(2);
  }

  @Test
  void dbus_refusesBadBusOrName() {
    slotFails("dbus", attrs("name", "org.example.App")).hasMessage("cannot find attribute 'bus'");
    slotFails("dbus", attrs("bus", "user", "name", "org.example.App"))
        .hasMessage("bus 'user' must be one of 'session' or 'system'");
    plugFails("dbus", attrs("bus", "system")).hasMessage("cannot find attribute 'name'");
    plugFails("dbus", attrs("bus", "system", "name", "example"))
        .hasMessage("invalid DBus bus name: \"example\"");
    plugFails("dbus", attrs("bus", "system", "name", ""))
        .hasMessage("DBus bus name must be set");
    plugFails("dbus", attrs("bus", "system", "name", "a.b" + "c".repeat(300)))
        .hasMessage("DBus bus name is too long (must be <= 255)");
    slotFails("dbus", attrs("bus", "session", "name", "org.example.app-42"))
        .hasMessage("DBus bus name must not end with -NUMBER");
  }

  @Test
  void mpris_onlyAValidName() {
    assertThat(checkSlot("mpris", attrs("name", "vlc")).asMap()).hasSize(1);
    assertThat(checkSlot("mpris", attrs()).isEmpty()).isTrue();
    slotFails("mpris", attrs("name", "vlc.player"))
        .hasMessage("invalid name element: \"vlc.player\"");
    slotFails("mpris", attrs("name", 7L)).hasMessage("name element 7 is not a string");
    slotFails("mpris", attrs("player", "x")).hasMessage("unknown attribute 'player'");
  }

  @Test
  void polkit_actionPrefixLikeBusName() {
    assertThat(checkPlug("polkit", attrs("action-prefix", "org.example.foo")).asMap()).hasSize(1);
    plugFails("polkit", attrs("action-prefix", "foo"))
        .hasMessage("plug has invalid action-prefix: \"foo\"");
    plugFails("polkit", attrs())
        .hasMessage("snap \"snap\" does not have attribute \"action-prefix\" for interface "
            + "\"polkit\"");
    plugFails("polkit", attrs("action-prefix", 1L))
        .hasMessage("snap \"snap\" has interface \"polkit\" with invalid value type int64 for "
            + "\"action-prefix\" attribute: *string");
  }
}
