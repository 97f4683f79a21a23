package io.snapif.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointTextTest {

  @Test
  void strictTakesSnapColonNameOrColonName() {
    assertThat(EndpointText.strict("vlc:camera")).hasValueSatisfying(
        p -> assertThat(p).containsExactly("vlc", "camera"));
    assertThat(EndpointText.strict(":camera")).hasValueSatisfying(
        p -> assertThat(p).containsExactly("", "camera"));
    assertThat(EndpointText.strict("system:camera")).hasValueSatisfying(
        p -> assertThat(p).containsExactly("", "camera"));
    assertThat(EndpointText.strict("vlc")).isEmpty();
    assertThat(EndpointText.strict("vlc:")).isEmpty();
    assertThat(EndpointText.strict("a:b:c")).isEmpty();
  }

  @Test
  void looseAlsoTakesABareSnap() {
    assertThat(EndpointText.loose("provider")).hasValueSatisfying(
        p -> assertThat(p).containsExactly("provider", ""));
    assertThat(EndpointText.loose(":x")).hasValueSatisfying(
        p -> assertThat(p).containsExactly("", "x"));
    assertThat(EndpointText.loose("provider:")).isEmpty();
    assertThat(EndpointText.loose("")).isEmpty();
  }

  @Test
  void complaintsAreSnaps() {
    assertThat(EndpointText.invalidStrict("vlc"))
        .isEqualTo("invalid value: \"vlc\" (want snap:name or :name)");
    assertThat(EndpointText.invalidLoose("a:"))
        .isEqualTo("invalid value: \"a:\" (want snap:name or snap)");
  }
}
