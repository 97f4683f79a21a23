package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkPlug;
import static io.snapif.catalog.sanitizers.Endpoints.checkSlot;
import static io.snapif.catalog.sanitizers.Endpoints.list;
import static io.snapif.catalog.sanitizers.Endpoints.plugFails;
import static io.snapif.catalog.sanitizers.Endpoints.slotFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomDeviceSanitizerTest {
  @Test
  void plug_defaultsCustomDeviceToItsName() {
    assertThat(checkPlug("custom-device", attrs()).getString("custom-device"))
        .contains("custom-device");
    plugFails("custom-device", attrs("custom-device", 1L))
        .hasMessage("custom-device \"custom-device\" attribute must be a string, not 1");
  }

  @Test
  void slot_withDevicesFilesAndTagging() {
    assertThat(checkSlot("custom-device", attrs(
        "devices", list("/dev/input/event[0-9]"),
        "read-devices", list("/dev/js0"),
        "files", Map.of("read", list("/sys/class/x/{a,b}")),
        "udev-tagging", list(Map.of("kernel", "js0", "subsystem", "input",
            "attributes", Map.of("idVendor", "1234"))))).asMap())
        .containsEntry("custom-device", "custom-device");
  }

  @Test
  void slot_needsSomething() {
    slotFails("custom-device", attrs())
        .hasMessage("cannot use custom-device slot without any files or devices");
    slotFails("custom-device", attrs("files", Map.of()))
        .hasMessage("cannot use custom-device slot without any files or devices");
  }

  @Test
  void slot_devicePaths() {
    slotFails("custom-device", attrs("devices", list("/tmp/x")))
        .hasMessage("custom-device \"devices\" path must start with /dev/ and cannot contain "
            + "special characters: \"/tmp/x\"");
    slotFails("custom-device", attrs("devices", list("/dev/a/../b")))
        .hasMessage("custom-device \"devices\" path is not clean: \"/dev/a/../b\"");
    slotFails("custom-device", attrs("devices", list("/dev/a**")))
        .hasMessage("custom-device \"devices\" path contains invalid glob pattern \"**\"");
    slotFails("custom-device", attrs("devices", list("/dev/a[")))
        .hasMessage("custom-device \"devices\" path cannot be used: missing closing bracket "
            + "']': \"/dev/a[\"");
    slotFails("custom-device", attrs("devices", list("/dev/a"), "read-devices", list("/dev/a")))
        .hasMessage("cannot specify path \"/dev/a\" both in \"devices\" and \"read-devices\" "
            + "attributes");
    slotFails("custom-device", attrs("devices", "/dev/a"))
        .hasMessage("snap \"snap\" has interface \"custom-device\" with invalid value type "
            + "string for \"devices\" attribute: *[]string");
  }

  @Test
  void slot_files() {
    slotFails("custom-device", attrs("files", Map.of("exec", list("/bin/x"))))
        .hasMessage("cannot specify \"exec\" in \"files\" section, only \"read\" and \"write\" "
            + "allowed");
    slotFails("custom-device", attrs("files", Map.of("write", list("/a@b"))))
        .hasMessage("custom-device \"write\" path must start with / and cannot contain special "
            + "characters: \"/a@b\"");
    slotFails("custom-device", attrs("files", Map.of("write", list("/x/{a}"))))
        .hasMessage("custom-device \"write\" path cannot be used: invalid number of items "
            + "between {}: \"/x/{a}\"");
  }

  @Test
  void slot_udevTagging() {
    slotFails("custom-device", attrs("devices", list("/dev/a"),
        "udev-tagging", list(Map.of("subsystem", "input"))))
        .hasMessage("custom-device udev tagging rule missing mandatory \"kernel\" key");
    slotFails("custom-device", attrs("devices", list("/dev/a"),
        "udev-tagging", list(Map.of("kernel", "b"))))
        .hasMessage("custom-device \"udev-tagging\" invalid \"kernel\" tag: \"b\" does not "
            + "match a specified device");
    slotFails("custom-device", attrs("devices", list("/dev/a"),
        "udev-tagging", list(Map.of("kernel", "a", "driver", "x"))))
        .hasMessage("custom-device \"udev-tagging\" invalid \"driver\" tag: unknown tag");
    slotFails("custom-device", attrs("devices", list("/dev/a"),
        "udev-tagging", list(Map.of("kernel", "a", "environment", "x"))))
        .hasMessage("custom-device \"udev-tagging\" invalid \"environment\" tag: value \"x\" is "
            + "not a map");
    slotFails("custom-device", attrs("devices", list("/dev/a"),
        "udev-tagging", list(Map.of("kernel", "a", "subsystem", "in{put"))))
        .hasMessage("custom-device \"udev-tagging\" invalid \"subsystem\" tag: value \"in{put\" "
            + "contains invalid characters");
  }
}
