package io.snapif.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapValidationTest {
  @ParameterizedTest
  @ValueSource(strings = {"1", "1.0", "v1.2-beta+git~1", "2.57.6+22.04", "0ubuntu1~"})
  void validVersions(String version) {
    assertThat(SnapValidation.versionProblem(version)).isEmpty();
  }

  @Test
  void invalidVersionsExplainWhy() {
    assertThat(SnapValidation.versionProblem(""))
        .contains("invalid snap version: cannot be empty");
    assertThat(SnapValidation.versionProblem("1 0"))
        .contains("invalid snap version \"1 0\": must be printable, non-whitespace ASCII");
    assertThat(SnapValidation.versionProblem("v1é"))
        .contains("invalid snap version \"v1\\u00e9\": must be printable, non-whitespace ASCII");
    assertThat(SnapValidation.versionProblem("-1"))
        .contains("invalid snap version \"-1\": must start with an ASCII alphanumeric (and not "
            + "'-')");
    assertThat(SnapValidation.versionProblem("1.0-"))
        .contains("invalid snap version \"1.0-\": must end with an ASCII alphanumeric or one of "
            + "'+' or '~' (and not '-')");
    assertThat(SnapValidation.versionProblem("1_0@1"))
        .contains("invalid snap version \"1_0@1\": contains invalid characters: \"_\", \"@\"");
    assertThat(SnapValidation.versionProblem("_" + "1".repeat(33) + "_"))
        .hasValueSatisfying(p -> assertThat(p)
            .startsWith("invalid snap version \"_111")
            .contains(": cannot be longer than 32 characters (got: 35), must start with an "
                + "ASCII alphanumeric (and not '_'), and must end with"));
  }
}
