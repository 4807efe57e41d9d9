package dev.forensics.triage.internal;

/**
 * Follows a format's structure through a stream to find where its data logically ends (JPEG EOI, PNG
 * IEND, GIF trailer, ZIP end record and comment, PDF last %%EOF); bytes after that are appended data.
 */
public interface EndFinder {

  /** Consumes the next bytes of the stream. */
  void update(byte[] b, int off, int len);

  /** The offset just past the logical end, or -1 when the stream ended before it was reached. */
  long logicalEnd();

  /** What marks the end, for a reader ("JPEG end-of-image marker FFD9"). */
  String marker();

  /** The finder for a media type, or null when the type has no known logical end. */
  static EndFinder forType(String mediaType) {
    switch (mediaType) {
      case "image/jpeg":
        return new JpegEnd();
      case "image/png":
        return new PngEnd();
      case "image/gif":
        return new GifEnd();
      case "application/pdf":
        return new PdfEnd();
      case "application/zip":
        return new ZipEnd();
      default:
        return null;
    }
  }

  /** JPEG: segments up to start-of-scan, entropy-coded data (FF00 stuffing, RSTn) up to the EOI marker. */
  final class JpegEnd implements EndFinder {
    private static final int SOI0 = 0, SOI1 = 1, MARKER_FF = 2, MARKER = 3, LEN1 = 4, LEN2 = 5, SKIP = 6,
        SCAN = 7, SCAN_FF = 8, DONE = 9, BROKEN = 10;
    private int state = SOI0;
    private int marker;
    private int length;
    private long skip;
    private long pos;
    private long end = -1;

    @Override
    public void update(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++, pos++) {
        int c = b[i] & 0xff;
        switch (state) {
          case SOI0 -> state = c == 0xFF ? SOI1 : BROKEN;
          case SOI1 -> state = c == 0xD8 ? MARKER_FF : BROKEN;
          case MARKER_FF -> state = c == 0xFF ? MARKER : BROKEN;
          case MARKER -> marker(c);
          case LEN1 -> {
            length = c << 8;
            state = LEN2;
          }
          case LEN2 -> {
            length |= c;
            if (length < 2) {
              state = BROKEN;
            } else {
              skip = length - 2;
              state = skip == 0 ? afterSegment() : SKIP;
            }
          }
          case SKIP -> {
            long n = Math.min(skip, off + len - i);
            skip -= n;
            i += (int) n - 1;
            pos += n - 1;
            if (skip == 0) {
              state = afterSegment();
            }
          }
          case SCAN -> {
            if (c == 0xFF) {
              state = SCAN_FF;
            }
          }
          case SCAN_FF -> {
            if (c == 0x00 || (c >= 0xD0 && c <= 0xD7)) {
              state = SCAN;
            } else if (c != 0xFF) {
              marker(c);
            }
          }
          default -> {
            return;
          }
        }
      }
    }

    private void marker(int c) {
      if (c == 0xFF) {
        return; // fill byte
      }
      if (c == 0xD9) {
        end = pos + 1;
        state = DONE;
      } else if (c == 0x01 || (c >= 0xD0 && c <= 0xD7)) {
        state = MARKER_FF;
      } else {
        marker = c;
        state = LEN1;
      }
    }

    private int afterSegment() {
      return marker == 0xDA ? SCAN : MARKER_FF;
    }

    @Override
    public long logicalEnd() {
      return end;
    }

    @Override
    public String marker() {
      return "JPEG end-of-image marker FFD9";
    }
  }

  /** PNG: the 8-byte signature, then chunks (length, type, data, CRC) up to IEND. */
  final class PngEnd implements EndFinder {
    private final byte[] head = new byte[8];
    private int have;
    private long skip = 8;
    private long pos;
    private long end = -1;
    private boolean done;

    @Override
    public void update(byte[] b, int off, int len) {
      int i = off;
      int limit = off + len;
      while (i < limit && !done) {
        if (skip > 0) {
          long n = Math.min(skip, limit - i);
          skip -= n;
          i += (int) n;
          pos += n;
          continue;
        }
        head[have++] = b[i++];
        pos++;
        if (have == 8) {
          have = 0;
          long length = ((head[0] & 0xffL) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
          skip = length + 4;
          if (head[4] == 'I' && head[5] == 'E' && head[6] == 'N' && head[7] == 'D') {
            end = pos + skip;
          }
        }
      }
      if (end >= 0 && pos >= end) {
        done = true;
      }
    }

    @Override
    public long logicalEnd() {
      return end >= 0 && pos >= end ? end : -1;
    }

    @Override
    public String marker() {
      return "PNG IEND chunk";
    }
  }

  /** GIF: header, screen descriptor, color tables, then blocks up to the trailer 0x3B. */
  final class GifEnd implements EndFinder {
    private static final int HEADER = 0, BLOCK = 1, IMAGE = 2, LZW = 3, SUB = 4, EXT_LABEL = 5, DONE = 6, BROKEN = 7;
    private final byte[] buf = new byte[13];
    private int have;
    private int need = 13;
    private int state = HEADER;
    private long skip;
    private long pos;
    private long end = -1;

    @Override
    public void update(byte[] b, int off, int len) {
      int i = off;
      int limit = off + len;
      while (i < limit && state != DONE && state != BROKEN) {
        if (skip > 0) {
          long n = Math.min(skip, limit - i);
          skip -= n;
          i += (int) n;
          pos += n;
          continue;
        }
        int c = b[i++] & 0xff;
        pos++;
        switch (state) {
          case HEADER, IMAGE -> {
            buf[have++] = (byte) c;
            if (have == need) {
              // packed fields: byte 10 of the header, byte 9 of an image descriptor (after its 0x2C)
              int packed = (state == HEADER ? buf[10] : buf[8]) & 0xff;
              skip = (packed & 0x80) != 0 ? 3L << ((packed & 7) + 1) : 0;
              have = 0;
              state = state == HEADER ? BLOCK : LZW;
            }
          }
          case BLOCK -> {
            if (c == 0x3B) {
              end = pos;
              state = DONE;
            } else if (c == 0x2C) {
              need = 9;
              have = 0;
              state = IMAGE;
            } else if (c == 0x21) {
              state = EXT_LABEL;
            } else {
              state = BROKEN;
            }
          }
          case EXT_LABEL, LZW -> state = SUB;
          case SUB -> {
            if (c == 0) {
              state = BLOCK;
            } else {
              skip = c;
            }
          }
          default -> {
            return;
          }
        }
      }
    }

    @Override
    public long logicalEnd() {
      return end;
    }

    @Override
    public String marker() {
      return "GIF trailer 3B";
    }
  }

  /**
   * PDF: the last {@code %%EOF} and its end-of-line (incremental updates append further bodies and
   * {@code %%EOF}s, which are part of the document); only whitespace may follow.
   */
  final class PdfEnd implements EndFinder {
    private static final byte[] EOF = {'%', '%', 'E', 'O', 'F'};
    private int matched;
    private long pos;
    private long lastEof = -1;
    private long end = -1;
    private boolean inEol;
    private boolean onlyWhitespaceAfter = true;

    @Override
    public void update(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++, pos++) {
        byte c = b[i];
        if (inEol) {
          if (c == '\r' || c == '\n') {
            end = pos + 1;
            if (c == '\n') {
              inEol = false;
            }
            continue;
          }
          inEol = false;
        }
        if (c == EOF[matched]) {
          matched++;
          if (matched == EOF.length) {
            matched = 0;
            lastEof = pos + 1;
            end = lastEof;
            inEol = true;
            onlyWhitespaceAfter = true;
            continue;
          }
        } else {
          matched = c == '%' ? 1 : 0;
        }
        if (end >= 0 && !(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0)) {
          onlyWhitespaceAfter = false;
        }
      }
    }

    @Override
    public long logicalEnd() {
      if (end < 0) {
        return -1;
      }
      return onlyWhitespaceAfter ? pos : end;
    }

    @Override
    public String marker() {
      return "last PDF %%EOF";
    }
  }

  /**
   * ZIP: the last end-of-central-directory record whose central directory lies before it (ZIP64
   * markers accepted), plus its comment.
   */
  final class ZipEnd implements EndFinder {
    private final byte[] rec = new byte[22];
    private int have = -1;
    private int sig;
    private long pos;
    private long recordStart;
    private long end = -1;

    @Override
    public void update(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++, pos++) {
        if (have >= 0) {
          rec[have++] = b[i];
          if (have == 22) {
            have = -1;
            long cdSize = FileBytes.u32(rec, 12);
            long cdOffset = FileBytes.u32(rec, 16);
            boolean zip64 = cdSize == 0xffffffffL || cdOffset == 0xffffffffL;
            if (zip64 || cdOffset + cdSize <= recordStart) {
              end = recordStart + 22 + FileBytes.u16(rec, 20);
            }
          }
        }
        sig = (sig >>> 8) | ((b[i] & 0xff) << 24);
        if (sig == 0x06054b50 && have < 0) {
          recordStart = pos - 3;
          System.arraycopy(new byte[] {0x50, 0x4b, 0x05, 0x06}, 0, rec, 0, 4);
          have = 4;
        }
      }
    }

    @Override
    public long logicalEnd() {
      return end >= 0 && end <= pos ? end : -1;
    }

    @Override
    public String marker() {
      return "ZIP end-of-central-directory record and comment";
    }
  }
}
