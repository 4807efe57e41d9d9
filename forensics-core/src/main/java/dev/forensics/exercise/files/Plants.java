package dev.forensics.exercise.files;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Plants hidden artifacts into generated pictures: data appended after an image's end, a ZIP archive
 * after the end, a payload inside a JPEG comment segment. Each returns the new file (same kind, label and
 * time) and where the artifact is. Exact duplicates need no helper: generating the same label again gives
 * the same bytes.
 */
public final class Plants {

  private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
  private static final int MAX_COMMENT = 65535 - 2;

  private Plants() {}

  /**
   * Appends {@code payload} after the end of a JPEG (EOI marker), PNG (IEND chunk) or GIF (trailer byte).
   * Viewers show the picture unchanged; the payload starts at the old file size.
   *
   * @throws IllegalArgumentException when the file is not such a picture or does not end with its end marker
   */
  public static Planted appendAfterEnd(GeneratedFile image, byte[] payload, String description) {
    Objects.requireNonNull(payload, "payload");
    byte[] bytes = image.content();
    requireImageEnd(image.kind(), bytes);
    byte[] out = Arrays.copyOf(bytes, bytes.length + payload.length);
    System.arraycopy(payload, 0, out, bytes.length, payload.length);
    return planted(image, out, description, bytes.length, payload.length);
  }

  /**
   * Appends a ZIP archive after the picture's end, the classic picture-with-an-archive trick
   * ({@code unzip} lists it, warning about extra bytes at the beginning).
   *
   * @throws IllegalArgumentException when {@code zip} is not a ZIP archive
   */
  public static Planted appendZip(GeneratedFile image, GeneratedFile zip) {
    byte[] archive = zip.content();
    if (archive.length < 4 || archive[0] != 'P' || archive[1] != 'K' || archive[2] != 3 || archive[3] != 4) {
      throw new IllegalArgumentException("not a ZIP archive (no PK\\3\\4 local header): " + zip.label());
    }
    return appendAfterEnd(image, archive, "ZIP archive " + zip.label() + " after the " + image.kind() + " end");
  }

  /**
   * Inserts {@code payload} as a JPEG comment (COM, marker FF FE) segment after the JFIF APP0 segment (or
   * right after SOI when there is none). The reported offset is that of the payload, after the marker
   * and length.
   *
   * @throws IllegalArgumentException when the file is not a JPEG or the payload exceeds 65533 bytes
   */
  public static Planted embedInJpegComment(GeneratedFile jpeg, byte[] payload, String description) {
    Objects.requireNonNull(payload, "payload");
    if (jpeg.kind() != FileKind.JPEG) {
      throw new IllegalArgumentException("a comment segment needs a JPEG, got " + jpeg.kind());
    }
    if (payload.length > MAX_COMMENT) {
      throw new IllegalArgumentException("a JPEG comment holds at most " + MAX_COMMENT + " bytes, got " + payload.length);
    }
    byte[] bytes = jpeg.content();
    requireImageEnd(FileKind.JPEG, bytes);
    int at = 2;
    if (bytes.length > 6 && (bytes[2] & 0xFF) == 0xFF && (bytes[3] & 0xFF) == 0xE0) {
      at = 4 + (((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF));
    }
    int length = payload.length + 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + payload.length + 4);
    out.write(bytes, 0, at);
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (length >>> 8), (byte) length});
    out.writeBytes(payload);
    out.write(bytes, at, bytes.length - at);
    return planted(jpeg, out.toByteArray(), description, at + 4, payload.length);
  }

  private static Planted planted(GeneratedFile original, byte[] content, String description, int offset, int length) {
    GeneratedFile file = new GeneratedFile(original.kind(), original.label(), content, original.modified());
    return new Planted(file, new Plant(description, offset, length, GeneratedFile.sha256(content, offset, length)));
  }

  private static void requireImageEnd(FileKind kind, byte[] b) {
    boolean ok = switch (kind) {
      case JPEG -> b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8
          && (b[b.length - 2] & 0xFF) == 0xFF && (b[b.length - 1] & 0xFF) == 0xD9;
      case PNG -> b.length >= 8 + PNG_IEND.length
          && Arrays.equals(b, b.length - PNG_IEND.length, b.length, PNG_IEND, 0, PNG_IEND.length);
      case GIF -> b.length >= 7 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[b.length - 1] == 0x3B;
      default -> throw new IllegalArgumentException("data can be planted after the end of JPEG, PNG or GIF only, got "
          + kind);
    };
    if (!ok) {
      throw new IllegalArgumentException(kind + " does not end with its end marker; already planted?");
    }
  }
}
