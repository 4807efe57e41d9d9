package dev.forensics.custody;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.MultiHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The outcome of re-hashing an item while handling it: the file read, the digests computed, and how
 * they compare with the item's reference hashes (those of the entry {@code against}).
 */
public record ItemRehash(String path, DigestSet hashes, Result result, OptionalLong against) {

  /** How the recomputed hashes compare with the reference. */
  public enum Result {
    /** Every algorithm both have agrees. */
    MATCH,
    /** At least one algorithm disagrees: the item changed, or it is not the item. */
    MISMATCH,
    /** The item has no reference hashes (none registered or acquired) to compare with. */
    NO_REFERENCE;

    /** As written in the ledger: {@code match}, {@code mismatch}, {@code no-reference}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The result with this id. */
    public static Result fromId(String id) {
      for (Result r : values()) {
        if (r.id().equals(id)) {
          return r;
        }
      }
      throw new IllegalArgumentException("unknown rehash result '" + id + "'");
    }
  }

  public ItemRehash {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(against, "against");
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("a rehash needs at least one digest");
    }
    if ((result == Result.NO_REFERENCE) != against.isEmpty()) {
      throw new IllegalArgumentException("a rehash names the entry it compared against exactly when there was one");
    }
  }

  /**
   * Hashes {@code file} (read-only, streamed) with the algorithms of the reference, or SHA-256 when
   * there is none, and compares.
   *
   * @param reference the item's reference hashes, or an empty set
   * @param referenceSeq the sequence number of the entry holding the reference
   */
  public static ItemRehash compute(Path file, DigestSet reference, long referenceSeq) throws IOException {
    java.util.Set<HashAlgorithm> algs =
        reference.isEmpty() ? java.util.Set.of(HashAlgorithm.SHA256) : reference.algorithms();
    DigestSet got;
    try (InputStream in = Files.newInputStream(file)) {
      got = MultiHasher.of(algs).hash(in).digests();
    }
    String shown = file.toString().replace(file.getFileSystem().getSeparator(), "/");
    if (reference.isEmpty()) {
      return new ItemRehash(shown, got, Result.NO_REFERENCE, OptionalLong.empty());
    }
    Result r = got.compare(reference) == DigestSet.Comparison.SAME ? Result.MATCH : Result.MISMATCH;
    return new ItemRehash(shown, got, r, OptionalLong.of(referenceSeq));
  }
}
