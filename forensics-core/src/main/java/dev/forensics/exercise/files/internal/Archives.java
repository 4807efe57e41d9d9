package dev.forensics.exercise.files.internal;

import dev.forensics.exercise.files.Draw;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * ZIP (java.util.zip), ustar TAR and GZIP (RFC 1952) files with fixed times, owners and order, so the
 * same members give the same bytes.
 */
public final class Archives {

  /** Owner written into TAR headers: no host user leaks into the output. */
  static final int TAR_UID = 1000;
  static final String TAR_USER = "user";
  /** GZIP OS byte: 3 = Unix, whatever the host. */
  static final int GZIP_OS_UNIX = 3;

  private Archives() {}

  /** A few seeded members (text notes, a CSV ledger, a PNG picture) for archive generators. */
  public static List<Member> sampleMembers(Draw draw, Instant modified) throws IOException {
    List<Member> members = new ArrayList<>();
    int texts = draw.between(1, 3);
    for (int i = 0; i < texts; i++) {
      members.add(new Member("notes/" + draw.word() + "-" + (i + 1) + ".txt", Texts.text(draw.child("text" + i))));
    }
    members.add(new Member(draw.word() + "-ledger.csv", Texts.csv(draw.child("csv"), modified)));
    members.add(new Member("pictures/" + draw.word() + ".png", Pictures.png(draw.child("png"))));
    return members;
  }

  /**
   * A ZIP archive: members in the given order, deflated, each with sizes and CRC in the local header
   * (no data descriptor), the DOS time of {@code modified} in UTC and no extra fields or comment.
   */
  public static byte[] zip(List<Member> members, Instant modified) throws IOException {
    LocalDateTime time = LocalDateTime.ofInstant(modified, ZoneOffset.UTC);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Member m : members) {
        byte[] content = m.content();
        ZipEntry entry = new ZipEntry(m.name());
        entry.setTimeLocal(time);
        entry.setMethod(ZipEntry.DEFLATED);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setSize(content.length);
        entry.setCompressedSize(deflatedSize(content));
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Size of the raw deflate stream ZipOutputStream writes (same settings as its own Deflater). */
  private static long deflatedSize(byte[] content) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(content);
      deflater.finish();
      byte[] buffer = new byte[8192];
      long total = 0;
      while (!deflater.finished()) {
        total += deflater.deflate(buffer);
      }
      return total;
    } finally {
      deflater.end();
    }
  }

  /**
   * A POSIX ustar archive: one regular-file header per member (mode 0644, uid/gid 1000, user and group
   * {@code user}, mtime {@code modified}), two zero blocks, padded to a 10240-byte record as GNU tar does.
   *
   * @throws IllegalArgumentException when a name is longer than 100 bytes or not ASCII
   */
  public static byte[] tar(List<Member> members, Instant modified) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Member m : members) {
      byte[] content = m.content();
      out.writeBytes(ustarHeader(m.name(), content.length, modified.getEpochSecond()));
      out.writeBytes(content);
      out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }
    out.writeBytes(new byte[1024]);
    int record = 10240;
    out.writeBytes(new byte[(record - out.size() % record) % record]);
    return out.toByteArray();
  }

  private static byte[] ustarHeader(String name, long size, long mtime) {
    byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
    if (nameBytes.length > 100 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
      throw new IllegalArgumentException("tar member name must be ASCII and at most 100 bytes: " + name);
    }
    if (mtime < 0) {
      throw new IllegalArgumentException("tar mtime before 1970 cannot be written: " + mtime);
    }
    byte[] h = new byte[512];
    System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, TAR_UID);
    octal(h, 116, 8, TAR_UID);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    h[156] = '0';
    ascii(h, 257, "ustar\0");
    ascii(h, 263, "00");
    ascii(h, 265, TAR_USER);
    ascii(h, 297, TAR_USER);
    octal(h, 329, 8, 0);
    octal(h, 337, 8, 0);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xFF;
    }
    // checksum: six octal digits, NUL, space
    String digits = String.format("%06o", sum);
    ascii(h, 148, digits);
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  /** Writes {@code value} as zero-padded octal digits filling {@code width - 1} bytes, then a NUL. */
  private static void octal(byte[] h, int offset, int width, long value) {
    String digits = Long.toOctalString(value);
    if (digits.length() > width - 1) {
      throw new IllegalArgumentException("value " + value + " does not fit a " + width + "-byte tar field");
    }
    ascii(h, offset, "0".repeat(width - 1 - digits.length()) + digits);
    h[offset + width - 1] = 0;
  }

  private static void ascii(byte[] h, int offset, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, offset, b.length);
  }

  /**
   * A GZIP member (RFC 1952): FLG = FNAME only, MTIME = {@code modified} in seconds, XFL = 2 (maximum
   * compression), OS = 3 (Unix), the original name, a raw deflate stream at level 9, CRC-32 and ISIZE.
   *
   * @param originalName ISO 8859-1 name stored in FNAME, without NUL
   */
  public static byte[] gzip(String originalName, byte[] content, Instant modified) {
    long mtime = modified.getEpochSecond();
    if (mtime < 0 || mtime > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("gzip MTIME must fit 32 unsigned bits: " + modified);
    }
    if (originalName.indexOf('\0') >= 0 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(originalName)) {
      throw new IllegalArgumentException("gzip name must be ISO 8859-1 without NUL: " + originalName);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0x08});
    writeLe32(out, mtime);
    out.write(2);
    out.write(GZIP_OS_UNIX);
    out.writeBytes(originalName.getBytes(StandardCharsets.ISO_8859_1));
    out.write(0);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(content);
      deflater.finish();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(content);
    writeLe32(out, crc.getValue());
    writeLe32(out, content.length & 0xFFFF_FFFFL);
    return out.toByteArray();
  }

  private static void writeLe32(ByteArrayOutputStream out, long v) {
    out.write((int) v & 0xFF);
    out.write((int) (v >>> 8) & 0xFF);
    out.write((int) (v >>> 16) & 0xFF);
    out.write((int) (v >>> 24) & 0xFF);
  }
}
