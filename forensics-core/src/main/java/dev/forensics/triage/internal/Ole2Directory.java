package dev.forensics.triage.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entry names of an OLE2 compound file ([MS-CFB]): the header, the FAT sectors that chain the
 * directory, and the directory sectors, read on demand; memory is bounded by the number of names kept.
 * Damage (bad sector numbers, loops) is recorded as a problem, never thrown.
 */
public final class Ole2Directory {

  private static final long SIGNATURE = 0xE11AB1A1E011CFD0L;
  private static final long END_OF_CHAIN = 0xFFFFFFFEL;
  private static final int MAX_DIRECTORY_SECTORS = 16_384;
  private static final int MAX_NAMES = 4_096;

  private final FileBytes file;
  private final Set<String> names = new LinkedHashSet<>();
  /** Start sector and size of the streams whose first bytes tell encryption, and of the root (mini stream). */
  private final java.util.Map<String, long[]> streams = new java.util.HashMap<>();
  private static final Set<String> HEADS = Set.of("WordDocument", "Workbook", "Book", "Root Entry");
  private final List<String> problems = new ArrayList<>();
  private int sectorSize;
  private byte[] header;

  private Ole2Directory(FileBytes file) {
    this.file = file;
  }

  /** Reads the directory entry names; never throws for a damaged file (see {@link #problems()}). */
  public static Ole2Directory read(FileBytes file) throws IOException {
    Ole2Directory d = new Ole2Directory(file);
    d.parse();
    return d;
  }

  /** The names of the storages and streams, in directory order (at most 4,096). */
  public Set<String> names() {
    return java.util.Collections.unmodifiableSet(names);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  private void parse() throws IOException {
    header = file.read(0, 512);
    if (header.length < 512 || FileBytes.u64(header, 0) != SIGNATURE) {
      problems.add("OLE2 header truncated or without its signature");
      return;
    }
    int shift = FileBytes.u16(header, 0x1E);
    if (shift != 9 && shift != 12) {
      problems.add("OLE2 sector size 2^" + shift + " is not 512 or 4096");
      return;
    }
    sectorSize = 1 << shift;
    long sector = FileBytes.u32(header, 0x30);
    // a chain visits each sector at most once: longer than the file's sector count is a loop
    long limit = Math.min(MAX_DIRECTORY_SECTORS, file.size() / sectorSize + 1);
    int visited = 0;
    while (sector != END_OF_CHAIN) {
      if (++visited > limit) {
        problems.add("OLE2 directory chain longer than the file's " + limit + " sectors (a loop)");
        return;
      }
      byte[] s = file.read(offset(sector), sectorSize);
      if (s.length < sectorSize) {
        problems.add("OLE2 directory sector " + sector + " lies outside the file");
        return;
      }
      for (int e = 0; e + 128 <= sectorSize && names.size() < MAX_NAMES; e += 128) {
        int nameBytes = FileBytes.u16(s, e + 0x40);
        int type = s[e + 0x42];
        if (type < 1 || type > 5 || nameBytes < 2 || nameBytes > 64) {
          continue;
        }
        String name = new String(s, e, nameBytes - 2, StandardCharsets.UTF_16LE);
        names.add(name);
        if (HEADS.contains(name) && (type == 2 || type == 5)) {
          streams.putIfAbsent(name, new long[] {FileBytes.u32(s, e + 0x74), FileBytes.u32(s, e + 0x78)});
        }
      }
      long next = fatEntry(sector);
      if (next < 0) {
        return;
      }
      sector = next;
    }
  }

  /**
   * The first bytes (at most one sector, 64 bytes from the mini stream) of a WordDocument, Workbook or
   * Book stream, or an empty array when it is absent or cannot be read (a problem is recorded).
   */
  public byte[] streamHead(String name) throws IOException {
    long[] st = streams.get(name);
    if (st == null || header == null || sectorSize == 0 || st[1] == 0) {
      return new byte[0];
    }
    long cutoff = FileBytes.u32(header, 0x38);
    if (st[1] >= cutoff) {
      return file.read(offset(st[0]), (int) Math.min(sectorSize, st[1]));
    }
    // in the mini stream: 64-byte mini sectors stored in the root entry's chain of regular sectors
    long[] root = streams.get("Root Entry");
    if (root == null) {
      problems.add("OLE2 root entry missing: the mini stream cannot be read");
      return new byte[0];
    }
    long miniOffset = st[0] * 64;
    long sector = root[0];
    long hops = miniOffset / sectorSize;
    long limit = file.size() / sectorSize + 1;
    for (long i = 0; i < hops; i++) {
      if (i > limit || sector >= 0xFFFFFFFAL) {
        problems.add("OLE2 mini stream chain damaged");
        return new byte[0];
      }
      sector = fatEntry(sector);
      if (sector < 0) {
        return new byte[0];
      }
    }
    if (sector >= 0xFFFFFFFAL) {
      problems.add("OLE2 mini stream chain damaged");
      return new byte[0];
    }
    return file.read(offset(sector) + miniOffset % sectorSize, (int) Math.min(64, st[1]));
  }

  private long offset(long sector) {
    return (sector + 1) * sectorSize;
  }

  /** The FAT entry of a sector (the next sector of its chain), -1 with a problem when unreadable. */
  private long fatEntry(long sector) throws IOException {
    int perSector = sectorSize / 4;
    long fatIndex = sector / perSector;
    long fatSector = fatSector(fatIndex);
    if (fatSector < 0) {
      return -1;
    }
    byte[] b = file.read(offset(fatSector) + (sector % perSector) * 4, 4);
    if (b.length < 4) {
      problems.add("OLE2 FAT sector " + fatSector + " lies outside the file");
      return -1;
    }
    return FileBytes.u32(b, 0);
  }

  /** The sector number of the n-th FAT sector, from the header's DIFAT and then the DIFAT chain. */
  private long fatSector(long n) throws IOException {
    if (n < 109) {
      long s = FileBytes.u32(header, 0x4C + (int) n * 4);
      if (s >= 0xFFFFFFFAL) {
        problems.add("OLE2 FAT sector " + n + " is not allocated");
        return -1;
      }
      return s;
    }
    long difat = FileBytes.u32(header, 0x44);
    long index = n - 109;
    int perDifat = sectorSize / 4 - 1;
    int hops = 0;
    while (index >= perDifat) {
      byte[] last = file.read(offset(difat) + (long) perDifat * 4, 4);
      if (last.length < 4 || ++hops > MAX_DIRECTORY_SECTORS) {
        problems.add("OLE2 DIFAT chain damaged");
        return -1;
      }
      difat = FileBytes.u32(last, 0);
      index -= perDifat;
    }
    byte[] b = file.read(offset(difat) + index * 4, 4);
    if (b.length < 4) {
      problems.add("OLE2 DIFAT sector lies outside the file");
      return -1;
    }
    return FileBytes.u32(b, 0);
  }
}
