package dev.forensics.hash;

import java.util.Objects;

/**
 * The digests of one range of a stream, bytes {@code [offset, offset + length)}: a fixed-size piece
 * (piecewise hashing, like hashdeep {@code -p} or dcfldd {@code hashwindow}) or a segment of given length
 * (a file of a split image).
 */
public record Piece(long offset, long length, DigestSet digests) {

  public Piece {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("piece offset and length must be >= 0: " + offset + "+" + length);
    }
    Objects.requireNonNull(digests, "digests");
  }

  /**
   * Offset of the last byte of the piece (inclusive), as hashdeep prints it ({@code offset 0-1023});
   * dcfldd prints the offset after it ({@code 0 - 1024}).
   */
  public long lastByte() {
    return offset + length - 1;
  }
}
