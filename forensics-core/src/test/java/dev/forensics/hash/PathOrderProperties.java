package dev.forensics.hash;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ManifestEntry#comparePaths} is Unicode code point order, also around surrogates. */
class PathOrderProperties {

  /** Code point order, one code point at a time (the definition). */
  private static int reference(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  }

  @Property(tries = 3000)
  void comparePaths_isCodePointOrder(@ForAll("paths") String a, @ForAll("paths") String b) {
    assertThat(Integer.signum(ManifestEntry.comparePaths(a, b))).as("%s vs %s", a, b)
        .isEqualTo(Integer.signum(reference(a, b)));
    assertThat(Integer.signum(ManifestEntry.comparePaths(b, a))).isEqualTo(-Integer.signum(reference(a, b)));
  }

  @Property(tries = 1000)
  void comparePaths_sharedPrefixes(@ForAll("paths") String prefix, @ForAll("paths") String a, @ForAll("paths") String b) {
    // long common prefixes, then a difference anywhere, including between the halves of a surrogate pair
    String x = prefix + a;
    String y = prefix + b;
    assertThat(Integer.signum(ManifestEntry.comparePaths(x, y))).isEqualTo(Integer.signum(reference(x, y)));
  }

  @Provide
  Arbitrary<String> paths() {
    // ASCII, BMP above the surrogates (U+E000-U+FFFF sorts after them as chars, before them as code points),
    // paired supplementary characters and lone surrogates of either half
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab/.").ofMinLength(0).ofMaxLength(3),
        Arbitraries.strings().withCharRange('\uE000', '\uFFFF').ofMinLength(1).ofMaxLength(2),
        Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString),
        Arbitraries.of("\uD83D\uDE00", "\uD83D\uDE01", "\uD83E\uDD14", "\uD83D", "\uDE00", "\uFFFF", "\uE000", "a"));
    return Combinators.combine(piece, piece, piece).as((p, q, r) -> p + q + r);
  }
}
