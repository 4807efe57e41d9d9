package dev.forensics.knownfiles;

import dev.forensics.hash.HashAlgorithm;
import java.util.Objects;

/**
 * Choices for loading a hash-set file.
 *
 * @param names whether to keep the file name each entry records; NSRL sets never keep names (a hash there
 *     stands for many names across products, and the sets hold tens of millions of entries)
 * @param digest64 the algorithm of an untagged 64-hex-digit digest in a checksum list (sha256, sha3-256
 *     or blake3); tagged lines and other formats name their algorithm themselves
 */
public record LoadOptions(NameRetention names, HashAlgorithm digest64) {

  /**
   * @throws IllegalArgumentException when {@code digest64} does not produce 32-byte digests
   */
  public LoadOptions {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(digest64, "digest64");
    if (digest64.lengthBytes() != 32) {
      throw new IllegalArgumentException(
          digest64.id() + " digests are not 64 hex digits; choose sha256, sha3-256 or blake3");
    }
  }

  /** Keep names, read 64-digit digests as SHA-256. */
  public static LoadOptions defaults() {
    return new LoadOptions(NameRetention.KEEP, HashAlgorithm.SHA256);
  }

  /** A copy with another name policy. */
  public LoadOptions withNames(NameRetention names) {
    return new LoadOptions(names, digest64);
  }

  /** A copy reading untagged 64-digit digests as {@code algorithm}. */
  public LoadOptions withDigest64(HashAlgorithm algorithm) {
    return new LoadOptions(names, algorithm);
  }

  /** Whether entries keep the file name the set records. */
  public enum NameRetention {
    /**
     * Keep names (checksum lists, hashdeep, HashKeeper). Costs about the name's UTF-8 length plus 9
     * bytes per entry.
     */
    KEEP,
    /** Drop names: matches carry no file name. */
    DROP
  }
}
