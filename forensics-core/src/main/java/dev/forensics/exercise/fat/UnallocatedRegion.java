package dev.forensics.exercise.fat;

import java.util.List;
import java.util.Objects;

/**
 * Bytes written into free clusters.
 *
 * @param clusters the clusters they occupy (all free in the FAT)
 * @param range where they are in the image (from the start of the first cluster)
 */
public record UnallocatedRegion(List<Long> clusters, ByteRange range) {

  public UnallocatedRegion {
    clusters = List.copyOf(clusters);
    Objects.requireNonNull(range, "range");
  }
}
