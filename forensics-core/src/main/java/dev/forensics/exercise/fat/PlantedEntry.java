package dev.forensics.exercise.fat;

import dev.forensics.hash.Digest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a directory or file ended up, for an answer key.
 *
 * @param path the path as described
 * @param shortName the 8.3 name as stored ({@code REPORT~1.DOC}; for a deleted entry, the name before its
 *     first byte was overwritten with 0xE5)
 * @param directory whether it is a directory
 * @param deleted whether its entries are marked deleted
 * @param entryOffset byte offset of its short directory entry in the image
 * @param firstCluster the first cluster recorded in the entry (0 for an empty file)
 * @param clusters its clusters in order (contiguous; the FAT no longer links them for a deleted file)
 * @param extents where its bytes lie: for a file exactly {@code size} bytes, for a directory whole clusters
 * @param size the file size (0 for a directory)
 * @param sha256 SHA-256 of a file's content; empty for a directory
 */
public record PlantedEntry(String path, String shortName, boolean directory, boolean deleted, long entryOffset,
    long firstCluster, List<Long> clusters, List<ByteRange> extents, long size, Optional<Digest> sha256) {

  public PlantedEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shortName, "shortName");
    clusters = List.copyOf(clusters);
    extents = List.copyOf(extents);
    Objects.requireNonNull(sha256, "sha256");
  }
}
