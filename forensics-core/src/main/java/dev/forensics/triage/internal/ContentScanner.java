package dev.forensics.triage.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything triage learns from one sequential read of a file besides its digests: the byte histogram
 * (Shannon entropy), the logical end of formats that have one, and archive or executable signatures
 * inside images. Fed buffer by buffer; memory is constant.
 */
public final class ContentScanner {

  /** A signature found inside a file, at an offset other than 0. */
  public record Embedded(long offset, String what) {}

  private record Signature(byte[] bytes, String what) {}

  private static final List<Signature> SIGNATURES = List.of(
      sig("PK\u0003\u0004\u0014\u0000", "ZIP archive"),
      sig("PK\u0003\u0004\n\u0000", "ZIP archive"),
      sig("PK\u0003\u0004\u002d\u0000", "ZIP archive"),
      sig("Rar!\u001a\u0007", "RAR archive"),
      new Signature(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}, "7-Zip archive"),
      sig("\u007fELF\u0001\u0001", "ELF executable"),
      sig("\u007fELF\u0002\u0001", "ELF executable"),
      sig("This program cannot be run in DOS mode", "Windows executable (PE)"),
      sig("%PDF-1.", "PDF document"));
  /** The first bytes of the signatures: most bytes of an image start none and are passed over at once. */
  private static final boolean[] STARTS = new boolean[256];

  static {
    for (Signature s : SIGNATURES) {
      STARTS[s.bytes[0] & 0xff] = true;
    }
  }

  private static final int MAX_EMBEDDED = 8;
  private static final int OVERLAP = 63;

  private static Signature sig(String s, String what) {
    return new Signature(s.getBytes(StandardCharsets.ISO_8859_1), what);
  }

  private final long[] counts = new long[256];
  private final EndFinder end;
  private final boolean searchSignatures;
  private final List<Embedded> embedded = new ArrayList<>();
  private byte[] window = new byte[0];
  private int carried;
  private long total;

  /**
   * A scanner for a file of this media type.
   *
   * @param searchSignatures whether to look for archive and executable signatures inside the data
   */
  public ContentScanner(String mediaType, boolean searchSignatures) {
    this.end = EndFinder.forType(mediaType);
    this.searchSignatures = searchSignatures;
  }

  public void update(byte[] b, int off, int len) {
    count(b, off, len);
    if (end != null) {
      end.update(b, off, len);
    }
    if (searchSignatures && embedded.size() < MAX_EMBEDDED) {
      search(b, off, len);
    }
    total += len;
  }

  /**
   * Adds the bytes to the histogram. Four interleaved tables let runs of equal bytes be counted without
   * each increment waiting for the one before; a buffer holds fewer than 2^31 bytes, so the int counts
   * cannot overflow before they are added to the long totals.
   */
  private void count(byte[] b, int off, int len) {
    int[] c = new int[4 * 256];
    int i = off;
    int end = off + len;
    for (; i + 3 < end; i += 4) {
      c[b[i] & 0xff]++;
      c[256 + (b[i + 1] & 0xff)]++;
      c[512 + (b[i + 2] & 0xff)]++;
      c[768 + (b[i + 3] & 0xff)]++;
    }
    for (; i < end; i++) {
      c[b[i] & 0xff]++;
    }
    for (int v = 0; v < 256; v++) {
      counts[v] += (long) c[v] + c[256 + v] + c[512 + v] + c[768 + v];
    }
  }

  /** Searches the carried tail of the previous buffer and this one; a match must end in the new bytes. */
  private void search(byte[] b, int off, int len) {
    int n = carried + len;
    if (window.length < n) {
      byte[] w = new byte[Math.max(n, 1 << 17)];
      System.arraycopy(window, 0, w, 0, carried);
      window = w;
    }
    System.arraycopy(b, off, window, carried, len);
    long windowStart = total - carried;
    for (int i = 0; i < n && embedded.size() < MAX_EMBEDDED; i++) {
      byte first = window[i];
      if (!STARTS[first & 0xff]) {
        continue;
      }
      for (Signature s : SIGNATURES) {
        byte[] p = s.bytes;
        if (p[0] != first || i + p.length > n || i + p.length <= carried) {
          continue;
        }
        boolean match = true;
        for (int j = 1; j < p.length; j++) {
          if (window[i + j] != p[j]) {
            match = false;
            break;
          }
        }
        long at = windowStart + i;
        if (match && at > 0) {
          embedded.add(new Embedded(at, s.what));
        }
      }
    }
    int keep = Math.min(OVERLAP, n);
    System.arraycopy(window, n - keep, window, 0, keep);
    carried = keep;
  }

  /** The number of bytes seen. */
  public long size() {
    return total;
  }

  /** Shannon entropy of the bytes in bits per byte (0 for no bytes, 8 for uniformly random bytes). */
  public double entropy() {
    return entropy(counts, total);
  }

  /** Shannon entropy H = -sum p log2 p over a byte histogram, in bits per byte. */
  public static double entropy(long[] counts, long total) {
    if (total == 0) {
      return 0;
    }
    double h = 0;
    for (long c : counts) {
      if (c > 0) {
        double p = (double) c / total;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    return h;
  }

  /** Whether the format has a logical end this scanner follows. */
  public boolean followsStructure() {
    return end != null;
  }

  /** The offset past the logical end, or -1 when unknown (no structure followed, or truncated data). */
  public long logicalEnd() {
    return end == null ? -1 : end.logicalEnd();
  }

  /** What marks the logical end, or "" when no structure is followed. */
  public String endMarker() {
    return end == null ? "" : end.marker();
  }

  /** Signatures found inside the data (at most 8, by offset). */
  public List<Embedded> embedded() {
    return List.copyOf(embedded);
  }
}
