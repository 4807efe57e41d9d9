package dev.forensics.hash.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a text manifest line by line without holding more than one line: lines end at {@code \n}, one
 * trailing {@code \r} is dropped (CRLF files), a UTF-8 byte-order mark at the start is skipped. Each line
 * is decoded strictly, so that a line that is not UTF-8 becomes a problem of that line alone instead of
 * turning into replacement characters.
 */
final class LineReader {

  /** Longest line kept; a longer one is skipped and reported. */
  static final int MAX_LINE_BYTES = 1 << 20;

  /** One line: its 1-based number, and its text or why it has none. */
  record Line(long number, String text, String error) {
    boolean ok() {
      return error == null;
    }

    boolean isBlank() {
      return text != null && text.isBlank();
    }
  }

  private final InputStream in;
  private final byte[] buf = new byte[65536];
  private int pos;
  private int limit;
  private boolean eof;
  private long number;
  private byte[] line = new byte[256];
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line, or {@code null} at the end of the input. */
  Line next() throws IOException {
    int len = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        if (!fill()) {
          break;
        }
      }
      any = true;
      byte b = buf[pos++];
      if (b == '\n') {
        return finish(len, tooLong);
      }
      if (len < MAX_LINE_BYTES) {
        if (len == line.length) {
          line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
        }
        line[len++] = b;
      } else {
        tooLong = true;
      }
    }
    return any ? finish(len, tooLong) : null;
  }

  /** The number of the last line returned (0 before the first). */
  long lineNumber() {
    return number;
  }

  private Line finish(int len, boolean tooLong) {
    number++;
    if (tooLong) {
      return new Line(number, null, "line is longer than " + MAX_LINE_BYTES + " bytes");
    }
    int start = 0;
    if (number == 1 && len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
      start = 3;
    }
    int end = len;
    if (end > start && line[end - 1] == '\r') {
      end--;
    }
    try {
      return new Line(number, decoder.decode(ByteBuffer.wrap(line, start, end - start)).toString(), null);
    } catch (CharacterCodingException e) {
      return new Line(number, null, "line is not valid UTF-8");
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf);
    while (n == 0) {
      n = in.read(buf);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
