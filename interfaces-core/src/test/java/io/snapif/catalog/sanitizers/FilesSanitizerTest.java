package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkPlug;
import static io.snapif.catalog.sanitizers.Endpoints.list;
import static io.snapif.catalog.sanitizers.Endpoints.plugFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.snapif.model.Attributes;
import org.junit.jupiter.api.Test;

class FilesSanitizerTest {
  @Test
  void personalFiles_acceptsHomePaths() {
    Attributes a = attrs("read", list("$HOME/.config/app"), "write", list("$HOME/.app"));
    assertThat(checkPlug("personal-files", a)).isEqualTo(a);
  }

  @Test
  void personalFiles_refusesPathsOutsideHome() {
    plugFails("personal-files", attrs("read", list("/etc/x")))
        .hasMessage("cannot add personal-files plug: \"/etc/x\" must start with \"$HOME/\"");
    plugFails("personal-files", attrs("read", list("$HOME/a/$HOME")))
        .hasMessage("cannot add personal-files plug: $HOME must only be used at the start of "
            + "the path of \"$HOME/a/$HOME\"");
  }

  @Test
  void systemFiles_acceptsAbsolutePaths() {
    Attributes a = attrs("read", list("/etc/app.conf"));
    assertThat(checkPlug("system-files", a)).isEqualTo(a);
  }

  @Test
  void systemFiles_refusesRelativeAndHomePaths() {
    plugFails("system-files", attrs("write", list("etc/x")))
        .hasMessage("cannot add system-files plug: \"etc/x\" must start with \"/\"");
    plugFails("system-files", attrs("write", list("/home/$HOME")))
        .hasMessage("cannot add system-files plug: $HOME cannot be used in \"/home/$HOME\"");
  }

  @Test
  void needsReadOrWriteList() {
    plugFails("system-files", attrs())
        .hasMessage("cannot add system-files plug: needs valid \"read\" or \"write\" attribute");
    plugFails("system-files", attrs("read", "/etc"))
        .hasMessage("cannot add system-files plug: \"read\" must be a list of strings");
    plugFails("system-files", attrs("read", list("/etc", 1L)))
        .hasMessage("cannot add system-files plug: \"read\" must be a list of strings");
  }

  @Test
  void pathsMustBeCleanWithoutTildeOrAppArmorSyntax() {
    plugFails("system-files", attrs("read", list("/etc/")))
        .hasMessage("cannot add system-files plug: \"/etc/\" cannot end with \"/\"");
    plugFails("system-files", attrs("read", list("/etc//x")))
        .hasMessage("cannot add system-files plug: cannot use \"/etc//x\": try \"/etc/x\"");
    plugFails("system-files", attrs("read", list("/etc/~x")))
        .hasMessage("cannot add system-files plug: \"/etc/~x\" cannot contain \"~\"");
    plugFails("system-files", attrs("read", list("/etc/{a,b}")))
        .hasMessageStartingWith("cannot add system-files plug: \"/etc/{a,b}\" contains a "
            + "reserved apparmor char");
  }
}
