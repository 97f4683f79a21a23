package io.snapif.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snapif.yaml.YamlNode.Mapping;
import io.snapif.yaml.YamlNode.Null;
import io.snapif.yaml.YamlNode.Scalar;
import io.snapif.yaml.YamlNode.Sequence;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTreeTest {
  private static Object value(String yamlScalar) {
    Mapping m = (Mapping) YamlTree.parse("v: " + yamlScalar).orElseThrow();
    return ((Scalar) m.get("v").orElseThrow()).value();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "Yes", "YES", "on", "On", "ON", "y", "Y", "true", "True"})
  void yaml11TrueWords(String word) {
    assertThat(value(word)).isEqualTo(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no", "No", "NO", "off", "Off", "OFF", "n", "N", "false", "FALSE"})
  void yaml11FalseWords(String word) {
    assertThat(value(word)).isEqualTo(false);
  }

  @Test
  void mixedCaseWordsAndQuotedWordsStayStrings() {
    assertThat(value("yEs")).isEqualTo("yEs");
    assertThat(value("'yes'")).isEqualTo("yes");
    assertThat(value("\"on\"")).isEqualTo("on");
    assertThat(value("!!str true")).isEqualTo("true");
  }

  @Test
  void integersInGoBases() {
    assertThat(value("42")).isEqualTo(42L);
    assertThat(value("-7")).isEqualTo(-7L);
    assertThat(value("+7")).isEqualTo(7L);
    assertThat(value("0x1F")).isEqualTo(31L);
    assertThat(value("017")).isEqualTo(15L);
    assertThat(value("0o17")).isEqualTo(15L);
    assertThat(value("0b101")).isEqualTo(5L);
    assertThat(value("-0b101")).isEqualTo(-5L);
    assertThat(value("1_000")).isEqualTo(1000L);
    assertThat(value("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
    // not octal, so go-yaml falls through to a float
    assertThat(value("08")).isEqualTo(8.0);
  }

  @Test
  void floatsNullsAndStrings() {
    assertThat(value("1.5")).isEqualTo(1.5);
    assertThat(value(".5")).isEqualTo(0.5);
    assertThat(value("1e3")).isEqualTo(1000.0);
    assertThat(value(".inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat((Double) value(".NaN")).isNaN();
    assertThat(value("1e400")).isEqualTo("1e400");
    assertThat(value("~")).isEqualTo(Null.NULL);
    assertThat(value("null")).isEqualTo(Null.NULL);
    assertThat(value("")).isEqualTo(Null.NULL);
    assertThat(value("1.2.3")).isEqualTo("1.2.3");
    assertThat(value("2023-01-02")).isEqualTo("2023-01-02");
    assertThat(value("1:20")).isEqualTo("1:20");
    assertThat(value("0x")).isEqualTo("0x");
  }

  @Test
  void explicitTags() {
    assertThat(value("!!int \"12\"")).isEqualTo(12L);
    assertThat(value("!!float 1")).isEqualTo(1.0);
    assertThat(value("!custom 12")).isEqualTo("12");
    assertThatThrownBy(() -> value("!!int abc")).isInstanceOf(YamlProblem.class)
        .hasMessage("cannot decode !!str `abc` as a !!int");
  }

  @Test
  void explicitTimestampsStayText() {
    assertThat(value("!!timestamp 2001-12-14")).isEqualTo("2001-12-14");
    assertThat(value("!!timestamp 2001-12-14t21:59:43.10-05:00"))
        .isEqualTo("2001-12-14t21:59:43.10-05:00");
    assertThat(value("!!timestamp 2001-1-4 21:59")).isEqualTo("2001-1-4 21:59");
    assertThatThrownBy(() -> value("!!timestamp 2001-12")).isInstanceOf(YamlProblem.class)
        .hasMessage("cannot decode !!str `2001-12` as a !!timestamp");
    assertThatThrownBy(() -> value("!!timestamp 12")).isInstanceOf(YamlProblem.class)
        .hasMessage("cannot decode !!int `12` as a !!timestamp");
  }

  @Test
  void keepsLinesAndDocumentOrder() {
    Mapping m = (Mapping) YamlTree.parse("a: 1\nb:\n  - x\n  - y\nc: {d: e}\n").orElseThrow();
    assertThat(m.entries()).extracting(e -> e.key().text()).containsExactly("a", "b", "c");
    assertThat(m.get("b").orElseThrow()).isInstanceOf(Sequence.class);
    assertThat(m.get("b").orElseThrow().line()).isEqualTo(3);
    assertThat(m.get("c").orElseThrow().line()).isEqualTo(5);
  }

  @Test
  void repeatedKeyIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> YamlTree.parse("a: 1\nb: 2\na: 3\n"))
        .isInstanceOfSatisfying(YamlProblem.class, p -> {
          assertThat(p.line).isEqualTo(3);
          assertThat(p.problem).isEqualTo("key \"a\" already set in map");
        });
  }

  @Test
  void mergeKeysApplyWithExplicitKeysWinningWhenLater() {
    Mapping m = (Mapping) YamlTree.parse(
        "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n").orElseThrow();
    Mapping derived = (Mapping) m.get("derived").orElseThrow();
    assertThat(((Scalar) derived.get("x").orElseThrow()).value()).isEqualTo(1L);
    assertThat(((Scalar) derived.get("y").orElseThrow()).value()).isEqualTo(3L);
    Mapping list = (Mapping) ((Mapping) YamlTree.parse(
        "a: &a {k: 1}\nb: &b {k: 2}\nc:\n  <<: [*a, *b]\n").orElseThrow()).get("c").orElseThrow();
    assertThat(((Scalar) list.get("k").orElseThrow()).value()).isEqualTo(1L);
  }

  @Test
  void recursiveAndExplosiveAliasesAreRefused() {
    assertThatThrownBy(() -> YamlTree.parse("a: &a [*a]\n")).isInstanceOf(YamlProblem.class);
    StringBuilder bomb = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 8; i++) {
      bomb.append("l").append(i).append(": &l").append(i).append(" [")
          .append(("*l" + (i - 1) + ", ").repeat(5)).append("*l").append(i - 1).append("]\n");
    }
    assertThatThrownBy(() -> YamlTree.parse(bomb.toString())).isInstanceOf(YamlProblem.class)
        .hasMessageContaining("aliasing");
  }

  @Test
  void anchorNamesAreLimitedAsInLibyaml() {
    assertThat(YamlTree.parse("a: &ok-1_x [1]\nb: *ok-1_x\n")).isPresent();
    assertThatThrownBy(() -> YamlTree.parse("a: &x`y [1]\n")).isInstanceOf(YamlProblem.class)
        .hasMessage("did not find expected alphabetic or numeric character");
  }

  @Test
  void onlyTheFirstDocumentCountsAndEmptyIsNothing() {
    Mapping m = (Mapping) YamlTree.parse("a: 1\n---\n: : bad [\n").orElseThrow();
    assertThat(m.entries()).hasSize(1);
    assertThat(YamlTree.parse("")).isEmpty();
    assertThat(YamlTree.parse("# only a comment\n")).isEmpty();
    assertThat(YamlTree.parse("~\n")).isEmpty();
  }

  @Test
  void syntaxErrorsCarryALine() {
    assertThatThrownBy(() -> YamlTree.parse("a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOfSatisfying(YamlProblem.class, p -> assertThat(p.line).isPositive());
  }
}
