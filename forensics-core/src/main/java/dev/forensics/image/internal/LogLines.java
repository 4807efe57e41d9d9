package dev.forensics.image.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text log line by line, holding one line at most, and gives each line as a terminal would show
 * it: lines end at {@code \n}; a {@code \r} before it is dropped (CRLF files); any other {@code \r}
 * starts the line over, as the progress lines of dd-like tools do on a terminal. Line numbers count
 * {@code \n} only, as editors and {@code grep -n} do.
 *
 * <p>Decoding: UTF-16 (either byte order) when the file starts with its byte-order mark, else UTF-8, with
 * a UTF-8 byte-order mark skipped and bytes that are not UTF-8 (a Windows-1252 {@code ®}) read as U+FFFD.
 * Characters past {@link #MAX_LINE_CHARS} in one line are dropped.
 */
final class LogLines {

  /** Longest line kept; the rest of a longer line is dropped. */
  static final int MAX_LINE_CHARS = 64 * 1024;

  private final Reader reader;
  private final char[] buf = new char[8192];
  private int pos;
  private int limit;
  private boolean eof;
  private long number;
  private boolean nul;
  private boolean stopAtNul;
  private final StringBuilder line = new StringBuilder(128);

  LogLines(InputStream in) throws IOException {
    BufferedInputStream bin = new BufferedInputStream(in, 8192);
    bin.mark(3);
    int b0 = bin.read();
    int b1 = bin.read();
    int b2 = bin.read();
    Charset charset = StandardCharsets.UTF_8;
    int keep = 0;
    if (b0 == 0xFF && b1 == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      keep = 2;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      keep = 2;
    } else if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      keep = 3;
    }
    bin.reset();
    for (int i = 0; i < keep; i++) {
      bin.read();
    }
    // InputStreamReader with a Charset replaces malformed input with U+FFFD
    this.reader = new InputStreamReader(bin, charset);
  }

  /** The next line, or {@code null} at the end of the input. */
  String next() throws IOException {
    line.setLength(0);
    nul = false;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        break;
      }
      any = true;
      char c = buf[pos++];
      if (c == '\n') {
        number++;
        return line.toString();
      }
      if (c == '\r') {
        if (pos == limit && !fill()) {
          break;
        }
        if (buf[pos] != '\n') {
          line.setLength(0);
        }
        continue;
      }
      if (c == '\0') {
        nul = true;
        if (stopAtNul) {
          number++;
          return line.toString();
        }
      }
      if (line.length() < MAX_LINE_CHARS) {
        line.append(c);
      }
    }
    if (!any) {
      return null;
    }
    number++;
    return line.toString();
  }

  /** The 1-based number of the last line returned (0 before the first). */
  long number() {
    return number;
  }

  /** Whether the last line returned held a NUL character (as binary files and UTF-16 without a BOM do). */
  boolean hadNul() {
    return nul;
  }

  /**
   * When on, a line is returned as soon as a NUL character is read (with {@link #hadNul()} true), so that a
   * binary file given by mistake is recognised without reading it to the next newline.
   */
  void stopAtNul(boolean on) {
    stopAtNul = on;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n;
    do {
      n = reader.read(buf);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
