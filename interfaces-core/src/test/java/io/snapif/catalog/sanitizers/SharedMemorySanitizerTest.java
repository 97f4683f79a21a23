package io.snapif.catalog.sanitizers;

import static io.snapif.catalog.sanitizers.Endpoints.attrs;
import static io.snapif.catalog.sanitizers.Endpoints.checkPlug;
import static io.snapif.catalog.sanitizers.Endpoints.checkSlot;
import static io.snapif.catalog.sanitizers.Endpoints.list;
import static io.snapif.catalog.sanitizers.Endpoints.plug;
import static io.snapif.catalog.sanitizers.Endpoints.plugFails;
import static io.snapif.catalog.sanitizers.Endpoints.slotFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import org.junit.jupiter.api.Test;

class SharedMemorySanitizerTest {
  @Test
  void slot_defaultsNameAndChecksPaths() {
    assertThat(checkSlot("shared-memory", attrs("write", list("bar*"))).asMap())
        .containsEntry("shared-memory", "shared-memory");
    slotFails("shared-memory", attrs()).hasMessage(
        "shared memory interface requires at least a valid \"read\" or \"write\" attribute");
    slotFails("shared-memory", attrs("read", list("a/b")))
        .hasMessage("shared-memory interface path should not contain '/': \"a/b\"");
    slotFails("shared-memory", attrs("read", list("a**")))
        .hasMessage("shared-memory interface path is invalid: \"a**\" contains ** which is "
            + "unsupported");
    slotFails("shared-memory", attrs("read", list(" a")))
        .hasMessage("shared-memory interface path has leading or trailing spaces: \" a\"");
    slotFails("shared-memory", attrs("read", list("..")))
        .hasMessage("shared-memory interface path is not clean: \"..\"");
    slotFails("shared-memory", attrs("read", "a"))
        .hasMessage("shared-memory \"read\" attribute must be a list of strings, not \"a\"");
  }

  @Test
  void plug_getsPrivateFalseAndName() {
    assertThat(checkPlug("shared-memory", attrs()).asMap())
        .containsEntry("private", false).containsEntry("shared-memory", "shared-memory");
    assertThat(checkPlug("shared-memory", attrs("private", true)).asMap())
        .containsEntry("private", true).doesNotContainKey("shared-memory");
    plugFails("shared-memory", attrs("private", "yes"))
        .hasMessage("shared-memory \"private\" attribute must be a bool, not yes");
    plugFails("shared-memory", attrs("private", true, "shared-memory", "x"))
        .hasMessage("shared-memory \"shared-memory\" attribute must not be set together with "
            + "\"private: true\"");
  }

  @Test
  void privatePlug_mustBeTheOnlySharedMemoryEndpoint() {
    Sanitizer s = Endpoints.sanitizer("shared-memory");
    SnapContext twoPlugs = SnapContext.builder().snapName("snap")
        .plugInterfaces(ImmutableMap.of("shm", "shared-memory", "other", "shared-memory"))
        .build();
    assertThatThrownBy(() -> s.checkPlug(plug("shared-memory", "shm", attrs("private", true)),
        twoPlugs)).hasMessage("shared-memory plug with \"private: true\" set cannot be used "
            + "with other shared-memory plugs");
    SnapContext withSlot = SnapContext.builder().snapName("snap")
        .plugInterfaces(ImmutableMap.of("shm", "shared-memory"))
        .slotInterfaces(ImmutableMap.of("s", "shared-memory"))
        .build();
    assertThatThrownBy(() -> s.checkPlug(plug("shared-memory", "shm", attrs("private", true)),
        withSlot)).hasMessage("shared-memory plug with \"private: true\" set cannot be used "
            + "with shared-memory slots");
    SnapContext alone = SnapContext.builder().snapName("snap")
        .plugInterfaces(ImmutableMap.of("shm", "shared-memory", "net", "network"))
        .build();
    assertThat(s.checkPlug(plug("shared-memory", "shm", attrs("private", true)), alone).asMap())
        .containsEntry("private", true);
  }
}
