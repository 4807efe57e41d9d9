package dev.forensics.triage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files for the triage tests: the real-program fixtures, and hand-built edge cases. */
final class TriageFixtures {

  private TriageFixtures() {}

  /** A fixture made by a real program (see src/test/resources/triage/real/make.sh), copied to {@code dir}. */
  static Path real(Path dir, String name) {
    return real(dir, name, name);
  }

  /** A real-program fixture copied to {@code dir} under another name. */
  static Path real(Path dir, String name, String as) {
    try (InputStream in = TriageFixtures.class.getResourceAsStream("/triage/real/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      Path p = dir.resolve(as);
      Files.write(p, in.readAllBytes());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String name) {
    try (InputStream in = TriageFixtures.class.getResourceAsStream("/triage/real/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seeded random bytes. */
  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** A ZIP written by java.util.zip with these entries, in this order. */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Map<String, byte[]> entries(String... nameThenText) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenText.length; i += 2) {
      m.put(nameThenText[i], nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  /**
   * A minimal OLE2 compound file ([MS-CFB] version 3, 512-byte sectors): a root entry and empty
   * streams with these names; sector 0 is the FAT, the directory follows.
   */
  static byte[] ole2(String... streams) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (String s : streams) {
      m.put(s, new byte[0]);
    }
    return ole2(m);
  }

  /**
   * A minimal OLE2 compound file with these streams; a stream with content is padded to 4,096 bytes
   * (so that it lives in regular sectors, not the mini stream) and stored after the directory.
   */
  static byte[] ole2(Map<String, byte[]> contents) {
    String[] streams = contents.keySet().toArray(new String[0]);
    int entries = streams.length + 1;
    int dirSectors = (entries + 3) / 4;
    int dataSectors = 0;
    for (byte[] c : contents.values()) {
      dataSectors += c.length == 0 ? 0 : (Math.max(c.length, 4096) + 511) / 512;
    }
    ByteBuffer b = ByteBuffer.allocate(512 * (2 + dirSectors + dataSectors)).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(0, 0xE11AB1A1E011CFD0L);
    b.putShort(0x18, (short) 0x3E);
    b.putShort(0x1A, (short) 3);
    b.putShort(0x1C, (short) 0xFFFE);
    b.putShort(0x1E, (short) 9);
    b.putShort(0x20, (short) 6);
    b.putInt(0x2C, 1);
    b.putInt(0x30, 1);
    b.putInt(0x38, 4096);
    b.putInt(0x3C, 0xFFFFFFFE);
    b.putInt(0x44, 0xFFFFFFFE);
    for (int i = 0; i < 109; i++) {
      b.putInt(0x4C + i * 4, i == 0 ? 0 : 0xFFFFFFFF);
    }
    int fat = 512;
    for (int i = 0; i < 128; i++) {
      b.putInt(fat + i * 4, 0xFFFFFFFF);
    }
    b.putInt(fat, 0xFFFFFFFD);
    for (int s = 1; s <= dirSectors; s++) {
      b.putInt(fat + s * 4, s == dirSectors ? 0xFFFFFFFE : s + 1);
    }
    String[] names = new String[entries];
    names[0] = "Root Entry";
    System.arraycopy(streams, 0, names, 1, streams.length);
    for (int i = 0; i < entries; i++) {
      int at = 1024 + i * 128;
      byte[] name = (names[i] + "\0").getBytes(StandardCharsets.UTF_16LE);
      b.position(at);
      b.put(name);
      b.putShort(at + 0x40, (short) name.length);
      b.put(at + 0x42, (byte) (i == 0 ? 5 : 2));
      b.putInt(at + 0x44, i + 1 < entries ? i + 1 : 0xFFFFFFFF); // right sibling: a simple chain
      b.putInt(at + 0x48, 0xFFFFFFFF);
      b.putInt(at + 0x4C, i == 0 ? 1 : 0xFFFFFFFF);
      b.putInt(at + 0x74, 0xFFFFFFFE);
    }
    int next = 1 + dirSectors;
    for (int i = 1; i < entries; i++) {
      byte[] c = contents.get(names[i]);
      if (c.length == 0) {
        continue;
      }
      int size = Math.max(c.length, 4096);
      int sectors = (size + 511) / 512;
      int at = 1024 + i * 128;
      b.putInt(at + 0x74, next);
      b.putInt(at + 0x78, size);
      b.position((next + 1) * 512);
      b.put(c);
      for (int k = 0; k < sectors; k++) {
        b.putInt(fat + (next + k) * 4, k == sectors - 1 ? 0xFFFFFFFE : next + k + 1);
      }
      next += sectors;
    }
    return b.array();
  }

  static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static Path write(Path dir, String name, byte[] content) {
    try {
      Path p = dir.resolve(name);
      Files.write(p, content);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A minimal 32-bit Windows PE header (DOS header with its stub message, PE signature at 0x80, COFF
   * header for i386, optional header magic 0x10B), enough for signature-based identification.
   */
  static byte[] pe() {
    ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) 'M').put(1, (byte) 'Z');
    b.putShort(2, (short) 0x90);
    b.putShort(4, (short) 3);
    b.putShort(8, (short) 4);
    b.putShort(0x18, (short) 0x40);
    b.putInt(0x3C, 0x80);
    byte[] stub = "This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII);
    b.position(0x4E);
    b.put(stub);
    b.putInt(0x80, 0x00004550);
    b.putShort(0x84, (short) 0x14C);
    b.putShort(0x86, (short) 1);
    b.putShort(0x94, (short) 0xE0);
    b.putShort(0x96, (short) 0x102);
    b.putShort(0x98, (short) 0x10B);
    return b.array();
  }
}
