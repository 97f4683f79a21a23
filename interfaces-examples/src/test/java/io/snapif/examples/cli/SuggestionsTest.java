package io.snapif.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void distanceCountsInsertsDeletesReplacesAndSwaps() {
    assertThat(Suggestions.distance("vlc", "vlc")).isZero();
    assertThat(Suggestions.distance("vcl", "vlc")).isEqualTo(1);
    assertThat(Suggestions.distance("camra", "camera")).isEqualTo(1);
    assertThat(Suggestions.distance("cameras", "camera")).isEqualTo(1);
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void closestAreTheNearestWithinTwoEdits() {
    List<String> snaps = List.of("vlc", "chromium", "zoom-client", "core", "cora");

    assertThat(Suggestions.closest("vcl", snaps)).containsExactly("vlc");
    assertThat(Suggestions.closest("chromum", snaps)).containsExactly("chromium");
    assertThat(Suggestions.closest("corx", snaps)).containsExactly("cora", "core");
    assertThat(Suggestions.closest("firefox", snaps)).isEmpty();
    assertThat(Suggestions.closest("vlc", snaps)).isEmpty();  // known: nothing to suggest
    assertThat(Suggestions.closest("v", snaps)).isEmpty();  // as many edits as letters
  }

  @Test
  void textQuotesEverySuggestion() {
    assertThat(Suggestions.text(List.of("vlc"))).isEqualTo("did you mean \"vlc\"?");
    assertThat(Suggestions.text(List.of("cora", "core")))
        .isEqualTo("did you mean \"cora\" or \"core\"?");
    assertThat(Suggestions.text(List.of("a", "b", "c")))
        .isEqualTo("did you mean \"a\", \"b\" or \"c\"?");
  }
}
