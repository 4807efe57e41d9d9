package dev.forensics.hash;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A digest value together with the algorithm that produced it. Immutable; the bytes are copied in and
 * out. Hex appears only at the edges: {@link #ofHex} and {@link #hex()}.
 */
public record Digest(HashAlgorithm algorithm, byte[] value) {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * @throws IllegalArgumentException when the value's length does not fit the algorithm
   */
  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    if (value.length != algorithm.lengthBytes()) {
      throw new IllegalArgumentException(
          algorithm.id() + " digest must be " + algorithm.lengthBytes() + " bytes, got " + value.length);
    }
    value = value.clone();
  }

  /**
   * Parses a hexadecimal digest, upper or lower case.
   *
   * @throws IllegalArgumentException when the text is not hex of the algorithm's length
   */
  public static Digest ofHex(HashAlgorithm algorithm, CharSequence hex) {
    Objects.requireNonNull(algorithm, "algorithm");
    String s = hex.toString().trim();
    if (s.length() != algorithm.hexLength()) {
      throw new IllegalArgumentException(
          algorithm.id() + " digest must be " + algorithm.hexLength() + " hex digits, got " + s.length());
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        throw new IllegalArgumentException(
            "not a hex digit at position " + (i + 1) + " of " + algorithm.id() + " digest: '" + s.charAt(i) + "'");
      }
    }
    return new Digest(algorithm, HEX.parseHex(s.toLowerCase(Locale.ROOT)));
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The digest in lower-case hexadecimal. */
  public String hex() {
    return HEX.formatHex(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest d && d.algorithm == algorithm && MessageDigest.isEqual(d.value, value);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return algorithm.id() + ":" + hex();
  }
}
