package dev.forensics.hash;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares freshly hashed files with a manifest and classifies every file as matched, changed, moved,
 * new, missing or unreadable.
 *
 * <p>Paths are matched first: a file at a listed path is matched or changed. Then content: a listed file
 * whose path is gone but whose digests equal those of an unlisted file has moved there (each file found
 * explains at most one listed file, so duplicates are paired one to one). Listed files left over are
 * missing and unlisted files left over are new.
 */
public final class Auditor {

  private Auditor() {}

  /**
   * Audits {@code found} (outcomes of hashing the evidence with the manifest's algorithms) against
   * {@code manifest}.
   *
   * @param manifestProblems lines of the manifest that could not be read, carried into the result
   */
  public static AuditResult audit(
      Manifest manifest, List<FileOutcome> found, List<ManifestProblem> manifestProblems) {
    Map<String, FileOutcome> byPath = new LinkedHashMap<>();
    for (FileOutcome o : found) {
      byPath.put(o.path(), o);
    }
    List<AuditEntry> result = new ArrayList<>();
    Set<String> consumed = new HashSet<>();
    List<ManifestEntry> unmatched = new ArrayList<>();

    for (ManifestEntry expected : manifest.entries()) {
      FileOutcome o = byPath.get(expected.path());
      if (o == null) {
        unmatched.add(expected);
        continue;
      }
      consumed.add(o.path());
      result.add(compareAtPath(expected, o));
    }

    // content index of the files found at paths the manifest does not list
    Map<Digest, Deque<ManifestEntry>> byDigest = new HashMap<>();
    List<ManifestEntry> unlisted = new ArrayList<>();
    for (FileOutcome o : found) {
      if (!consumed.contains(o.path()) && o.entry().isPresent()) {
        ManifestEntry e = o.entry().get();
        unlisted.add(e);
        for (Digest d : e.digests().digests()) {
          byDigest.computeIfAbsent(d, k -> new ArrayDeque<>()).add(e);
        }
      }
    }
    Set<String> moved = new HashSet<>();
    for (ManifestEntry expected : unmatched) {
      Optional<ManifestEntry> target = findMoved(expected, byDigest, moved);
      if (target.isPresent()) {
        moved.add(target.get().path());
        result.add(
            new AuditEntry(
                AuditStatus.MOVED, expected.path(), target.get().path(), "moved to " + target.get().path()));
      } else {
        result.add(new AuditEntry(AuditStatus.MISSING, expected.path(), null, "not found"));
      }
    }
    Map<Digest, String> listedContent = new HashMap<>();
    for (ManifestEntry e : manifest.entries()) {
      for (Digest d : e.digests().digests()) {
        listedContent.putIfAbsent(d, e.path());
      }
    }
    for (ManifestEntry e : unlisted) {
      if (!moved.contains(e.path())) {
        String copyOf = null;
        for (Digest d : e.digests().digests()) {
          copyOf = listedContent.get(d);
          if (copyOf != null) {
            break;
          }
        }
        result.add(
            new AuditEntry(
                AuditStatus.NEW, null, e.path(), copyOf == null ? "not in manifest" : "not in manifest; same content as " + copyOf));
      }
    }
    for (FileOutcome o : found) {
      if (!consumed.contains(o.path()) && o.entry().isEmpty() && o.status().isProblem()) {
        result.add(new AuditEntry(AuditStatus.UNREADABLE, null, o.path(), o.detail()));
      }
    }
    result.sort(
        Comparator.comparing(AuditEntry::path, ManifestEntry::comparePaths)
            .thenComparing(e -> e.status().ordinal()));
    return new AuditResult(result, manifestProblems);
  }

  private static AuditEntry compareAtPath(ManifestEntry expected, FileOutcome o) {
    String path = expected.path();
    if (o.entry().isEmpty()) {
      if (o.status().isProblem()) {
        return new AuditEntry(AuditStatus.UNREADABLE, path, path, o.detail());
      }
      String what = o.status() == FileOutcome.Status.SYMLINK ? "now a symbolic link " : "now a special file ";
      return new AuditEntry(AuditStatus.CHANGED, path, path, what + o.detail());
    }
    ManifestEntry actual = o.entry().get();
    List<String> diffs = new ArrayList<>();
    if (expected.hasSize() && expected.size() != actual.size()) {
      diffs.add("size " + expected.size() + " -> " + actual.size());
    }
    DigestSet.Comparison cmp = expected.digests().compare(actual.digests());
    if (cmp == DigestSet.Comparison.INCOMPARABLE) {
      return new AuditEntry(
          AuditStatus.UNREADABLE, path, path, "no digest algorithm in common with the manifest: not verified");
    }
    for (Digest d : expected.digests().digests()) {
      actual.digests().get(d.algorithm()).filter(a -> !a.equals(d)).ifPresent(
          a -> diffs.add(d.algorithm().id() + " " + d.hex() + " -> " + a.hex()));
    }
    if (diffs.isEmpty()) {
      String note = o.status() == FileOutcome.Status.CHANGED_WHILE_READING ? o.detail() : "";
      return new AuditEntry(AuditStatus.MATCHED, path, path, note);
    }
    String pieces = differingPieces(expected, actual);
    if (!pieces.isEmpty()) {
      diffs.add(pieces);
    }
    if (o.status() == FileOutcome.Status.CHANGED_WHILE_READING) {
      diffs.add(o.detail());
    }
    o.image().ifPresent(image -> diffs.add("hashed as the media of an image (" + image.format() + ", "
        + image.segments().size() + " segment file" + (image.segments().size() == 1 ? "" : "s")
        + "), not as the file itself"));
    return new AuditEntry(AuditStatus.CHANGED, path, path, String.join("; ", diffs));
  }

  /** The byte ranges whose piece digests differ, when both sides were hashed piecewise alike. */
  private static String differingPieces(ManifestEntry expected, ManifestEntry actual) {
    if (expected.pieces().isEmpty() || actual.pieces().isEmpty()) {
      return "";
    }
    Map<Long, Piece> found = new HashMap<>();
    for (Piece p : actual.pieces()) {
      found.put(p.offset(), p);
    }
    List<String> ranges = new ArrayList<>();
    for (Piece p : expected.pieces()) {
      Piece q = found.get(p.offset());
      if (q == null || q.length() != p.length() || p.digests().compare(q.digests()) != DigestSet.Comparison.SAME) {
        ranges.add(p.offset() + "-" + p.lastByte());
      }
    }
    long expectedEnd = expected.pieces().get(expected.pieces().size() - 1).offset();
    for (Piece q : actual.pieces()) {
      if (q.offset() > expectedEnd) {
        ranges.add(q.offset() + "-" + q.lastByte() + " (added)");
      }
    }
    return ranges.isEmpty() ? "" : "differing bytes " + String.join(", ", ranges);
  }

  private static Optional<ManifestEntry> findMoved(
      ManifestEntry expected, Map<Digest, Deque<ManifestEntry>> byDigest, Set<String> taken) {
    Optional<Digest> key =
        expected.digests().digests().stream().max(Comparator.comparingInt(d -> d.algorithm().strength()));
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Deque<ManifestEntry> candidates = byDigest.getOrDefault(key.get(), new ArrayDeque<>());
    for (ManifestEntry c : candidates) {
      boolean sameSize = !expected.hasSize() || expected.size() == c.size();
      if (!taken.contains(c.path())
          && sameSize
          && expected.digests().compare(c.digests()) == DigestSet.Comparison.SAME) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
