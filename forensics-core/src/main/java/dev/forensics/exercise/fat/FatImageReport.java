package dev.forensics.exercise.fat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was written where: the geometry, every directory and file (live and deleted) in description order,
 * the slack plants and the unallocated plants.
 *
 * @param geometry the volume layout
 * @param entries directories and files in the order described
 * @param slack slack plants in the order of their files
 * @param unallocated unallocated plants in the order described
 * @param freeClusters clusters the FAT marks free (including those of deleted files and unallocated plants)
 */
public record FatImageReport(FatGeometry geometry, List<PlantedEntry> entries, List<SlackPlant> slack,
    List<UnallocatedRegion> unallocated, long freeClusters) {

  public FatImageReport {
    Objects.requireNonNull(geometry, "geometry");
    entries = List.copyOf(entries);
    slack = List.copyOf(slack);
    unallocated = List.copyOf(unallocated);
  }

  /** The entry planted at {@code path}. */
  public Optional<PlantedEntry> entry(String path) {
    return entries.stream().filter(e -> e.path().equals(path)).findFirst();
  }

  /** The deleted files. */
  public List<PlantedEntry> deleted() {
    return entries.stream().filter(PlantedEntry::deleted).toList();
  }
}
