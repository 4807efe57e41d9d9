package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing of single values with messages that name the column and show what was found. */
public final class Values {

  private static final int SHOWN = 80;

  private Values() {}

  /** A size: a non-negative decimal integer. */
  static long size(String text, String column) throws RecordException {
    return nonNegative(text, column);
  }

  /** A non-negative decimal integer. */
  static long nonNegative(String text, String column) throws RecordException {
    if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Long.parseLong(text);
    }
    throw new RecordException(column + ": expected a non-negative integer, found " + show(text));
  }

  /** A path as a manifest entry holds it: not empty, no NUL character. */
  static String path(String text, String column) throws RecordException {
    if (text.isEmpty()) {
      throw new RecordException(column + " is empty");
    }
    if (text.indexOf('\0') >= 0) {
      throw new RecordException(column + " holds a NUL character");
    }
    return text;
  }

  /** A hex digest of the algorithm. */
  static Digest digest(HashAlgorithm algorithm, String hex, String column) throws RecordException {
    try {
      return Digest.ofHex(algorithm, hex);
    } catch (IllegalArgumentException e) {
      throw new RecordException(column + ": " + e.getMessage());
    }
  }

  /** A time with zone or offset in ISO-8601, such as {@code 2024-01-31T12:00:00Z}. */
  static Instant instant(String text, String column) throws RecordException {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new RecordException(
          column + ": expected an ISO-8601 time with zone such as 2024-01-31T12:00:00Z, found " + show(text));
    }
  }

  /** Whether the text consists of hex digits only (and is not empty). */
  static boolean isHex(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The text quoted for a message: control characters written as escapes, long text shortened, so that a
   * hostile file name cannot forge lines in a report.
   */
  public static String show(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), SHOWN) + 4).append('\'');
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (shown++ == SHOWN) {
        b.append('…');
        break;
      }
      switch (c) {
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\'':
          b.append("\\'");
          break;
        default:
          if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", c));
          } else {
            b.appendCodePoint(c);
          }
      }
    }
    return b.append('\'').toString();
  }
}
