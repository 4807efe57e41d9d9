package dev.forensics.image.internal;

import java.nio.ByteBuffer;
import java.util.Objects;

/** The argument checks every {@code EvidenceImage.read(ByteBuffer, long)} makes. */
public final class ReadArguments {

  private ReadArguments() {}

  /**
   * @throws IllegalArgumentException if {@code position} is negative or {@code dst} is read-only
   */
  public static void check(ByteBuffer dst, long position) {
    Objects.requireNonNull(dst, "dst");
    if (position < 0) {
      throw new IllegalArgumentException("negative position: " + position);
    }
    if (dst.isReadOnly()) {
      throw new IllegalArgumentException("read-only buffer");
    }
  }
}
