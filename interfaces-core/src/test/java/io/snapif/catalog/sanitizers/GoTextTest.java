package io.snapif.catalog.sanitizers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoTextTest {
  @Test
  void quote_escapesLikeGo() {
    assertThat(GoText.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(GoText.quote("tab\there\n")).isEqualTo("\"tab\\there\\n\"");
    assertThat(GoText.quote("\u0000\u007f")).isEqualTo("\"\\x00\\x7f\"");
    assertThat(GoText.quote("é✓")).isEqualTo("\"é✓\"");
    assertThat(GoText.quote("\u00a0\u200b")).isEqualTo("\"\\u00a0\\u200b\"");
  }

  @Test
  void value_printsLikeGoPercentV() {
    assertThat(GoText.value(List.of("a", 1L, true))).isEqualTo("[a 1 true]");
    assertThat(GoText.value(ImmutableMap.of("b", 2L, "a", List.of())))
        .isEqualTo("map[a:[] b:2]");
    assertThat(GoText.value(1.5)).isEqualTo("1.5");
    assertThat(GoText.value(1e6)).isEqualTo("1e+06");
    assertThat(GoText.value(123456.0)).isEqualTo("123456");
    assertThat(GoText.value(0.0001)).isEqualTo("0.0001");
    assertThat(GoText.value(0.00001)).isEqualTo("1e-05");
    assertThat(GoText.value(-2.0)).isEqualTo("-2");
    assertThat(GoText.value(Double.NaN)).isEqualTo("NaN");
    assertThat(GoText.value(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void typeName_isSnapdsAttributeType() {
    assertThat(GoText.typeName("x")).isEqualTo("string");
    assertThat(GoText.typeName(1L)).isEqualTo("int64");
    assertThat(GoText.typeName(1.0)).isEqualTo("float64");
    assertThat(GoText.typeName(List.of())).isEqualTo("[]interface {}");
    assertThat(GoText.typeName(ImmutableMap.of())).isEqualTo("map[string]interface {}");
  }
}
