package dev.forensics.knownfiles;

import java.util.List;
import java.util.Objects;

/**
 * The result of looking a file up in a {@link KnownFileLibrary}.
 *
 * @param status notable if any notable set matched, else known if any known set matched, else unknown
 * @param matches every set that lists the file, notable sets first, then in library order
 * @param incomparableSets names of the non-empty sets that record no algorithm the file was hashed with;
 *     they could not be checked, so an unknown status says nothing about them
 */
public record KnownFileLookup(
    KnownFileStatus status, List<KnownFileMatch> matches, List<String> incomparableSets) {

  /**
   * @throws IllegalArgumentException when {@code status} does not follow from {@code matches}
   */
  public KnownFileLookup {
    Objects.requireNonNull(status, "status");
    matches = List.copyOf(matches);
    incomparableSets = List.copyOf(incomparableSets);
    if (status != statusOf(matches)) {
      throw new IllegalArgumentException("status " + status + " does not follow from the matches " + matches);
    }
  }

  /** A result whose status is derived from the matches. */
  public static KnownFileLookup of(List<KnownFileMatch> matches, List<String> incomparableSets) {
    return new KnownFileLookup(statusOf(matches), matches, incomparableSets);
  }

  /** Whether any set lists the file. */
  public boolean matched() {
    return !matches.isEmpty();
  }

  private static KnownFileStatus statusOf(List<KnownFileMatch> matches) {
    KnownFileStatus status = KnownFileStatus.UNKNOWN;
    for (KnownFileMatch m : matches) {
      if (m.kind() == HashSetKind.NOTABLE) {
        return KnownFileStatus.NOTABLE;
      }
      status = KnownFileStatus.KNOWN;
    }
    return status;
  }
}
