package dev.forensics.custody.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in {@code \n}, keeping each line's bytes exactly; a last line
 * without {@code \n} is reported as torn.
 */
public final class LineReader {

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private boolean eof;
  private long offset;
  private long lineStart;
  private boolean torn;
  private long committed;

  public LineReader(InputStream in, long startOffset) {
    this.in = in;
    this.offset = startOffset;
    this.committed = startOffset;
  }

  /** The next complete line without its newline, or null at the end (see {@link #torn()}). */
  public byte[] next() throws IOException {
    byte[] acc = null;
    int accLen = 0;
    lineStart = offset;
    while (true) {
      if (pos == end) {
        if (eof) {
          if (accLen > 0) {
            torn = true;
          }
          return null;
        }
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          eof = true;
          continue;
        }
      }
      int i = pos;
      while (i < end && buf[i] != '\n') {
        i++;
      }
      int n = i - pos;
      if (acc == null) {
        acc = new byte[Math.max(256, n)];
      }
      if (accLen + n > acc.length) {
        acc = Arrays.copyOf(acc, Math.max(acc.length * 2, accLen + n));
      }
      System.arraycopy(buf, pos, acc, accLen, n);
      accLen += n;
      offset += n;
      if (i < end) {
        pos = i + 1;
        offset++;
        committed = offset;
        return Arrays.copyOf(acc, accLen);
      }
      pos = end;
    }
  }

  /** Byte offset where the last line returned (or the torn tail) starts. */
  public long lineStart() {
    return lineStart;
  }

  /** Byte offset just after the last complete line read. */
  public long offset() {
    return committed;
  }

  /** Whether the stream ended with bytes after the last newline. */
  public boolean torn() {
    return torn;
  }
}
