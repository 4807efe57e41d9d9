package dev.forensics.hash;

import java.util.Objects;

/**
 * The digests of one fixed-size piece of a file (piecewise hashing, like hashdeep {@code -p} or dcfldd
 * {@code hashwindow}): bytes {@code [offset, offset + length)}.
 */
public record Piece(long offset, long length, DigestSet digests) {

  public Piece {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("piece offset and length must be >= 0: " + offset + "+" + length);
    }
    Objects.requireNonNull(digests, "digests");
  }

  /** Offset of the last byte of the piece (inclusive), as hashdeep and dcfldd print it. */
  public long lastByte() {
    return offset + length - 1;
  }
}
