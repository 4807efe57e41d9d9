package dev.forensics.grading.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Points from a fraction of a question's points: exact at 0 and 1, else rounded down to 2 decimals. */
public final class Score {
  private Score() {}

  /** {@code max × num ÷ den}, never above {@code max}, never below 0. */
  public static BigDecimal share(BigDecimal max, long num, long den) {
    if (den <= 0 || num <= 0) {
      return BigDecimal.ZERO;
    }
    if (num >= den) {
      return max;
    }
    return strip(max.multiply(BigDecimal.valueOf(num)).divide(BigDecimal.valueOf(den), 2, RoundingMode.DOWN));
  }

  /** {@code max × fraction} for a fraction in [0, 1], rounded down to 2 decimals (1 gives max). */
  public static BigDecimal share(BigDecimal max, BigDecimal fraction) {
    if (fraction.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    if (fraction.compareTo(BigDecimal.ONE) >= 0) {
      return max;
    }
    return strip(max.multiply(fraction).setScale(2, RoundingMode.DOWN));
  }

  private static BigDecimal strip(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** A ratio as whole percent, rounded half up. */
  public static int percent(long num, long den) {
    return den == 0 ? 0 : (int) Math.round(100.0 * num / den);
  }
}
