package dev.forensics.knownfiles.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * File names packed as length-prefixed UTF-8 in a few large byte arrays, addressed by a {@code long}
 * reference. Costs the name's UTF-8 length plus one or two bytes, instead of a {@code String} object
 * per name. Immutable once built.
 */
public final class NameHeap {

  private final byte[][] chunks;

  private NameHeap(byte[][] chunks) {
    this.chunks = chunks;
  }

  /** A builder for a heap. */
  public static Builder builder() {
    return new Builder();
  }

  /** The name stored under {@code ref}. */
  public String get(long ref) {
    byte[] chunk = chunks[(int) (ref >>> 32)];
    int pos = (int) ref;
    int length = 0;
    int shift = 0;
    byte b;
    do {
      b = chunk[pos++];
      length |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return new String(chunk, pos, length, StandardCharsets.UTF_8);
  }

  /** Appends names; {@link #build()} trims the last array. */
  public static final class Builder {
    private static final int FIRST_CHUNK = 4 << 10;
    // at most 256 KiB: never a humongous object for G1 (see DigestTable)
    private static final int MAX_CHUNK = 1 << 18;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int pos;

    private Builder() {}

    /** Stores a name and returns its reference. */
    public long add(String name) {
      byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
      int need = varintLength(utf8.length) + utf8.length;
      if (current == null || current.length - pos < need) {
        int size = current == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, current.length * 2);
        current = new byte[Math.max(size, need)];
        chunks.add(current);
        pos = 0;
      }
      long ref = ((long) (chunks.size() - 1) << 32) | pos;
      int length = utf8.length;
      while (length >= 0x80) {
        current[pos++] = (byte) (length | 0x80);
        length >>>= 7;
      }
      current[pos++] = (byte) length;
      System.arraycopy(utf8, 0, current, pos, utf8.length);
      pos += utf8.length;
      return ref;
    }

    /** The heap; the builder must not be used afterwards. */
    public NameHeap build() {
      if (current != null && pos < current.length) {
        chunks.set(chunks.size() - 1, Arrays.copyOf(current, pos));
      }
      current = null;
      return new NameHeap(chunks.toArray(new byte[0][]));
    }

    private static int varintLength(int n) {
      int bytes = 1;
      while (n >= 0x80) {
        n >>>= 7;
        bytes++;
      }
      return bytes;
    }
  }
}
