package io.snapif.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.re2j.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Declaration regexps behave as Go's {@code regexp} (the one snapd 2.57.6 was built with, Go
 * 1.19) does on {@code ^(source)$}. The expectations were recorded from Go 1.19 offline.
 */
class GoRegexpTest {

  private static boolean goMatches(String source, String text) {
    Pattern p = GoRegexp.compileAnchored(source, "p", "regexp");
    return p.matcher(text).find();
  }

  private static Arguments matching(String source, List<String> matches, List<String> others) {
    return Arguments.of(source, matches, others);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        matching("a|b", List.of("a", "b"), List.of("", "ab", "a\n")),
        matching("a.b", List.of("a-b"), List.of("a\nb", "ab")),
        matching("(?s)a.b", List.of("a-b", "a\nb"), List.of("ab")),
        matching("x{", List.of("x{"), List.of("x", "")),
        matching("a{,2}", List.of("a{,2}"), List.of("a", "aa")),
        matching("a{01}", List.of("a{01}"), List.of("a")),
        matching("\\d+", List.of("5", "123"), List.of("", "a", "\u0665")),
        matching("\\s", List.of("\n", " ", "\t", "\f", "\r"), List.of("\u000b", "\u00a0")),
        matching("[[:alpha:]]+", List.of("a", "abC"), List.of("é", "5", "")),
        matching("[[:^alpha:]]", List.of("5", "é", "\n"), List.of("a", "A")),
        matching("[^[:lower:]]", List.of("A", "é", "\n"), List.of("a")),
        matching("[[:word:]]", List.of("a", "Z", "5", "_"), List.of("é", "-")),
        matching("\\pL", List.of("a", "é", "α"), List.of("5", "_")),
        matching("\\p{Greek}", List.of("α"), List.of("a", "é")),
        matching("\\PL", List.of("5", "\n"), List.of("a", "é")),
        matching("\\p{^L}", List.of("5"), List.of("a")),
        matching("\\p{Lu}", List.of("A", "É"), List.of("a")),
        matching("(?i)é", List.of("é", "É"), List.of("e")),
        matching("(?P<name_1>a)b", List.of("ab"), List.of("a")),
        matching("(?P<a>x)(?P<a>y)", List.of("xy"), List.of("x")),
        matching("a$", List.of("a"), List.of("a\n")),
        matching("(?m)a$", List.of("a"), List.of("a\n", "a\nb")),
        matching("(?m)a$\\n^b", List.of("a\nb"), List.of("ab")),
        matching("\\Aa\\z", List.of("a"), List.of("a\n")),
        matching("\\ba\\b", List.of("a"), List.of("aa")),
        matching("é\\b", List.of(), List.of("é")),
        matching("a\\Bb", List.of("ab"), List.of("a b")),
        matching("[]a]", List.of("a", "]"), List.of("[")),
        matching("[^]a]", List.of("b", "\n"), List.of("a", "]")),
        matching("[a-]", List.of("a", "-"), List.of("b")),
        matching("[\\d-z]", List.of("5", "-", "z"), List.of("a")),
        matching("[a&&b]", List.of("a", "&", "b"), List.of("")),
        matching("[[a]", List.of("[", "a"), List.of("]")),
        matching("\\x41\\x{3b1}\\101\\v\\_", List.of("Aα A\u000b_".replace(" ", "")), List.of("A")),
        matching("\\Qa.b\\E", List.of("a.b"), List.of("axb")),
        matching("a)|(b", List.of("a", "ab", "xb", "b"), List.of("", "x")),
        matching("(?U)a+", List.of("a", "aa"), List.of("")),
        matching("(?i)(?-i:a)A", List.of("aa", "aA"), List.of("AA")),
        matching("(?i)a(?s)*", List.of("", "a", "A", "aa"), List.of("b")),
        matching("((a{500}){0}){3}", List.of(""), List.of("a")),
        matching("(?)", List.of(""), List.of("a")),
        matching(".", List.of("\r", "\u2028"), List.of("\n")),
        // a literal { may be repeated (RE2/J alone would call it a stacked repetition)
        matching("x{*", List.of("x", "x{{"), List.of("x{x")),
        matching("x{{2}", List.of("x{{"), List.of("x{")));
  }

  @ParameterizedTest
  @MethodSource("accepted")
  void matchesAsGoDoes(String source, List<String> matches, List<String> others) {
    for (String text : matches) {
      assertThat(goMatches(source, text)).as("%s on %s", source, text).isTrue();
    }
    for (String text : others) {
      assertThat(goMatches(source, text)).as("%s on %s", source, text).isFalse();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          \\1               | invalid escape sequence: `\\1`
          (a)\\1            | invalid escape sequence: `\\1`
          \\8               | invalid escape sequence: `\\8`
          (?=a)             | invalid or unsupported Perl syntax: `(?=`
          (?!a)             | invalid or unsupported Perl syntax: `(?!`
          (?<=a)b           | invalid or unsupported Perl syntax: `(?<`
          (?<n>x)           | invalid or unsupported Perl syntax: `(?<`
          (?>a)             | invalid or unsupported Perl syntax: `(?>`
          (?x)a             | invalid or unsupported Perl syntax: `(?x`
          (?i-)a            | invalid or unsupported Perl syntax: `(?i-)`
          a*+               | invalid nested repetition operator
          a**               | invalid nested repetition operator
          a{2}{3}           | invalid nested repetition operator
          *a                | missing argument to repetition operator: `*`
          "a|*"             | missing argument to repetition operator: `*`
          (*)               | missing argument to repetition operator: `*`
          a{1001}           | invalid repeat count: `{1001}`
          (a{500}){3}       | invalid repeat count: `{3}`
          a{2,1}            | invalid repeat count: `{2,1}`
          \\Z               | invalid escape sequence: `\\Z`
          \\G               | invalid escape sequence: `\\G`
          \\h               | invalid escape sequence: `\\h`
          \\e               | invalid escape sequence: `\\e`
          \\cA              | invalid escape sequence: `\\c`
          \\u0041           | invalid escape sequence: `\\u`
          \\C               | invalid escape sequence: `\\C`
          \\x{110000}       | invalid escape sequence
          \\xZ1             | invalid escape sequence: `\\xZ1`
          [[:foo:]]         | invalid character class range: `[:foo:]`
          \\p{Foo}          | invalid character class range: `\\p{Foo}`
          \\p{Lower}        | invalid character class range: `\\p{Lower}`
          (?P<>x)           | invalid named capture: `(?P<>`
          [z-a]             | invalid character class range: `z-a`
          [a                | missing closing ]
          a)                | unexpected )
          (a                | missing closing )
          \\Qa)             | missing closing )
          a**               | invalid nested repetition operator: `**`
          a{2}*             | invalid nested repetition operator: `{2}*`
          ((a{500}){0,}){3} | invalid repeat count: `{3}`
          a{500}(?i){3}     | invalid repeat count: `{3}`
          \\é               | invalid escape sequence: `\\é`
          [\\é]             | invalid escape sequence: `\\é`
          \\8(?<a>x)        | invalid escape sequence: `\\8`
          (?P<n>a)(?P<n>?)  | missing argument to repetition operator: `?`
          (?P<n>a)(?P<n>x   | missing closing ): `^((?P<n>a)(?P<n>x)$`
          """)
  void rejectsWhatGoRejects(String source, String goError) {
    assertThatThrownBy(() -> GoRegexp.compileAnchored(source, "a/b", "regexp"))
        .isInstanceOfSatisfying(
            DeclarationException.class,
            e -> {
              assertThat(e.path()).isEqualTo("a/b");
              assertThat(e.detail()).startsWith("cannot compile regexp \"" + source + "\": ");
              assertThat(e.detail()).contains(goError);
            });
  }

  /**
   * RE2/J 1.8 loops forever folding U+1C80..U+1C88 under (?i); such a regexp is refused at once
   * (a generous preemptive timeout: compiling one would never finish).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "(?i)\\x{1C80}", "(?i)\u1c84", "(?i)[\\x{1C00}-\\x{1D00}]", "(?si:[\\x{100}-\u1d00])",
      "(?i)[a-\\x{1C88}]"})
  void caseFoldingOfUnicode9Cyrillic_isRefusedAtOnce(String source) {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
        assertThatThrownBy(() -> GoRegexp.compileAnchored(source, "p", "regexp"))
            .isInstanceOf(DeclarationException.class)
            .hasMessageContaining("cannot compile regexp \"" + source + "\": case-insensitive"
                + " matching of U+1C80..U+1C88 is not supported"));
  }

  @Test
  void theSameCharactersWithoutCaseFolding_orOtherRangesWithIt_compile() {
    assertThat(goMatches("[\\x{1C80}-\\x{1C88}]", "\u1c84")).isTrue();
    assertThat(goMatches("(?i)[\\x{100}-\\x{1000}]", "\u0101")).isTrue();
    assertThat(goMatches("(?i)[\\x{1D00}-\\x{1D10}]x", "\u1d05X")).isTrue();
  }
}
