package dev.forensics.knownfiles.internal;

import java.util.Arrays;

/**
 * Digests as big-endian 64-bit words: the first byte of a digest is the top byte of word 0, and a
 * digest whose length is not a multiple of 8 (SHA-1) is padded with zero bytes. Comparing the words
 * as unsigned numbers, word by word, orders digests exactly as comparing their bytes does.
 */
public final class HexWords {

  private static final byte[] HEX = new byte[128];

  static {
    Arrays.fill(HEX, (byte) -1);
    for (int i = 0; i < 10; i++) {
      HEX['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      HEX['a' + i] = (byte) (10 + i);
      HEX['A' + i] = (byte) (10 + i);
    }
  }

  private HexWords() {}

  /** Number of words that hold a digest of this many bytes. */
  public static int wordsFor(int lengthBytes) {
    return (lengthBytes + 7) >>> 3;
  }

  /** The value of an ASCII hexadecimal digit (either case), or -1. */
  public static int hexValue(char c) {
    return c < 128 ? HEX[c] : -1;
  }

  /**
   * Parses {@code hexLength} hex digits of {@code text} starting at {@code from} into {@code out}.
   *
   * @return -1 on success, otherwise the offset (from {@code from}) of the first character that is not
   *     an ASCII hex digit; {@code out} is then unspecified
   */
  public static int parse(String text, int from, int hexLength, long[] out) {
    int words = (hexLength + 15) >>> 4;
    for (int w = 0; w < words; w++) {
      int start = w << 4;
      int n = Math.min(16, hexLength - start);
      long value = 0;
      for (int j = 0; j < n; j++) {
        char c = text.charAt(from + start + j);
        int d = c < 128 ? HEX[c] : -1;
        if (d < 0) {
          return start + j;
        }
        value = (value << 4) | d;
      }
      out[w] = n == 16 ? value : value << ((16 - n) << 2);
    }
    return -1;
  }

  /** Packs digest bytes into {@code out}. */
  public static void fromBytes(byte[] bytes, long[] out) {
    Arrays.fill(out, 0, wordsFor(bytes.length), 0L);
    for (int i = 0; i < bytes.length; i++) {
      out[i >>> 3] |= (bytes[i] & 0xFFL) << (56 - ((i & 7) << 3));
    }
  }
}
