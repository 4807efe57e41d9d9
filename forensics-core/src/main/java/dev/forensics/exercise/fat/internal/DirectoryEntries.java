package dev.forensics.exercise.fat.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;

/** Encodes 32-byte directory entries: short (8.3) entries and VFAT long-name entries. */
public final class DirectoryEntries {

  /** Size of one directory entry. */
  public static final int SIZE = 32;
  /** First byte of a deleted entry. */
  public static final int DELETED = 0xE5;
  /** Attribute byte of a long-name entry. */
  public static final int ATTR_LONG_NAME = 0x0F;
  /** Attribute bit of a directory. */
  public static final int ATTR_DIRECTORY = 0x10;
  /** Attribute bit of the volume label entry. */
  public static final int ATTR_VOLUME_ID = 0x08;

  private static final int CHARS_PER_ENTRY = 13;
  private static final int[] CHAR_OFFSETS = {1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30};

  private DirectoryEntries() {}

  /** Number of long-name entries {@code name} needs. */
  public static int longNameEntryCount(String name) {
    return (name.length() + CHARS_PER_ENTRY - 1) / CHARS_PER_ENTRY;
  }

  /**
   * The long-name entries for {@code name} in on-disk order (the last part, flagged 0x40, first), tied to
   * the short name by {@code checksum}: 13 UTF-16 units each, the name ended by 0x0000 then padded with
   * 0xFFFF.
   */
  public static byte[] longNameEntries(String name, int checksum) {
    int count = longNameEntryCount(name);
    ByteBuffer out = ByteBuffer.allocate(count * SIZE).order(ByteOrder.LITTLE_ENDIAN);
    for (int ord = count; ord >= 1; ord--) {
      int base = out.position();
      out.put(base, (byte) (ord == count ? ord | 0x40 : ord));
      for (int k = 0; k < CHARS_PER_ENTRY; k++) {
        int idx = (ord - 1) * CHARS_PER_ENTRY + k;
        int unit = idx < name.length() ? name.charAt(idx) : idx == name.length() ? 0x0000 : 0xFFFF;
        out.putShort(base + CHAR_OFFSETS[k], (short) unit);
      }
      out.put(base + 11, (byte) ATTR_LONG_NAME);
      out.put(base + 12, (byte) 0);
      out.put(base + 13, (byte) checksum);
      out.putShort(base + 26, (short) 0);
      out.position(base + SIZE);
    }
    return out.array();
  }

  /**
   * A short entry.
   *
   * @param name11 the 11-byte name field
   * @param attributes the attribute byte
   * @param caseFlags the NT reserved byte (0x08/0x10 lower-case flags)
   * @param created creation time (local), or null for zeros
   * @param modified modification time (local)
   * @param accessed access time (local; date only), or null for zero
   * @param firstCluster first cluster (high word used on FAT32)
   * @param size file size
   */
  public static byte[] shortEntry(byte[] name11, int attributes, int caseFlags, LocalDateTime created,
      LocalDateTime modified, LocalDateTime accessed, long firstCluster, long size) {
    ByteBuffer e = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    e.put(0, name11, 0, 11);
    e.put(11, (byte) attributes);
    e.put(12, (byte) caseFlags);
    if (created != null) {
      e.put(13, (byte) FatTimeFields.tenths(created));
      e.putShort(14, (short) FatTimeFields.time(created));
      e.putShort(16, (short) FatTimeFields.date(created));
    }
    if (accessed != null) {
      e.putShort(18, (short) FatTimeFields.date(accessed));
    }
    e.putShort(20, (short) (firstCluster >>> 16));
    e.putShort(22, (short) FatTimeFields.time(modified));
    e.putShort(24, (short) FatTimeFields.date(modified));
    e.putShort(26, (short) firstCluster);
    e.putInt(28, (int) size);
    return e.array();
  }
}
