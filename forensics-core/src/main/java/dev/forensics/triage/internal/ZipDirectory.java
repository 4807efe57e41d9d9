package dev.forensics.triage.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a ZIP file's central directory says, read from the end of the file (end-of-central-directory
 * record, ZIP64 locator, central directory) without reading the members: entry count, encrypted
 * entries and the entries whose names identify a container format. Memory is bounded whatever the
 * number of entries; damage is recorded as problems, never thrown.
 */
public final class ZipDirectory {

  /** Entry names that identify container formats (OOXML, ODF, EPUB, JAR, APK, Visio). */
  private static final List<String> MARKERS =
      List.of(
          "[Content_Types].xml",
          "word/document.xml",
          "xl/workbook.xml",
          "xl/workbook.bin",
          "ppt/presentation.xml",
          "visio/document.xml",
          "mimetype",
          "META-INF/container.xml",
          "META-INF/MANIFEST.MF",
          "AndroidManifest.xml",
          "classes.dex");

  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int LOCAL = 0x04034b50;
  private static final long MAX_ENTRIES_READ = 1_000_000;
  private static final int MAX_SMALL_ENTRY = 1 << 20;

  /** Where a marker entry's data is. */
  private record Member(long localHeader, int method, long compressedSize, long size, boolean encrypted) {}

  private final FileBytes file;
  private final Map<String, Member> markers = new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private long entries;
  private long encryptedEntries;
  private long logicalEnd = -1;
  private boolean found;

  private ZipDirectory(FileBytes file) {
    this.file = file;
  }

  /** Reads the directory of a ZIP file; never throws for a damaged file (see {@link #problems()}). */
  public static ZipDirectory read(FileBytes file) throws IOException {
    ZipDirectory z = new ZipDirectory(file);
    z.parse();
    return z;
  }

  /** Whether an end-of-central-directory record was found. */
  public boolean found() {
    return found;
  }

  public long entries() {
    return entries;
  }

  public long encryptedEntries() {
    return encryptedEntries;
  }

  /** The end of the EOCD record and its comment, -1 if not found. */
  public long logicalEnd() {
    return logicalEnd;
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public boolean has(String name) {
    return markers.containsKey(name);
  }

  /**
   * The text of a small marker entry (stored or deflated, at most 1 MiB), or null when it is absent,
   * encrypted, too large or damaged (damage is added to the problems).
   */
  public String text(String name) throws IOException {
    Member m = markers.get(name);
    if (m == null || m.encrypted || m.size > MAX_SMALL_ENTRY || m.compressedSize > MAX_SMALL_ENTRY) {
      return null;
    }
    byte[] lh = file.read(m.localHeader, 30);
    if (lh.length < 30 || (int) FileBytes.u32(lh, 0) != LOCAL) {
      problems.add("local header of " + name + " missing at offset " + m.localHeader);
      return null;
    }
    long data = m.localHeader + 30 + FileBytes.u16(lh, 26) + FileBytes.u16(lh, 28);
    byte[] raw = file.read(data, (int) m.compressedSize);
    if (raw.length < m.compressedSize) {
      problems.add("entry " + name + " is truncated");
      return null;
    }
    if (m.method == 0) {
      return new String(raw, StandardCharsets.UTF_8);
    }
    if (m.method != 8) {
      return null;
    }
    Inflater inf = new Inflater(true);
    try {
      inf.setInput(raw);
      byte[] out = new byte[(int) Math.max(0, Math.min(m.size, MAX_SMALL_ENTRY))];
      int n = 0;
      while (n < out.length && !inf.finished()) {
        int r = inf.inflate(out, n, out.length - n);
        if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        n += r;
      }
      return new String(out, 0, n, StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      problems.add("entry " + name + " cannot be inflated: " + e.getMessage());
      return null;
    } finally {
      inf.end();
    }
  }

  private void parse() throws IOException {
    long size = file.size();
    int tailLength = (int) Math.min(size, 22 + 65535 + 20);
    long tailStart = size - tailLength;
    byte[] tail = file.read(tailStart, tailLength);
    int eocd = -1;
    for (int i = tail.length - 22; i >= 0; i--) {
      if ((int) FileBytes.u32(tail, i) == EOCD && i + 22 + FileBytes.u16(tail, i + 20) <= tail.length) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      problems.add("no end-of-central-directory record: the ZIP is truncated or damaged");
      return;
    }
    found = true;
    logicalEnd = tailStart + eocd + 22 + FileBytes.u16(tail, eocd + 20);
    long count = FileBytes.u16(tail, eocd + 10);
    long cdSize = FileBytes.u32(tail, eocd + 12);
    long cdOffset = FileBytes.u32(tail, eocd + 16);
    if (count == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
      long locatorPos = tailStart + eocd - 20;
      byte[] loc = file.read(locatorPos, 20);
      if (loc.length == 20 && (int) FileBytes.u32(loc, 0) == ZIP64_LOCATOR) {
        byte[] z64 = file.read(FileBytes.u64(loc, 8), 56);
        if (z64.length == 56 && (int) FileBytes.u32(z64, 0) == ZIP64_EOCD) {
          count = FileBytes.u64(z64, 32);
          cdSize = FileBytes.u64(z64, 40);
          cdOffset = FileBytes.u64(z64, 48);
        } else {
          problems.add("ZIP64 end-of-central-directory record missing");
          return;
        }
      }
    }
    if (cdOffset < 0 || cdOffset + cdSize > size || count < 0) {
      problems.add("central directory at offset " + cdOffset + " (" + cdSize + " bytes) lies outside the file");
      return;
    }
    readCentral(cdOffset, cdSize, count);
  }

  private void readCentral(long offset, long length, long declared) throws IOException {
    long pos = offset;
    long end = offset + length;
    byte[] chunk = new byte[0];
    long chunkStart = pos;
    while (pos < end && entries < MAX_ENTRIES_READ) {
      if (pos + 46 > chunkStart + chunk.length) {
        chunkStart = pos;
        chunk = file.read(pos, (int) Math.min(1 << 16, end - pos));
      }
      int at = (int) (pos - chunkStart);
      if (at + 46 > chunk.length || (int) FileBytes.u32(chunk, at) != CENTRAL) {
        problems.add("central directory entry " + (entries + 1) + " damaged at offset " + pos);
        return;
      }
      int flags = FileBytes.u16(chunk, at + 8);
      int method = FileBytes.u16(chunk, at + 10);
      long csize = FileBytes.u32(chunk, at + 20);
      long usize = FileBytes.u32(chunk, at + 24);
      int nameLength = FileBytes.u16(chunk, at + 28);
      int extraLength = FileBytes.u16(chunk, at + 30);
      int commentLength = FileBytes.u16(chunk, at + 32);
      long local = FileBytes.u32(chunk, at + 42);
      int record = 46 + nameLength + extraLength + commentLength;
      if (at + record > chunk.length) {
        chunkStart = pos;
        chunk = file.read(pos, (int) Math.min(Math.max(1 << 16, record), end - pos));
        at = 0;
        if (record > chunk.length) {
          problems.add("central directory entry " + (entries + 1) + " runs past the directory at offset " + pos);
          return;
        }
      }
      boolean encrypted = (flags & 1) != 0 || method == 99;
      entries++;
      if (encrypted) {
        encryptedEntries++;
      }
      if (nameLength <= 64) {
        String name = new String(chunk, at + 46, nameLength, StandardCharsets.UTF_8);
        if (MARKERS.contains(name)) {
          markers.putIfAbsent(name, new Member(local, method, csize, usize, encrypted));
        }
      }
      pos += record;
    }
    if (entries != declared && entries < MAX_ENTRIES_READ) {
      problems.add("the end record declares " + declared + " entries, the central directory holds " + entries);
    }
  }

  /** The lower-cased text, for case-insensitive searches of small marker entries. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
