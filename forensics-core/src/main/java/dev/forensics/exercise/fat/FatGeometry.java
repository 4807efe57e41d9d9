package dev.forensics.exercise.fat;

/**
 * The layout of a written FAT volume, as its boot sector declares it.
 *
 * @param type the FAT type
 * @param bytesPerSector always 512
 * @param sectorsPerCluster sectors per cluster
 * @param reservedSectors sectors before the first FAT (1 for FAT12/16, 32 for FAT32)
 * @param fatCount number of FAT copies (2)
 * @param sectorsPerFat sectors per FAT copy
 * @param rootEntries fixed root directory entries (0 for FAT32)
 * @param totalSectors sectors in the volume
 * @param clusterCount data clusters, numbered 2 to {@code clusterCount + 1}
 * @param mediaDescriptor the media byte (0xF0 for a 1.44 MB floppy, else 0xF8)
 * @param rootCluster the root directory's first cluster on FAT32, else 0
 */
public record FatGeometry(FatType type, int bytesPerSector, int sectorsPerCluster, int reservedSectors,
    int fatCount, long sectorsPerFat, int rootEntries, long totalSectors, long clusterCount, int mediaDescriptor,
    long rootCluster) {

  /** Bytes per cluster. */
  public int clusterSize() {
    return bytesPerSector * sectorsPerCluster;
  }

  /** Byte offset of FAT copy {@code index} (0-based). */
  public long fatOffset(int index) {
    return ((long) reservedSectors + index * sectorsPerFat) * bytesPerSector;
  }

  /** Byte offset of the fixed root directory (FAT12/16); on FAT32 where it would be, the data area. */
  public long rootDirectoryOffset() {
    return fatOffset(fatCount);
  }

  /** Sectors of the fixed root directory (0 on FAT32). */
  public long rootDirectorySectors() {
    return ((long) rootEntries * 32 + bytesPerSector - 1) / bytesPerSector;
  }

  /** The first sector of the data area (cluster 2). */
  public long firstDataSector() {
    return reservedSectors + fatCount * sectorsPerFat + rootDirectorySectors();
  }

  /** Byte offset of the start of {@code cluster} (2 or more). */
  public long clusterOffset(long cluster) {
    if (cluster < 2 || cluster >= clusterCount + 2) {
      throw new IllegalArgumentException("cluster " + cluster + " outside 2.." + (clusterCount + 1));
    }
    return (firstDataSector() + (cluster - 2) * sectorsPerCluster) * bytesPerSector;
  }

  /** The volume size in bytes. */
  public long sizeBytes() {
    return totalSectors * bytesPerSector;
  }
}
