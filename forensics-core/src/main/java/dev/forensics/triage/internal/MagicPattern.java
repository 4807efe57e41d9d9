package dev.forensics.triage.internal;

import java.io.CharArrayWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One {@code <match>} of tika-core's {@code tika-mimetypes.xml}, decoded as tika-core 3.3.x decodes it
 * ({@code MagicDetector.parse} and its constructor): the offset range, the masked pattern and the mask,
 * and the kind of comparison. tika-core compares, for each start {@code p} in {@code [start, end]}, the
 * bytes from {@code p} on (zero bytes past the end of the data) with the pattern, or for a regular
 * expression matches the pattern at {@code p} against the bytes decoded as ISO-8859-1.
 *
 * @param start first offset of the range (inclusive)
 * @param end last offset of the range (inclusive), where the last window starts
 * @param pattern the pattern bytes, already masked, as long as the longer of the value and the mask
 * @param mask the mask bytes ({@code 0xFF} where the XML gives no mask), as long as {@code pattern}
 * @param regex whether the pattern is a regular expression ({@code type="regex"})
 * @param ignoreCase whether each masked byte is lower-cased before it is compared
 *     ({@code type="stringignorecase"})
 */
public record MagicPattern(int start, int end, byte[] pattern, byte[] mask, boolean regex, boolean ignoreCase) {

  public MagicPattern {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid offset range [" + start + "," + end + "]");
    }
    if (pattern.length != mask.length) {
      throw new IllegalArgumentException("pattern and mask differ in length");
    }
    pattern = pattern.clone();
    mask = mask.clone();
  }

  @Override
  public byte[] pattern() {
    return pattern.clone();
  }

  @Override
  public byte[] mask() {
    return mask.clone();
  }

  /**
   * Decodes a {@code <match>}'s attributes as tika-core does.
   *
   * @param kind the {@code type} attribute ({@code string} when absent)
   * @param offset the {@code offset} attribute ({@code "s"} or {@code "s:e"}), or {@code null} for 0
   * @throws IllegalArgumentException when tika-core could not decode it either (an unknown kind, no
   *     value, a malformed number or escape)
   */
  public static MagicPattern parse(String kind, String offset, String value, String mask) {
    int start = 0;
    int end = 0;
    try {
      if (offset != null) {
        int colon = offset.indexOf(':');
        if (colon == -1) {
          start = Integer.parseInt(offset);
          end = start;
        } else {
          start = Integer.parseInt(offset.substring(0, colon));
          end = Integer.parseInt(offset.substring(colon + 1));
        }
      }
      byte[] patternBytes = decodeValue(value, kind);
      byte[] maskBytes = mask == null ? null : decodeValue(mask, kind);
      if (patternBytes == null) {
        throw new IllegalArgumentException("no pattern for type " + kind + " value " + value);
      }
      int length = Math.max(patternBytes.length, maskBytes != null ? maskBytes.length : 0);
      byte[] fullMask = new byte[length];
      byte[] masked = new byte[length];
      for (int i = 0; i < length; i++) {
        fullMask[i] = maskBytes != null && i < maskBytes.length ? maskBytes[i] : -1;
        masked[i] = i < patternBytes.length ? (byte) (patternBytes[i] & fullMask[i]) : 0;
      }
      return new MagicPattern(start, end, masked, fullMask, kind.equals("regex"), kind.equals("stringignorecase"));
    } catch (RuntimeException e) { // NumberFormatException, StringIndexOutOfBoundsException: tika-core fails too
      throw new IllegalArgumentException("cannot decode match type=" + kind + " offset=" + offset + " value="
          + value + " mask=" + mask + ": " + e.getMessage(), e);
    }
  }

  /** For a regular expression: the expression tika-core compiles. */
  public String regexText() {
    return new String(pattern, StandardCharsets.UTF_8);
  }

  /**
   * For a byte comparison: the bytes (0–255) that tika-core accepts at position {@code j} of a window,
   * as 256 bits. A byte past the end of the data counts as 0.
   */
  long[] acceptedAt(int j) {
    long[] set = new long[4];
    if (mask[j] == -1 && !ignoreCase) { // the common case: that byte and no other
      int b = pattern[j] & 0xff;
      set[b >>> 6] |= 1L << b;
      return set;
    }
    for (int b = 0; b < 256; b++) {
      int masked = ((byte) b) & mask[j]; // tika-core: buffer[i + j] & mask[j], both bytes widened to int
      if (ignoreCase) {
        masked = Character.toLowerCase(masked);
      }
      if (masked == pattern[j]) {
        set[b >>> 6] |= 1L << b;
      }
    }
    return set;
  }

  /** tika-core's {@code MagicDetector.decodeValue}. */
  private static byte[] decodeValue(String value, String type) {
    if (value == null || type == null) {
      return null;
    }
    String tmpVal;
    int radix;
    if (value.startsWith("0x")) {
      tmpVal = value.substring(2);
      radix = 16;
    } else {
      tmpVal = value;
      radix = 8;
    }
    switch (type) {
      case "string":
      case "regex":
      case "unicodeLE":
      case "unicodeBE":
        return decodeString(value, type);
      case "stringignorecase":
        return decodeString(value.toLowerCase(Locale.ROOT), type);
      case "byte":
        return tmpVal.getBytes(StandardCharsets.UTF_8);
      case "host16":
      case "little16": {
        int i = Integer.parseInt(tmpVal, radix);
        return new byte[] {(byte) (i & 0x00FF), (byte) (i >> 8)};
      }
      case "big16": {
        int i = Integer.parseInt(tmpVal, radix);
        return new byte[] {(byte) (i >> 8), (byte) (i & 0x00FF)};
      }
      case "host32":
      case "little32": {
        long i = Long.parseLong(tmpVal, radix);
        return new byte[] {(byte) (i & 0x000000FF), (byte) ((i & 0x0000FF00) >> 8),
            (byte) ((i & 0x00FF0000) >> 16), (byte) ((i & 0xFF000000) >> 24)};
      }
      case "big32": {
        long i = Long.parseLong(tmpVal, radix);
        return new byte[] {(byte) ((i & 0xFF000000) >> 24), (byte) ((i & 0x00FF0000) >> 16),
            (byte) ((i & 0x0000FF00) >> 8), (byte) (i & 0x000000FF)};
      }
      default:
        return null;
    }
  }

  /** tika-core's {@code MagicDetector.decodeString}: hex, or text with \\, \x, \r, \n and octal escapes. */
  private static byte[] decodeString(String value, String type) {
    if (value.startsWith("0x")) {
      byte[] vals = new byte[(value.length() - 2) / 2];
      for (int i = 0; i < vals.length; i++) {
        vals[i] = (byte) Integer.parseInt(value.substring(2 + i * 2, 4 + i * 2), 16);
      }
      return vals;
    }
    CharArrayWriter decoded = new CharArrayWriter();
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '\\') {
        if (value.charAt(i + 1) == '\\') {
          decoded.write('\\');
          i++;
        } else if (value.charAt(i + 1) == 'x') {
          decoded.write(Integer.parseInt(value.substring(i + 2, i + 4), 16));
          i += 3;
        } else if (value.charAt(i + 1) == 'r') {
          decoded.write('\r');
          i++;
        } else if (value.charAt(i + 1) == 'n') {
          decoded.write('\n');
          i++;
        } else {
          int j = i + 1;
          while (j < i + 4 && j < value.length() && Character.isDigit(value.charAt(j))) {
            j++;
          }
          decoded.write(Short.decode("0" + value.substring(i + 1, j)).byteValue());
          i = j - 1;
        }
      } else {
        decoded.write(value.charAt(i));
      }
    }
    char[] chars = decoded.toCharArray();
    byte[] bytes;
    if ("unicodeLE".equals(type)) {
      bytes = new byte[chars.length * 2];
      for (int i = 0; i < chars.length; i++) {
        bytes[i * 2] = (byte) (chars[i] & 0xff);
        bytes[i * 2 + 1] = (byte) (chars[i] >> 8);
      }
    } else if ("unicodeBE".equals(type)) {
      bytes = new byte[chars.length * 2];
      for (int i = 0; i < chars.length; i++) {
        bytes[i * 2] = (byte) (chars[i] >> 8);
        bytes[i * 2 + 1] = (byte) (chars[i] & 0xff);
      }
    } else {
      bytes = new byte[chars.length];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) chars[i];
      }
    }
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MagicPattern m && start == m.start && end == m.end && regex == m.regex
        && ignoreCase == m.ignoreCase && java.util.Arrays.equals(pattern, m.pattern)
        && java.util.Arrays.equals(mask, m.mask);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(start, end, regex, ignoreCase, java.util.Arrays.hashCode(pattern),
        java.util.Arrays.hashCode(mask));
  }

  @Override
  public String toString() {
    return (regex ? "regex " : ignoreCase ? "stringignorecase " : "bytes ") + start + ":" + end + " "
        + java.util.HexFormat.of().formatHex(pattern) + " mask " + java.util.HexFormat.of().formatHex(mask);
  }
}
