package dev.forensics.image;

import dev.forensics.hash.Digest;
import java.util.Objects;

/**
 * One comparison of a verification: a hash from a source ({@value #STORED} in the image, {@value
 * #EXPECTED} as given by the examiner, {@value #LOG} from an acquisition log) against the hash calculated
 * over the media.
 */
public record HashCheck(String source, Digest expected, Digest calculated) {

  /** Source of a hash the image stores (EWF). */
  public static final String STORED = "stored";
  /** Source of a hash the examiner gave ({@code --expect}). */
  public static final String EXPECTED = "expected";
  /** Source of a hash read from an acquisition log ({@code --log}). */
  public static final String LOG = "log";

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
