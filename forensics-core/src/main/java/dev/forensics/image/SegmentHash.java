package dev.forensics.image;

import dev.forensics.hash.DigestSet;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The digests of one segment file of a split raw image, which holds media bytes {@code [offset, offset +
 * length)}: what {@code md5sum} of the file gives, and what dc3dd's hash log lists per output file.
 */
public record SegmentHash(Path file, long offset, long length, DigestSet digests) {

  public SegmentHash {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(digests, "digests");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("segment offset and length must be >= 0: " + offset + "+" + length);
    }
    if (digests.isEmpty()) {
      throw new IllegalArgumentException("no digest for segment " + file);
    }
  }
}
