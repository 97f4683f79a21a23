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

class ContentSanitizerTest {
  @Test
  void plug_defaultsContentToPlugName() {
    assertThat(checkPlug("content", attrs("target", "$SNAP/lib")).asMap())
        .containsEntry("content", "content")
        .containsEntry("target", "$SNAP/lib");
  }

  @Test
  void plug_keepsGivenContentButReplacesEmptyOrNonString() {
    assertThat(checkPlug("content", attrs("content", "gtk", "target", "t")).getString("content"))
        .contains("gtk");
    assertThat(checkPlug("content", attrs("content", "", "target", "t")).getString("content"))
        .contains("content");
    assertThat(checkPlug("content", attrs("content", 3L, "target", "t")).getString("content"))
        .contains("content");
  }

  @Test
  void plug_needsNonEmptyStringTarget() {
    plugFails("content", attrs()).hasMessage("content plug must contain target path");
    plugFails("content", attrs("target", "")).hasMessage("content plug must contain target path");
    plugFails("content", attrs("target", list("a"))).hasMessage(
        "content plug must contain target path");
  }

  @Test
  void plug_targetMustBeCleanAndFreeOfAppArmorSyntax() {
    plugFails("content", attrs("target", "$SNAP/../x"))
        .hasMessage("content interface path is not clean: \"$SNAP/../x\"");
    plugFails("content", attrs("target", "../x"))
        .hasMessage("content interface path is not clean: \"../x\"");
    plugFails("content", attrs("target", "$SNAP/a*"))
        .hasMessage("content interface path is invalid: \"$SNAP/a*\" contains a reserved "
            + "apparmor char from ?*[]{}^\"\u0000");
  }

  @Test
  void slot_defaultsContentAndAcceptsReadOrWrite() {
    assertThat(checkSlot("content", attrs("read", list("$SNAP/share"))).asMap())
        .containsEntry("content", "content");
    assertThat(checkSlot("content", attrs("write", list("$SNAP_DATA/x"))).getString("content"))
        .contains("content");
    assertThat(checkSlot("content", attrs("source", Map.of("read", list("$SNAP/a")))).asMap())
        .containsKey("source");
  }

  @Test
  void slot_withoutPathsIsRefused() {
    slotFails("content", attrs()).hasMessage("read or write path must be set");
    // a list with a non-string voids the whole list
    slotFails("content", attrs("read", list("$SNAP/a", 1L)))
        .hasMessage("read or write path must be set");
    slotFails("content", attrs("read", "$SNAP/a")).hasMessage("read or write path must be set");
    slotFails("content", attrs("source", Map.of("write", "x")))
        .hasMessage("read or write path must be set");
  }

  @Test
  void slot_sourceExcludesTopLevelReadAndWrite() {
    slotFails("content", attrs("source", Map.of(), "read", list("x")))
        .hasMessage("move the \"read\" attribute into the \"source\" section");
    slotFails("content", attrs("source", "x", "write", list("x")))
        .hasMessage("move the \"write\" attribute into the \"source\" section");
  }

  @Test
  void slot_pathsMustBeClean() {
    slotFails("content", attrs("read", list("$SNAP/ok", "$SNAP/./x")))
        .hasMessage("content interface path is not clean: \"$SNAP/./x\"");
    assertThat(checkSlot("content", attrs("read", list("/"))).getString("content"))
        .contains("content");
  }
}
