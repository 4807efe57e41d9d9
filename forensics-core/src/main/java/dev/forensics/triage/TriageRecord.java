package dev.forensics.triage;

import dev.forensics.hash.DigestSet;
import dev.forensics.knownfiles.KnownFileStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What triage found about one file.
 *
 * @param path the path relative to the root, with '/' separators
 * @param status whether the file was examined, could not be read, or was skipped (links, devices)
 * @param detail why it was not examined, "" when it was
 * @param size the file's size in bytes (0 when not examined)
 * @param modified last-modification time
 * @param accessed last-access time
 * @param created creation (birth) time, where the file system records it
 * @param digests SHA-256, and MD5 when asked (plus what the hash sets needed)
 * @param detection the type and how it was decided
 * @param category the category; {@link Category#ENCRYPTED} also when encryption is suspected from entropy
 * @param extension the name's extension, lower case without the dot, "" for none
 * @param extensionMismatch whether the extension does not fit the content
 * @param entropy Shannon entropy of the content in bits per byte
 * @param known the known-file status
 * @param knownSets the names of the hash sets that list the file
 * @param findings what was noticed, most weighty first
 * @param score the priority score: the sum of the weights of the distinct kinds of finding
 */
public record TriageRecord(
    String path, Status status, String detail, long size, Optional<Instant> modified, Optional<Instant> accessed,
    Optional<Instant> created, DigestSet digests, Detection detection, Category category, String extension,
    boolean extensionMismatch, double entropy, KnownFileStatus known, List<String> knownSets,
    List<Finding> findings, int score) {

  /** Whether a file was examined. */
  public enum Status {
    TRIAGED,
    /** The file could not be read (missing, permission denied, I/O error). */
    UNREADABLE,
    /** Not a regular file: a symbolic link inside a folder (not followed), a device, pipe or socket. */
    SKIPPED
  }

  /** Highest score first, then path order. */
  public static final Comparator<TriageRecord> RANK =
      Comparator.comparingInt(TriageRecord::score).reversed()
          .thenComparing(TriageRecord::path, dev.forensics.hash.ManifestEntry::comparePaths);

  public TriageRecord {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(accessed, "accessed");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(digests, "digests");
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(known, "known");
    knownSets = List.copyOf(knownSets);
    findings = List.copyOf(findings);
    int sum = findings.stream().map(Finding::kind).distinct().mapToInt(FindingKind::weight).sum();
    if (score != sum) {
      throw new IllegalArgumentException("score " + score + " is not the sum of the finding weights " + sum);
    }
  }

  /** A file that was not examined. */
  static TriageRecord notExamined(String path, Status status, String detail, String extension) {
    if (status == Status.TRIAGED) {
      throw new IllegalArgumentException("an examined file needs its results");
    }
    return new TriageRecord(path, status, detail, 0, Optional.empty(), Optional.empty(), Optional.empty(),
        DigestSet.empty(),
        new Detection(Detection.OCTET_STREAM, Category.UNKNOWN, DecisionBasis.NONE, "not examined", false, List.of()),
        Category.UNKNOWN, extension, false, 0, KnownFileStatus.UNKNOWN, List.of(), List.of(), 0);
  }
}
