package dev.forensics.exercise.fat;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Bytes written into free clusters, starting at the beginning of a cluster and running over as many
 * consecutive clusters as they need. All of them must be free: not used by a live file or directory, nor by
 * a deleted file's data.
 *
 * @param firstCluster the first cluster (2 or more), or empty to let the writer pick: then the plant goes
 *     after all other content, one free cluster after the previous one
 * @param data the bytes (at least one)
 */
public record UnallocatedPlant(OptionalLong firstCluster, byte[] data) {

  public UnallocatedPlant {
    Objects.requireNonNull(firstCluster, "firstCluster");
    if (data.length == 0) {
      throw new IllegalArgumentException("an unallocated plant needs at least one byte");
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Equal when the first cluster and the bytes are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof UnallocatedPlant p && firstCluster.equals(p.firstCluster) && java.util.Arrays.equals(data, p.data);
  }

  @Override
  public int hashCode() {
    return firstCluster.hashCode() * 31 + java.util.Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "UnallocatedPlant[firstCluster=" + firstCluster + ", " + data.length + " bytes]";
  }
}
