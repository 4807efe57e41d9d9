package dev.forensics.exercise.fat;

/**
 * The three FAT variants. Which one a volume is follows from its cluster count alone (Microsoft's FAT
 * specification, "FAT Type Determination"), so each type accepts only cluster counts in its own range: a
 * FAT16 volume with 4,084 clusters would be read as FAT12 by every tool.
 */
public enum FatType {
  /** 12-bit FAT entries; at most 4,084 clusters. */
  FAT12(12, 1, 4_084, 0xFFF, "FAT12   "),
  /** 16-bit FAT entries; 4,085 to 65,524 clusters. */
  FAT16(16, 4_085, 65_524, 0xFFFF, "FAT16   "),
  /** 28-bit FAT entries in 32-bit words; at least 65,525 clusters. */
  FAT32(32, 65_525, 0x0FFF_FFF5L - 1, 0x0FFF_FFFF, "FAT32   ");

  private final int bits;
  private final long minClusters;
  private final long maxClusters;
  private final int endOfChain;
  private final String label;

  FatType(int bits, long minClusters, long maxClusters, int endOfChain, String label) {
    this.bits = bits;
    this.minClusters = minClusters;
    this.maxClusters = maxClusters;
    this.endOfChain = endOfChain;
    this.label = label;
  }

  /** Bits per FAT entry as stored (32 for FAT32, of which the low 28 are the cluster number). */
  public int bits() {
    return bits;
  }

  /** The smallest cluster count a volume of this type may have. */
  public long minClusters() {
    return minClusters;
  }

  /** The largest cluster count a volume of this type may have. */
  public long maxClusters() {
    return maxClusters;
  }

  /** The end-of-chain marker written in the FAT after a chain's last cluster. */
  public int endOfChain() {
    return endOfChain;
  }

  /** The informational file-system type string of the boot sector, 8 characters. */
  String bootSectorLabel() {
    return label;
  }
}
