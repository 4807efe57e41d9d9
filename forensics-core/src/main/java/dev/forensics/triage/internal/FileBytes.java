package dev.forensics.triage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positioned, bounded reads from an open file or from bytes in memory (an archive member); a read past
 * the end returns fewer bytes, never throws.
 */
public final class FileBytes {

  private final FileChannel channel;
  private final byte[] data;
  private final long size;

  public FileBytes(FileChannel channel, long size) {
    this.channel = channel;
    this.data = null;
    this.size = size;
  }

  /** Reads from these bytes (not copied: the caller must not change them). */
  public FileBytes(byte[] data) {
    this.channel = null;
    this.data = data;
    this.size = data.length;
  }

  public long size() {
    return size;
  }

  /** Up to {@code length} bytes from {@code position} (fewer at the end of the file, none outside it). */
  public byte[] read(long position, int length) throws IOException {
    if (position < 0 || position >= size || length <= 0) {
      return new byte[0];
    }
    int n = (int) Math.min(length, size - position);
    if (data != null) {
      return java.util.Arrays.copyOfRange(data, (int) position, (int) position + n);
    }
    ByteBuffer buf = ByteBuffer.allocate(n);
    while (buf.hasRemaining()) {
      int r = channel.read(buf, position + buf.position());
      if (r < 0) {
        break;
      }
    }
    if (buf.position() == n) {
      return buf.array();
    }
    byte[] shorter = new byte[buf.position()];
    System.arraycopy(buf.array(), 0, shorter, 0, shorter.length);
    return shorter;
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  static long u32(byte[] b, int off) {
    return (u16(b, off) | (long) u16(b, off + 2) << 16) & 0xffffffffL;
  }

  static long u64(byte[] b, int off) {
    return u32(b, off) | u32(b, off + 4) << 32;
  }
}
