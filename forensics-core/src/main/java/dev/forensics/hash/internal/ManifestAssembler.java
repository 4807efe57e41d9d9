package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.Manifest;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestProblem;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.Piece;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a reader understood: entries (refusing a second entry for a path), problems, and what
 * the entries reveal about the manifest (algorithms present, largest piece).
 */
final class ManifestAssembler {

  private final String source;
  private final List<ManifestProblem> problems = new ArrayList<>();
  private final List<ManifestEntry> entries = new ArrayList<>();
  private final Map<String, Long> firstLine = new HashMap<>();
  private final EnumSet<HashAlgorithm> seen = EnumSet.noneOf(HashAlgorithm.class);
  private long largestPiece;

  ManifestAssembler(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  /** Records a problem at a 1-based line (0: not tied to a line). */
  void problem(long line, String message) {
    problems.add(new ManifestProblem(source, line, message));
  }

  /** Adds an entry read at {@code line}, unless its path was already read. */
  void add(ManifestEntry entry, long line) {
    Long first = firstLine.putIfAbsent(entry.path(), line);
    if (first != null) {
      problem(
          line,
          "duplicate entry for " + Values.show(entry.path()) + " (first on line " + first + "); this one is ignored");
      return;
    }
    entries.add(entry);
    for (Digest d : entry.digests().digests()) {
      seen.add(d.algorithm());
    }
    for (Piece p : entry.pieces()) {
      largestPiece = Math.max(largestPiece, p.length());
      for (Digest d : p.digests().digests()) {
        seen.add(d.algorithm());
      }
    }
  }

  /** The algorithms of the digests read, in canonical order, or {@code fallback} when there were none. */
  List<HashAlgorithm> algorithmsSeenOr(List<HashAlgorithm> fallback) {
    return seen.isEmpty() ? fallback : new ArrayList<>(seen);
  }

  /** The longest piece read: the piece size, for formats that do not record it. */
  long largestPiece() {
    return largestPiece;
  }

  ManifestReadResult result(ManifestFormat format, ManifestInfo info) {
    return new ManifestReadResult(new Manifest(info, entries), format, problems);
  }

  ManifestReadResult result(
      ManifestFormat format,
      List<HashAlgorithm> algorithms,
      long pieceSize,
      String creator,
      String command,
      String invokedFrom,
      Instant created) {
    return result(format, new ManifestInfo(algorithms, pieceSize, creator, command, invokedFrom, created));
  }
}
