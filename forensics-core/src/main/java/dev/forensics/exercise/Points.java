package dev.forensics.exercise;

import java.math.BigDecimal;

/** Points in one canonical form (no trailing zeros, no exponent), so that equal points are equal values. */
final class Points {
  private Points() {}

  static BigDecimal normalize(BigDecimal p) {
    BigDecimal s = p.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
