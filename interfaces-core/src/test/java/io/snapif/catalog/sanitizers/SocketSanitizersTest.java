package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkSlot;
import static io.snapif.catalog.sanitizers.Endpoints.slotFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cups and pkcs11: socket locations. */
class SocketSanitizersTest {
  @Test
  void cups_socketDirectoryUnderSnapCommonOrData() {
    assertThat(checkSlot("cups", attrs()).isEmpty()).isTrue();
    assertThat(checkSlot("cups", attrs("cups-socket-directory", "$SNAP_COMMON/run")).asMap())
        .hasSize(1);
    slotFails("cups", attrs("cups-socket-directory", "/run/cups"))
        .hasMessage("cups-socket-directory must be a directory of $SNAP_COMMON or $SNAP_DATA");
    slotFails("cups", attrs("cups-socket-directory", "$SNAP_DATA/a/../b"))
        .hasMessage("cups-socket-directory is not clean: \"$SNAP_DATA/a/../b\"");
    slotFails("cups", attrs("cups-socket-directory", "$SNAP_DATA/[x]"))
        .hasMessageStartingWith("cups-socket-directory is not usable: \"$SNAP_DATA/[x]\" contains");
    slotFails("cups", attrs("cups-socket-directory", true))
        .hasMessage("snap \"snap\" has interface \"cups\" with invalid value type bool for "
            + "\"cups-socket-directory\" attribute: *string");
  }

  @Test
  void pkcs11_socketInRunP11Kit() {
    assertThat(checkSlot("pkcs11", attrs("pkcs11-socket", "/run/p11-kit/pkcs11-tpm")).asMap())
        .hasSize(1);
    slotFails("pkcs11", attrs()).hasMessage(
        "cannot use pkcs11 slot without \"pkcs11-socket\" attribute");
    slotFails("pkcs11", attrs("pkcs11-socket", "/run/p11-kit/sub/sock"))
        .hasMessage("pkcs11 unix socket has to be in the /run/p11-kit directory: "
            + "\"/run/p11-kit/sub/sock\"");
    slotFails("pkcs11", attrs("pkcs11-socket", "/run/p11-kit//sock"))
        .hasMessage("pkcs11 unix socket path is not clean: \"/run/p11-kit//sock\"");
    slotFails("pkcs11", attrs("pkcs11-socket", "/run/p11-kit/s*"))
        .hasMessageStartingWith("pkcs11 unix socket path is invalid: \"/run/p11-kit/s*\"");
    slotFails("pkcs11", attrs("pkcs11-socket", 3L))
        .hasMessage("pkcs11 slot \"pkcs11-socket\" attribute must be a string, not 3");
  }
}
