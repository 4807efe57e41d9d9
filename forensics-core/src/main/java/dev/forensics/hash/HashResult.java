package dev.forensics.hash;

import java.util.List;
import java.util.Objects;

/** What one read of a stream produced: the number of bytes read, their digests, and the piece digests. */
public record HashResult(long size, DigestSet digests, List<Piece> pieces) {

  public HashResult {
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size);
    }
    Objects.requireNonNull(digests, "digests");
    pieces = List.copyOf(pieces);
  }
}
