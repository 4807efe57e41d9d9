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
  /**
   * Source of a hash stored in an EWF {@code hash} or {@code digest} section that fails its Adler-32: shown
   * and compared, but it cannot be trusted, so a check from it fails verification even when it matches.
   */
  public static final String STORED_DAMAGED = "stored-damaged";
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

  /** Whether the two hashes are equal (for {@link #STORED_DAMAGED}, see {@link #passes()}). */
  public boolean matches() {
    return expected.equals(calculated);
  }

  /** Whether this check can make a verification pass: it matches and its hash is trustworthy. */
  public boolean passes() {
    return matches() && !source.equals(STORED_DAMAGED);
  }
}
