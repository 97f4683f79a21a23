package io.snapif.yaml;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Integer literals as Go's {@code strconv.ParseInt(s, 0, 64)} / {@code ParseUint} read them:
 * optional sign, then {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} (octal) prefix,
 * or decimal. Range checks are the caller's.
 */
final class GoInts {
  private GoInts() {}

  static Optional<BigInteger> parse(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    final int base = radix;
    if (body.isEmpty() || body.chars().anyMatch(c -> c > 127 || Character.digit(c, base) < 0)) {
      return Optional.empty();
    }
    BigInteger v = new BigInteger(body, base);
    return Optional.of(negative ? v.negate() : v);
  }
}
