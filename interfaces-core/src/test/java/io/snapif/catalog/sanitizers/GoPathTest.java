package io.snapif.catalog.sanitizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPathTest {
  @ParameterizedTest
  @CsvSource({
      "'', .", "/, /", "a/b/, a/b", "/a//b, /a/b", "a/./b, a/b", "a/../b, b", "../a, ../a",
      "/../a, /a", "a/../.., ..", "$SNAP/x/.., $SNAP", "., ."})
  void clean_matchesGo(String in, String out) {
    assertThat(GoPath.clean(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource({"/run/p11-kit/sock, /run/p11-kit", "sock, .", "/sock, /", "/a/b/, /a/b"})
  void dir_matchesGo(String in, String out) {
    assertThat(GoPath.dir(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource({"a/b, true", "/a, true", "a/../b, false", "../a, false", ".., false", "a/, false"})
  void cleanSubPath(String in, boolean clean) {
    assertThat(GoPath.isCleanSubPath(in)).isEqualTo(clean);
  }
}
