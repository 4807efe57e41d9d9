package dev.forensics.exercise.fat.internal;

import dev.forensics.exercise.fat.FatGeometry;
import dev.forensics.exercise.fat.FatType;
import dev.forensics.exercise.fat.FatVolume;
import dev.forensics.exercise.fat.InvalidFatVolumeException;

/**
 * Chooses a volume's layout: reserved sectors (1, or 32 on FAT32), two FATs just large enough for the
 * cluster count they must map, the fixed root directory, and the cluster count that follows, which must lie
 * in the type's range.
 */
public final class Geometries {

  /** Sectors of a 1.44 MB floppy. */
  public static final long FLOPPY_SECTORS = 2880;
  private static final int FAT_COUNT = 2;

  private Geometries() {}

  /** The geometry for {@code volume}, or an error naming what does not fit. */
  public static FatGeometry of(FatVolume volume) {
    FatType type = volume.type();
    long totalSectors = volume.sizeBytes() / FatVolume.SECTOR_SIZE;
    int reserved = type == FatType.FAT32 ? 32 : 1;
    int rootEntries = type == FatType.FAT32 ? 0
        : volume.rootEntries() != 0 ? volume.rootEntries()
        : type == FatType.FAT12 && totalSectors <= 2 * FLOPPY_SECTORS ? 224 : 512;
    int media = type == FatType.FAT12 && totalSectors == FLOPPY_SECTORS ? 0xF0 : 0xF8;
    long rootSectors = ((long) rootEntries * 32 + FatVolume.SECTOR_SIZE - 1) / FatVolume.SECTOR_SIZE;
    long overhead = reserved + rootSectors;
    if (totalSectors <= overhead + FAT_COUNT + 1) {
      throw new InvalidFatVolumeException("volume",
          "size " + volume.sizeBytes() + " bytes is too small for any " + type + " volume");
    }
    int[] candidates = volume.sectorsPerCluster() != 0 ? new int[] {volume.sectorsPerCluster()}
        : new int[] {1, 2, 4, 8, 16, 32, 64};
    long lastClusters = -1;
    for (int spc : candidates) {
      long fatSectors = fatSectors(type, totalSectors - overhead, spc);
      long clusters = (totalSectors - overhead - FAT_COUNT * fatSectors) / spc;
      lastClusters = clusters;
      if (clusters > type.maxClusters()) {
        continue;
      }
      if (clusters < type.minClusters()) {
        throw new InvalidFatVolumeException("volume", String.format(
            "%d bytes with %d-byte clusters gives %d clusters, but %s needs %d to %d (tools would read "
                + "another FAT type): use a larger volume or smaller clusters", volume.sizeBytes(),
            spc * FatVolume.SECTOR_SIZE, clusters, type, type.minClusters(), type.maxClusters()));
      }
      return new FatGeometry(type, FatVolume.SECTOR_SIZE, spc, reserved, FAT_COUNT, fatSectors, rootEntries,
          totalSectors, clusters, media, type == FatType.FAT32 ? 2 : 0);
    }
    throw new InvalidFatVolumeException("volume", String.format(
        "%d bytes gives %d clusters with %d-byte clusters, more than %s's %d (tools would read another FAT "
            + "type): use larger clusters or another type", volume.sizeBytes(), lastClusters,
        candidates[candidates.length - 1] * FatVolume.SECTOR_SIZE, type, type.maxClusters()));
  }

  /** The fewest sectors per FAT that map every cluster left over after the FATs themselves. */
  private static long fatSectors(FatType type, long sectorsForFatsAndData, int spc) {
    int bits = type == FatType.FAT32 ? 32 : type.bits();
    long estimate = (long) ((double) sectorsForFatsAndData * bits
        / (8.0 * FatVolume.SECTOR_SIZE * spc + FAT_COUNT * bits));
    for (long fat = Math.max(1, estimate - 2); ; fat++) {
      long clusters = Math.max(0, (sectorsForFatsAndData - FAT_COUNT * fat) / spc);
      long needBytes = ((clusters + 2) * bits + 7) / 8;
      if (fat * FatVolume.SECTOR_SIZE >= needBytes) {
        return fat;
      }
    }
  }
}
