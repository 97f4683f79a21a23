package io.snapif.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.snapif.declaration.Arity;
import io.snapif.declaration.CheckKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecisionTest {
  private static final Reason BY_PLUG_RULE =
      Reason.of("auto-connection: allowed by plug rule", DecisionLayer.BASE_PLUG_RULE, "matches");

  private static Decision eager() {
    return Decision.builder().kind(CheckKind.AUTO_CONNECTION).allowed(true)
        .subject("vlc:camera core:camera").message("auto-connection allowed")
        .addReasons(BY_PLUG_RULE).slotsPerPlug(Arity.one()).plugsPerSlot(Arity.any()).build();
  }

  private static Decision.Builder lazyBuilder(AtomicInteger writes) {
    return Decision.builder().kind(CheckKind.AUTO_CONNECTION).allowed(true)
        .wording(() -> {
          writes.incrementAndGet();
          return new Decision.Wording("vlc:camera core:camera", "auto-connection allowed",
              ImmutableList.of(BY_PLUG_RULE));
        })
        .slotsPerPlug(Arity.one()).plugsPerSlot(Arity.any());
  }

  @Test
  void wording_isWrittenOnFirstReadOnly() {
    AtomicInteger writes = new AtomicInteger();
    Decision d = lazyBuilder(writes).build();
    assertThat(d.allowed()).isTrue();
    assertThat(d.kind()).isEqualTo(CheckKind.AUTO_CONNECTION);
    assertThat(writes).hasValue(0);

    assertThat(d.subject()).isEqualTo("vlc:camera core:camera");
    assertThat(d.message()).isEqualTo("auto-connection allowed");
    assertThat(d.reasons()).containsExactly(BY_PLUG_RULE);
    assertThat(d.toString()).isEqualTo(
        "allowed: vlc:camera core:camera (auto-connection allowed)");
    assertThat(writes).hasValue(1);
  }

  @Test
  void lazyAndEagerDecisions_withTheSameWords_areEqual() {
    Decision lazy = lazyBuilder(new AtomicInteger()).build();
    assertThat(lazy).isEqualTo(eager()).hasSameHashCodeAs(eager());
    assertThat(eager()).isEqualTo(lazy);

    Decision otherMessage = Decision.builder().kind(CheckKind.AUTO_CONNECTION).allowed(true)
        .subject("vlc:camera core:camera").message("auto-connection allowed by slot rule")
        .addReasons(BY_PLUG_RULE).slotsPerPlug(Arity.one()).plugsPerSlot(Arity.any()).build();
    assertThat(otherMessage).isNotEqualTo(lazy);
    Decision otherArity = Decision.builder().kind(CheckKind.AUTO_CONNECTION).allowed(true)
        .subject("vlc:camera core:camera").message("auto-connection allowed")
        .addReasons(BY_PLUG_RULE).slotsPerPlug(Arity.any()).plugsPerSlot(Arity.any()).build();
    assertThat(otherArity).isNotEqualTo(lazy);
  }

  @Test
  void threadsReadingAtOnce_seeOneWording() throws Exception {
    AtomicInteger writes = new AtomicInteger();
    Decision d = lazyBuilder(writes).build();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> readers = new ArrayList<>();
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        seen.add(d.message());
      });
      t.start();
      readers.add(t);
    }
    start.countDown();
    for (Thread t : readers) {
      t.join();
    }
    assertThat(seen).hasSize(4).containsOnly("auto-connection allowed");
    assertThat(writes).hasValue(1);
  }

  @Test
  void builder_refusesWordsAndAWriterTogether_andMissingParts() {
    assertThatThrownBy(() -> lazyBuilder(new AtomicInteger()).message("denied").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> Decision.builder().kind(CheckKind.CONNECTION).subject("a")
        .message("b").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("allowed");
    assertThatThrownBy(() -> Decision.builder().kind(CheckKind.CONNECTION).allowed(true)
        .message("b").build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("subject");
  }

  @Test
  void reasons_replaceOrAdd() {
    Reason other = Reason.of("custom", DecisionLayer.CUSTOM_RULE, "site rule");
    Decision d = Decision.builder().kind(CheckKind.CONNECTION).allowed(false).subject("a")
        .message("b").addReasons(BY_PLUG_RULE).reasons(List.of(other))
        .addAllReasons(List.of(BY_PLUG_RULE)).build();
    assertThat(d.reasons()).containsExactly(other, BY_PLUG_RULE);
  }
}
