package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkPlug;
import static io.snapif.catalog.sanitizers.Endpoints.checkSlot;
import static io.snapif.catalog.sanitizers.Endpoints.plugFails;
import static io.snapif.catalog.sanitizers.Endpoints.slotFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetlinkDriverSanitizerTest {
  @Test
  void slot_familyNumberAndName() {
    assertThat(checkSlot("netlink-driver", attrs("family", 100L, "family-name", "foo-bar"))
        .asMap()).hasSize(2);
    slotFails("netlink-driver", attrs("family-name", "foo"))
        .hasMessage("netlink-driver slot must have a family number attribute");
    slotFails("netlink-driver", attrs("family", "100", "family-name", "foo"))
        .hasMessage("netlink-driver slot family number attribute must be an int");
    slotFails("netlink-driver", attrs("family", 100L))
        .hasMessage("netlink-driver slot must have a family-name attribute");
  }

  @Test
  void plug_familyName() {
    assertThat(checkPlug("netlink-driver", attrs("family-name", "ab")).asMap()).hasSize(1);
    plugFails("netlink-driver", attrs("family-name", "foo-"))
        .hasMessage("netlink-driver plug family-name \"foo-\" is invalid");
    plugFails("netlink-driver", attrs("family-name", 3L))
        .hasMessage("netlink-driver plug family-name attribute must be a string");
  }
}
