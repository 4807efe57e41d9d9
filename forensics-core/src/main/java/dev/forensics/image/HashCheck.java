package dev.forensics.image;

import dev.forensics.hash.Digest;
import java.util.Objects;

/**
 * One comparison of a verification: a hash from a source ({@code stored} in the image, or
 * {@code expected} as given by the examiner) against the hash calculated over the media.
 */
public record HashCheck(String source, Digest expected, Digest calculated) {

  public HashCheck {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(calculated, "calculated");
    if (expected.algorithm() != calculated.algorithm()) {
      throw new IllegalArgumentException("compares " + expected.algorithm() + " with " + calculated.algorithm());
    }
  }

  /** Whether the two hashes are equal. */
  public boolean matches() {
    return expected.equals(calculated);
  }
}
