package dev.forensics.knownfiles;

import dev.forensics.hash.HashAlgorithm;
import java.util.Objects;
import java.util.Optional;

/**
 * One hash set that lists a file.
 *
 * @param setName the set's {@linkplain KnownFileSet#name() name}
 * @param kind whether the set is known (ignorable) or notable
 * @param algorithm the algorithm the file was matched on: the strongest one the file's digests and the
 *     set's entries both have
 * @param fileName the name the set records for the entry, when the set keeps names (never for NSRL sets)
 */
public record KnownFileMatch(
    String setName, HashSetKind kind, HashAlgorithm algorithm, Optional<String> fileName) {

  /** Checks that every component is present. */
  public KnownFileMatch {
    Objects.requireNonNull(setName, "setName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(fileName, "fileName");
  }
}
