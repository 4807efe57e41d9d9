package dev.forensics.exercise;

import dev.forensics.hash.DigestSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A planted artifact as built, for the answer key: where it is, its hashes (of the file, or of the carved
 * data for unallocated data), the byte ranges of what is hidden, the secret text it carries, its stored
 * timestamps and what a student should find.
 *
 * @param paths evidence paths (one; the copies of a duplicate; none for unallocated data)
 * @param type the content's real type, if it is a file of one type
 * @param size size in bytes of the content hashed
 */
public record PlantedArtifact(
    String id,
    ArtifactKind kind,
    List<String> paths,
    Optional<FileType> type,
    Optional<Long> size,
    DigestSet hashes,
    List<ByteRange> ranges,
    Optional<String> secret,
    FileTimes times,
    String finding) {

  public PlantedArtifact {
    Ids.require(id);
    Objects.requireNonNull(kind, "kind");
    paths = List.copyOf(paths);
    paths.forEach(p -> Paths.requireRelativePath(p, "path"));
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(hashes, "hashes");
    ranges = List.copyOf(ranges);
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(finding, "finding");
    if (size.isPresent() && size.get() < 0) {
      throw new IllegalArgumentException("size must be >= 0");
    }
    if (finding.isBlank()) {
      throw new IllegalArgumentException("finding must not be blank");
    }
  }
}
