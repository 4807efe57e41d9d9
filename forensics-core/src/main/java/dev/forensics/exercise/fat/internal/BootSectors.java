package dev.forensics.exercise.fat.internal;

import dev.forensics.exercise.fat.FatGeometry;
import dev.forensics.exercise.fat.FatType;
import dev.forensics.exercise.fat.FatVolume;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The boot sector with its BIOS parameter block, and FAT32's FSInfo sector. */
public final class BootSectors {

  /** FAT32: sector of the FSInfo structure. */
  public static final int FSINFO_SECTOR = 1;
  /** FAT32: sector of the backup boot sector (the backup FSInfo follows it). */
  public static final int BACKUP_BOOT_SECTOR = 6;

  private BootSectors() {}

  /** The 512-byte boot sector. */
  public static byte[] bootSector(FatVolume volume, FatGeometry g) {
    ByteBuffer b = ByteBuffer.allocate(FatVolume.SECTOR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    boolean fat32 = g.type() == FatType.FAT32;
    boolean floppy = g.mediaDescriptor() == 0xF0;
    int codeStart = fat32 ? 0x5A : 0x3E;
    b.put(0, (byte) 0xEB).put(1, (byte) (codeStart - 2)).put(2, (byte) 0x90);
    b.put(3, padded(volume.oemName(), 8));
    b.putShort(11, (short) g.bytesPerSector());
    b.put(13, (byte) g.sectorsPerCluster());
    b.putShort(14, (short) g.reservedSectors());
    b.put(16, (byte) g.fatCount());
    b.putShort(17, (short) g.rootEntries());
    b.putShort(19, (short) (g.totalSectors() < 0x10000 && !fat32 ? g.totalSectors() : 0));
    b.put(21, (byte) g.mediaDescriptor());
    b.putShort(22, (short) (fat32 ? 0 : g.sectorsPerFat()));
    b.putShort(24, (short) (floppy ? 18 : 63));
    b.putShort(26, (short) (floppy ? 2 : 255));
    b.putInt(28, 0); // hidden sectors: the image is the volume itself
    b.putInt(32, (int) (g.totalSectors() < 0x10000 && !fat32 ? 0 : g.totalSectors()));
    int ext;
    if (fat32) {
      b.putInt(36, (int) g.sectorsPerFat());
      b.putShort(40, (short) 0); // both FATs mirrored
      b.putShort(42, (short) 0); // version 0.0
      b.putInt(44, (int) g.rootCluster());
      b.putShort(48, (short) FSINFO_SECTOR);
      b.putShort(50, (short) BACKUP_BOOT_SECTOR);
      ext = 64;
    } else {
      ext = 36;
    }
    b.put(ext, (byte) (floppy ? 0x00 : 0x80));
    b.put(ext + 2, (byte) 0x29);
    b.putInt(ext + 3, volume.serial());
    b.put(ext + 7, padded(volume.label().isEmpty() ? "NO NAME" : volume.label(), 11));
    b.put(ext + 18, g.type().name().concat("   ").getBytes(StandardCharsets.US_ASCII));
    // boot code: halt forever (this volume is not bootable)
    b.put(codeStart, (byte) 0xF4).put(codeStart + 1, (byte) 0xEB).put(codeStart + 2, (byte) 0xFD);
    b.put(510, (byte) 0x55).put(511, (byte) 0xAA);
    return b.array();
  }

  /** FAT32's FSInfo sector with the free-cluster count and the next-free hint. */
  public static byte[] fsInfo(long freeClusters, long nextFree) {
    ByteBuffer b = ByteBuffer.allocate(FatVolume.SECTOR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, 0x41615252);
    b.putInt(484, 0x61417272);
    b.putInt(488, (int) freeClusters);
    b.putInt(492, (int) nextFree);
    b.putInt(508, 0xAA550000);
    return b.array();
  }

  private static byte[] padded(String s, int length) {
    return String.format("%-" + length + "s", s).getBytes(StandardCharsets.US_ASCII);
  }
}
