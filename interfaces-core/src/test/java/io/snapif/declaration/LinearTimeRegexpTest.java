package io.snapif.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.snapif.declaration.AttributeConstraint.MapOf;
import io.snapif.declaration.AttributeConstraint.Regex;
import java.time.Duration;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

/**
 * Issue 13: an attribute constraint of a declaration is matched in time linear in the value, as
 * Go's RE2 matches it in snapd, so a pattern that makes a backtracking engine explode cannot hang
 * a decision. Each case below takes ages (2^n steps or worse) with {@code java.util.regex}.
 */
class LinearTimeRegexpTest {

  /** The {@code plug-attributes} constraint on {@code attr} of a parsed snap-declaration. */
  private static Regex attributeConstraint(String source) {
    Declaration d =
        DeclarationParser.parseYaml(
            """
            slots:
              x:
                allow-connection:
                  plug-attributes:
                    attr: '%s'
            """
                .formatted(source),
            "decl.yaml");
    ConstraintSet set =
        d.rule(Side.SLOT, "x").orElseThrow().allow(CheckKind.CONNECTION).alternatives().get(0);
    return (Regex) ((MapOf) set.plugAttributes().orElseThrow()).entries().get("attr");
  }

  private static boolean matches(Regex regex, String value) {
    return regex.pattern().matcher(value).find();
  }

  @ParameterizedTest
  @CsvSource({
    "(a+)+$,   a, !, aaaa",
    "(a|aa)+$, a, b, aaaa",
    "(x+x+)+y, x, z, xxxxy",
  })
  void catastrophicPatternsAreDecidedWithin50ms(
      String source, String unit, String spoiler, String matching) {
    Regex regex = attributeConstraint(source);
    for (int n : new int[] {40, 5000}) {
      // warm up on a benign value as long (class loading, JIT): only the bad one is timed
      String benign = unit.repeat(n) + matching;
      for (int k = 0; k < 5; k++) {
        assertThat(matches(regex, benign)).isTrue();
      }
      String value = unit.repeat(n) + spoiler;
      decidedWithin50ms(() -> assertThat(matches(regex, value)).as("%s on %d chars", source, n)
          .isFalse());
    }
  }

  /**
   * Passes if one of three tries is decided within 50 ms: a busy machine can stall one, while a
   * backtracking engine misses every try by far (or overflows its stack).
   */
  private static void decidedWithin50ms(Executable decision) {
    AssertionFailedError failure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        assertTimeoutPreemptively(Duration.ofMillis(50), decision);
        return;
      } catch (AssertionFailedError e) {
        failure = e;
      }
    }
    throw failure;
  }
}
