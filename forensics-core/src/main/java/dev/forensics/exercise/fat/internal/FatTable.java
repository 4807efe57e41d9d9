package dev.forensics.exercise.fat.internal;

import dev.forensics.exercise.fat.FatGeometry;
import dev.forensics.exercise.fat.FatType;

/** The file allocation table in memory, encoded for FAT12, FAT16 or FAT32. */
public final class FatTable {

  private final FatGeometry geometry;
  private final int[] entries;

  /** An empty table with the media descriptor in entry 0 and entry 1 set to end-of-chain. */
  public FatTable(FatGeometry geometry) {
    this.geometry = geometry;
    this.entries = new int[Math.toIntExact(geometry.clusterCount() + 2)];
    FatType type = geometry.type();
    int mask = type == FatType.FAT32 ? 0x0FFF_FFFF : type.endOfChain();
    entries[0] = (mask & ~0xFF) | geometry.mediaDescriptor();
    entries[1] = type.endOfChain();
  }

  /** Links {@code clusters} into a chain ended by end-of-chain. */
  public void chain(java.util.List<Long> clusters) {
    for (int i = 0; i < clusters.size(); i++) {
      int c = Math.toIntExact(clusters.get(i));
      entries[c] = i + 1 < clusters.size() ? Math.toIntExact(clusters.get(i + 1)) : geometry.type().endOfChain();
    }
  }

  /** Clusters marked free. */
  public long freeClusters() {
    long free = 0;
    for (int i = 2; i < entries.length; i++) {
      if (entries[i] == 0) {
        free++;
      }
    }
    return free;
  }

  /** One FAT copy, {@code sectorsPerFat} sectors long. */
  public byte[] encode() {
    byte[] out = new byte[Math.toIntExact(geometry.sectorsPerFat() * geometry.bytesPerSector())];
    for (int n = 0; n < entries.length; n++) {
      int v = entries[n];
      switch (geometry.type()) {
        case FAT12 -> {
          int off = n + n / 2;
          if ((n & 1) == 0) {
            out[off] = (byte) v;
            out[off + 1] = (byte) ((out[off + 1] & 0xF0) | ((v >> 8) & 0x0F));
          } else {
            out[off] = (byte) ((out[off] & 0x0F) | ((v & 0x0F) << 4));
            out[off + 1] = (byte) (v >> 4);
          }
        }
        case FAT16 -> {
          out[2 * n] = (byte) v;
          out[2 * n + 1] = (byte) (v >> 8);
        }
        case FAT32 -> {
          out[4 * n] = (byte) v;
          out[4 * n + 1] = (byte) (v >> 8);
          out[4 * n + 2] = (byte) (v >> 16);
          out[4 * n + 3] = (byte) (v >> 24);
        }
      }
    }
    return out;
  }
}
