package dev.forensics.hash;

import java.util.List;
import java.util.Objects;

/**
 * What one read of a stream produced: the number of bytes read, their digests, the digests of its
 * fixed-size pieces ({@link MultiHasher#withPieceSize}) and of its segments ({@link
 * MultiHasher#withSegments}), each list empty when not asked for.
 */
public record HashResult(long size, DigestSet digests, List<Piece> pieces, List<Piece> segments) {

  public HashResult {
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    Objects.requireNonNull(digests, "digests");
    pieces = List.copyOf(pieces);
    segments = List.copyOf(segments);
  }

  /** A result without segments. */
  public HashResult(long size, DigestSet digests, List<Piece> pieces) {
    this(size, digests, pieces, List.of());
  }
}
