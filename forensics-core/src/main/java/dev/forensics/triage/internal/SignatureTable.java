package dev.forensics.triage.internal;

import java.nio.charset.StandardCharsets;

/**
 * A first-pass signature matcher for the common formats: a few fixed bytes at fixed offsets, checked in
 * one look at the first bytes of a file, that give the same media type as tika-core's {@code MimeTypes}
 * would, at a small fraction of its cost (tika-core evaluates some 850 signatures, many of them regular
 * expressions over the first 64 KiB).
 *
 * <p>It answers only where the signature is unambiguous in tika-core's own table
 * ({@code tika-mimetypes.xml}, 3.3.x). Where tika-core knows a more specific type that starts with the
 * same bytes (a ZIP whose first entry is a {@code mimetype} other than the common ODF and EPUB ones, an
 * SQLite header with an application id such as GeoPackage's, a Canon CR2 inside a TIFF, an ID3 tag that
 * may hold MP3 or AAC, a compressed BMP, a PE header at an offset tika-core does not list, an ELF core
 * dump) it returns {@code null} and the caller asks tika-core. An OLE2 file gets tika-core's generic OLE2
 * type, which only its directory can refine: when the directory names no known format, the caller must
 * ask tika-core too. Stateless and thread-safe.
 */
public final class SignatureTable {

  /** How many first bytes the table looks at (up to the end of a tar header's magic). */
  public static final int NEEDED = 265;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
  private static final byte[] SEVEN_ZIP = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  private static final byte[] SQLITE = ascii("SQLite format 3\0");
  private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
  private static final byte[] GIF87 = ascii("GIF87a");
  private static final byte[] GIF89 = ascii("GIF89a");
  private static final byte[] PDF = ascii("%PDF-");
  private static final byte[] RIFF = ascii("RIFF");
  private static final byte[] WEBP = ascii("WEBP");
  private static final byte[] WAVE = ascii("WAVE");
  private static final byte[] TIFF_LE = {'I', 'I', 0x2a, 0};
  private static final byte[] TIFF_BE = {'M', 'M', 0, 0x2a};
  private static final byte[] BIGTIFF_BE = {'M', 'M', 0, 0x2b};
  private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
  private static final byte[] ZIP_END = {'P', 'K', 5, 6};
  private static final byte[] ZIP_SPANNED = {'P', 'K', 7, 8};
  private static final byte[] PE = {'P', 'E', 0, 0};
  /** First names in a ZIP for which tika-core has a more specific signature (ODF, EPUB, OOXML, ASiC). */
  private static final byte[][] ZIP_SPECIFIC_FIRST_NAMES = {
      ascii("mimetype"), ascii("[Content_Types].xml"), ascii("_rels/.rels")};
  private static final byte[] MIMETYPE = ascii("mimetype");
  /** {@code mimetype} values answered here (templates, masters and the rest go to tika-core). */
  private static final java.util.Set<String> DECLARED_TYPES = java.util.Set.of(
      "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
      "application/vnd.oasis.opendocument.presentation", "application/vnd.oasis.opendocument.graphics",
      "application/epub+zip");
  private static final byte[] USTAR_GNU = ascii("ustar  \0");
  private static final byte[] USTAR_POSIX = ascii("ustar\0");
  private static final byte[][] OOXML_FIRST_NAMES = {ascii("[Content_Types].xml"), ascii("_rels/.rels")};

  /** tika-core's type for OLE2 files before their directory is read. */
  public static final String OLE2_TYPE = "application/x-tika-msoffice";

  private SignatureTable() {}

  /**
   * The media type tika-core would give these first bytes, or {@code null} when the table cannot tell
   * it for certain.
   *
   * @param head the first bytes of the file ({@link #NEEDED} or all of a shorter file)
   * @param length how many bytes of {@code head} are valid
   */
  public static String match(byte[] head, int length) {
    if (length < 4) {
      return null;
    }
    int b0 = head[0] & 0xff;
    int b1 = head[1] & 0xff;
    switch (b0) {
      case 0xFF:
        if (b1 == 0xD8 && (head[2] & 0xff) == 0xFF) {
          return "image/jpeg";
        }
        return mpegFrame(b1) ? "audio/mpeg" : null;
      case 0x89:
        return at(head, length, 0, PNG) ? "image/png" : null;
      case 'G':
        return at(head, length, 0, GIF87) || at(head, length, 0, GIF89) ? "image/gif" : null;
      case '%':
        return at(head, length, 0, PDF) ? "application/pdf" : null;
      case 'P':
        return zip(head, length);
      case 0x1F:
        return b1 == 0x8B ? "application/gzip" : null;
      case '7':
        return at(head, length, 0, SEVEN_ZIP) ? "application/x-7z-compressed" : null;
      case 0xD0:
        return at(head, length, 0, OLE2) ? OLE2_TYPE : null;
      case 0x7F:
        return elf(head, length);
      case 'S':
        // tika-core has more specific types for a dozen SQLite application ids (offset 68); none set: plain
        return at(head, length, 0, SQLITE) && length >= 72 && u32be(head, 68) == 0 ? "application/x-sqlite3" : null;
      case 'R':
        return riff(head, length);
      case 'B':
        return b1 == 'M' ? bmp(head, length) : null;
      case 'I':
      case 'M':
        if (at(head, length, 0, TIFF_LE) || at(head, length, 0, TIFF_BE) || at(head, length, 0, BIGTIFF_BE)) {
          // Canon CR2 is a TIFF with "CR" at offset 8
          return length >= 10 && head[8] == 'C' && head[9] == 'R' ? null : "image/tiff";
        }
        return b0 == 'M' && b1 == 'Z' ? pe(head, length) : null;
      default:
        return tar(head, length);
    }
  }

  /**
   * An uncompressed Windows bitmap as tika-core's signature says: one plane (offset 26), a usual bit
   * depth (offset 28) and compression 0 (offset 30). A compressed one goes to tika-core.
   */
  private static String bmp(byte[] head, int length) {
    if (length < 34 || head[26] != 1 || head[27] != 0 || head[29] != 0
        || head[30] != 0 || head[31] != 0 || head[32] != 0 || head[33] != 0) {
      return null;
    }
    switch (head[28]) {
      case 0: case 1: case 4: case 8: case 0x10: case 0x18: case 0x20:
        return "image/bmp";
      default:
        return null;
    }
  }

  /** A tar header's magic at offset 257: GNU ("ustar  \0") or POSIX ("ustar\0"). */
  private static String tar(byte[] head, int length) {
    if (at(head, length, 257, USTAR_GNU)) {
      return "application/x-gtar";
    }
    return at(head, length, 257, USTAR_POSIX) ? "application/x-tar" : null;
  }

  /** An MPEG audio frame header as tika-core lists it (FFE3, FFF2-FFF7, FFFA-FFFD). */
  private static boolean mpegFrame(int b1) {
    return b1 == 0xE3 || (b1 >= 0xF2 && b1 <= 0xF7) || (b1 >= 0xFA && b1 <= 0xFD);
  }

  private static String zip(byte[] head, int length) {
    if (at(head, length, 0, ZIP_END) || at(head, length, 0, ZIP_SPANNED)) {
      return "application/zip";
    }
    if (!at(head, length, 0, ZIP_LOCAL) || length < 30 + 19) {
      return null;
    }
    for (byte[] name : OOXML_FIRST_NAMES) {
      if (at(head, length, 30, name)) {
        return "application/x-tika-ooxml";
      }
    }
    String declared = declaredMimetype(head, length);
    if (declared != null) {
      return declared;
    }
    for (byte[] name : ZIP_SPECIFIC_FIRST_NAMES) {
      if (at(head, length, 30, name)) {
        return null;
      }
    }
    return "application/zip";
  }

  /**
   * The ODF or EPUB type a ZIP's first entry {@code mimetype} holds, when it is stored right after the
   * name (as tika-core's signatures, "mimetype" + the type at offset 30, expect) and is one of the
   * common types below, none of which is the beginning of another type tika-core knows.
   */
  private static String declaredMimetype(byte[] head, int length) {
    int nameLength = u16le(head, 26);
    int extraLength = u16le(head, 28);
    if (nameLength != 8 || extraLength != 0 || !at(head, length, 30, MIMETYPE)) {
      return null;
    }
    int valueLength = (int) Math.min(u32le(head, 18), 128); // stored: compressed size is the value's length
    if (38 + valueLength > length) {
      return null;
    }
    String value = new String(head, 38, valueLength, StandardCharsets.ISO_8859_1);
    return DECLARED_TYPES.contains(value) ? value : null;
  }

  /** ELF by its e_type (either byte order, as tika-core checks it). */
  private static String elf(byte[] head, int length) {
    if (!at(head, length, 0, ELF) || length < 18) {
      return null;
    }
    int a = head[16] & 0xff;
    int b = head[17] & 0xff;
    int type = a == 0 ? b : b == 0 ? a : -1;
    switch (type) {
      case 1:
        return "application/x-object";
      case 2:
        return "application/x-executable";
      case 3:
        return "application/x-sharedlib";
      default: // core dumps and the rest: tika-core decides
        return null;
    }
  }

  private static String riff(byte[] head, int length) {
    if (!at(head, length, 0, RIFF) || length < 12) {
      return null;
    }
    if (at(head, length, 8, WEBP)) {
      return "image/webp";
    }
    if (at(head, length, 8, WAVE)) {
      return "audio/vnd.wave";
    }
    return null;
  }

  /**
   * A PE file whose header sits where tika-core's signatures look (e_lfanew 128 or 240) with a machine
   * type it names; anything else goes to tika-core.
   */
  private static String pe(byte[] head, int length) {
    if (length < 0x40) {
      return null;
    }
    long lfanew = u32le(head, 0x3C);
    if ((lfanew != 128 && lfanew != 240) || length < lfanew + 6 || !at(head, length, (int) lfanew, PE)) {
      return null;
    }
    int machine = (head[(int) lfanew + 4] & 0xff) | (head[(int) lfanew + 5] & 0xff) << 8;
    switch (machine) {
      case 0x014c:
        return "application/x-msdownload; format=pe32";
      case 0x8664:
        return "application/x-msdownload; format=pe64";
      default:
        return null;
    }
  }

  private static boolean at(byte[] b, int length, int offset, byte[] expected) {
    if (offset + expected.length > length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (b[offset + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u16le(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  private static long u32be(byte[] b, int off) {
    return ((long) (b[off] & 0xff) << 24) | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
  }

  private static long u32le(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | ((long) (b[off + 3] & 0xff) << 24);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
