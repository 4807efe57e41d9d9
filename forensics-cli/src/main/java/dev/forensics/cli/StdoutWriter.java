package dev.forensics.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output as a UTF-8 {@link PrintWriter} that can also take bytes: a manifest the
 * core writes as UTF-8 goes straight to the file descriptor instead of being decoded and encoded again.
 */
final class StdoutWriter extends PrintWriter {

  private final OutputStream raw;

  private StdoutWriter(OutputStream raw) {
    super(new OutputStreamWriter(raw, StandardCharsets.UTF_8), true);
    this.raw = raw;
  }

  /** Standard output, buffered. */
  static StdoutWriter open() {
    return new StdoutWriter(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
  }

  /**
   * A byte stream onto standard output, after what this writer holds; closing it flushes, it does not
   * close standard output.
   */
  OutputStream bytes() {
    flush();
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        raw.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        raw.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        raw.flush();
      }

      @Override
      public void close() throws IOException {
        raw.flush();
      }
    };
  }
}
