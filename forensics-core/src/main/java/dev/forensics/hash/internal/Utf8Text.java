package dev.forensics.hash.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text written to a byte stream as UTF-8, buffered: what the line-based manifest writers emit. Each
 * string is encoded once, straight to bytes (a Writer would copy it to chars and encode those again).
 * An unpaired surrogate becomes '?', as with a Writer; manifest paths holding one are refused before.
 */
final class Utf8Text {

  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int used;

  Utf8Text(OutputStream out) {
    this.out = out;
  }

  /** Appends {@code s}. */
  void write(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > buf.length - used) {
      drain();
      if (b.length > buf.length) {
        out.write(b);
        return;
      }
    }
    System.arraycopy(b, 0, buf, used, b.length);
    used += b.length;
  }

  /** Writes out what is buffered and flushes the stream, leaving it open. */
  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    if (used > 0) {
      out.write(buf, 0, used);
      used = 0;
    }
  }
}
