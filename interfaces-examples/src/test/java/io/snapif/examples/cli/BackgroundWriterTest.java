package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundWriterTest {

  @Test
  void writesEveryItemInOrder_beforeCloseReturns() {
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    List<Integer> expected = new ArrayList<>();
    try (BackgroundWriter<Integer> writer = new BackgroundWriter<>("test", written::add)) {
      for (int i = 0; i < 1000; i++) {
        writer.submit(i);
        expected.add(i);
      }
    }
    assertThat(written).isEqualTo(expected);
  }

  @Test
  void aFailure_isThrownByCloseAndNextSubmit_andNeverBlocksTheProducer() {
    UncheckedIOException broken = new UncheckedIOException(new java.io.IOException("pipe"));
    List<Integer> written = Collections.synchronizedList(new ArrayList<>());
    BackgroundWriter<Integer> writer = new BackgroundWriter<>("test", i -> {
      if (i == 3) {
        throw broken;
      }
      written.add(i);
    });
    // many more items than the queue holds: after the failure they are taken and dropped
    int submitted = 0;
    try {
      for (int i = 0; i < 200; i++) {
        writer.submit(i);
        submitted++;
      }
    } catch (UncheckedIOException e) {
      assertThat(e).isSameAs(broken);
    }
    assertThat(submitted).isGreaterThan(3);
    assertThatThrownBy(writer::close).isSameAs(broken);
    assertThat(written).containsExactly(0, 1, 2);
    assertThatThrownBy(() -> writer.submit(9)).isInstanceOf(IllegalStateException.class);
  }
}
