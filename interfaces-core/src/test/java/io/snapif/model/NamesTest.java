package io.snapif.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class NamesTest {
  // snapd's rule for plug and slot names, which Names checks without a regexp
  private static final Pattern SNAPD_ENDPOINT = Pattern.compile("^[a-z](?:-?[a-z0-9])*$");

  @Test
  void endpointNames() {
    assertThat(Names.isValidEndpointName("camera")).isTrue();
    assertThat(Names.isValidEndpointName("a")).isTrue();
    assertThat(Names.isValidEndpointName("dbus-svc2")).isTrue();
    assertThat(Names.isValidEndpointName("a-1-b")).isTrue();
    assertThat(Names.isValidEndpointName(null)).isFalse();
    assertThat(Names.isValidEndpointName("")).isFalse();
    assertThat(Names.isValidEndpointName("1a")).isFalse();
    assertThat(Names.isValidEndpointName("-a")).isFalse();
    assertThat(Names.isValidEndpointName("a-")).isFalse();
    assertThat(Names.isValidEndpointName("a--b")).isFalse();
    assertThat(Names.isValidEndpointName("Camera")).isFalse();
    assertThat(Names.isValidEndpointName("a_b")).isFalse();
    assertThat(Names.isValidEndpointName("a\n")).isFalse();
  }

  @Property(tries = 2000)
  void endpointNameCheckIsSnapdsRegexp(@ForAll("nameLike") String name) {
    boolean valid = Names.isValidEndpointName(name);
    Statistics.collect(valid);
    Statistics.coverage(c -> {
      c.check(true).count(n -> n > 0);
      c.check(false).count(n -> n > 0);
    });
    assertThat(valid).isEqualTo(SNAPD_ENDPOINT.matcher(name).matches());
  }

  @Provide
  Arbitrary<String> nameLike() {
    return Arbitraries.strings().withChars("ab9z0-A_.\n é").ofMinLength(0).ofMaxLength(8);
  }
}
