package dev.forensics.hash.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Skipping of a UTF-8 byte-order mark, which some Windows tools put before a manifest. */
final class Boms {

  private Boms() {}

  /** The stream without a leading UTF-8 byte-order mark. */
  static InputStream skip(InputStream in) throws IOException {
    BufferedInputStream b = in instanceof BufferedInputStream ? (BufferedInputStream) in : new BufferedInputStream(in);
    b.mark(3);
    byte[] head = b.readNBytes(3);
    if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
      b.reset();
    }
    return b;
  }
}
