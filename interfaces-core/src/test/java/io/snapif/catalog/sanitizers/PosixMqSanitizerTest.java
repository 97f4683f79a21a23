package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkPlug;
import static io.snapif.catalog.sanitizers.Endpoints.checkSlot;
import static io.snapif.catalog.sanitizers.Endpoints.list;
import static io.snapif.catalog.sanitizers.Endpoints.plugFails;
import static io.snapif.catalog.sanitizers.Endpoints.slotFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PosixMqSanitizerTest {
  @Test
  void plug_defaultsPosixMqToItsName() {
    assertThat(checkPlug("posix-mq", attrs()).getString("posix-mq")).contains("posix-mq");
    assertThat(checkPlug("posix-mq", attrs("posix-mq", "q")).getString("posix-mq")).contains("q");
    plugFails("posix-mq", attrs("posix-mq", list("q")))
        .hasMessage("posix-mq \"posix-mq\" attribute must be a string, not [q]");
  }

  @Test
  void slot_pathAsStringOrList() {
    assertThat(checkSlot("posix-mq", attrs("path", "/queue")).getString("posix-mq"))
        .contains("posix-mq");
    assertThat(checkSlot("posix-mq", attrs("path", list("a", "/b"),
        "permissions", list("read", "create"))).asMap()).containsKey("posix-mq");
  }

  @Test
  void slot_pathProblems() {
    slotFails("posix-mq", attrs()).hasMessage("posix-mq slot requires the \"path\" attribute");
    slotFails("posix-mq", attrs("path", list()))
        .hasMessage("posix-mq slot requires at least one value in the \"path\" attribute");
    slotFails("posix-mq", attrs("path", list("")))
        .hasMessage("posix-mq slot \"path\" attribute values cannot be empty");
    slotFails("posix-mq", attrs("path", "/a/b"))
        .hasMessage("posix-mq \"path\" attribute must conform to the POSIX message queue name "
            + "specifications (see \"man mq_overview\"): /a/b");
    slotFails("posix-mq", attrs("path", "/a*"))
        .hasMessage("posix-mq \"path\" attribute is invalid: /a*\"");
    slotFails("posix-mq", attrs("path", "/.."))
        .hasMessage("posix-mq \"path\" attribute is not a clean path: \"/..\"");
    slotFails("posix-mq", attrs("path", 5L))
        .hasMessage("snap \"snap\" has interface \"posix-mq\" with invalid value type int64 for "
            + "\"path\" attribute: *[]string");
  }

  @Test
  void slot_permissions() {
    slotFails("posix-mq", attrs("path", "/q", "permissions", list("read", "exec")))
        .hasMessage("posix-mq slot permission \"exec\" not valid, must be one of "
            + "[open read write create delete]");
    slotFails("posix-mq", attrs("path", "/q", "permissions", "read"))
        .hasMessage("snap \"snap\" has interface \"posix-mq\" with invalid value type string "
            + "for \"permissions\" attribute: *[]string");
  }
}
