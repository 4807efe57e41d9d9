package dev.forensics.image;

import dev.forensics.hash.DigestSet;
import java.util.Objects;

/**
 * Hashes the media is expected to have, and where they come from: the {@link HashCheck#source() source}
 * of every check made with them, e.g. {@link HashCheck#EXPECTED} for hashes typed in, {@link HashCheck#LOG}
 * for those of an acquisition log.
 */
public record ExpectedHashes(String source, DigestSet digests) {

  /**
   * @throws IllegalArgumentException when the source is empty, {@link HashCheck#STORED} or {@link
   *     HashCheck#STORED_DAMAGED}, which are reserved for the hashes an image stores
   */
  public ExpectedHashes {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(digests, "digests");
    if (source.isBlank() || source.equals(HashCheck.STORED) || source.equals(HashCheck.STORED_DAMAGED)) {
      throw new IllegalArgumentException("not a source of expected hashes: '" + source + "'");
    }
  }

  /** Hashes typed in by the examiner ({@code --expect}). */
  public static ExpectedHashes typedIn(DigestSet digests) {
    return new ExpectedHashes(HashCheck.EXPECTED, digests);
  }

  /** The whole-media hashes of an acquisition log. */
  public static ExpectedHashes of(AcquisitionLog log) {
    return new ExpectedHashes(HashCheck.LOG, log.mediaHashes());
  }
}
