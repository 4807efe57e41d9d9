package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestEntry;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers checksum lines (one digest each) into one entry per file name, as when md5 and sha256 lines of
 * the same files share a file. Sizes are unknown to such formats.
 */
final class DigestGroups {

  private static final class Group {
    final long firstLine;
    final EnumMap<HashAlgorithm, Digest> digests = new EnumMap<>(HashAlgorithm.class);
    final EnumMap<HashAlgorithm, Long> lines = new EnumMap<>(HashAlgorithm.class);

    Group(long firstLine) {
      this.firstLine = firstLine;
    }
  }

  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final ManifestAssembler assembler;

  DigestGroups(ManifestAssembler assembler) {
    this.assembler = assembler;
  }

  void add(String name, Digest digest, long line) {
    Group g = groups.computeIfAbsent(name, n -> new Group(line));
    Long first = g.lines.get(digest.algorithm());
    if (first != null) {
      assembler.problem(line, "duplicate " + digest.algorithm().id() + " digest for " + Values.show(name)
          + " (first on line " + first + "); this one is ignored");
      return;
    }
    g.digests.put(digest.algorithm(), digest);
    g.lines.put(digest.algorithm(), line);
  }

  /** Hands the entries to the assembler. */
  void finish() {
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      assembler.add(
          new ManifestEntry(e.getKey(), ManifestEntry.UNKNOWN_SIZE, null, DigestSet.of(g.digests.values()), List.of()),
          g.firstLine);
    }
  }
}
