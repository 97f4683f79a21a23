package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunTimingTest {
  @Test
  void percentile_isTheNearestRank() {
    List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
    assertThat(RunTiming.percentile(hundred, 50)).isEqualTo(50);
    assertThat(RunTiming.percentile(hundred, 99)).isEqualTo(99);
    assertThat(RunTiming.percentile(hundred, 100)).isEqualTo(100);

    List<Long> three = List.of(10L, 20L, 30L);
    assertThat(RunTiming.percentile(three, 50)).isEqualTo(20);
    assertThat(RunTiming.percentile(three, 99)).isEqualTo(30);
    assertThat(RunTiming.percentile(List.of(7L), 50)).isEqualTo(7);
  }
}
