package dev.forensics.image;

import dev.forensics.hash.DigestSet;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Hashes an acquisition log records for one part of the media (a dcfldd hash window, a dc3dd piece): the
 * bytes from {@code offset}, {@code length} of them, or up to the end of the media when the length is
 * empty (dc3dd counts whole sectors, so its last piece may also hold a final partial sector).
 */
public record LoggedRange(long offset, OptionalLong length, DigestSet digests) {

  /**
   * @throws IllegalArgumentException for a negative offset or length, an end past {@link Long#MAX_VALUE}, or
   *     no digest
   */
  public LoggedRange {
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(digests, "digests");
    if (offset < 0 || length.isPresent() && (length.getAsLong() < 0 || offset + length.getAsLong() < 0)) {
      throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
    }
    if (digests.isEmpty()) {
      throw new IllegalArgumentException("a logged range needs at least one digest");
    }
  }

  /** Whether the range runs up to the end of the media rather than for a known length. */
  public boolean toEndOfMedia() {
    return length.isEmpty();
  }
}
