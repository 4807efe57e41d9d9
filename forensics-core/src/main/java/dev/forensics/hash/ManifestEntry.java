package dev.forensics.hash;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file in a manifest: its path, size, modification time, digests and (for piecewise hashing) the
 * digests of its pieces.
 *
 * <p>The path uses {@code /} as separator on every OS and is relative to the manifest's root unless the
 * file lay outside it. Formats without a size column (GNU and BSD checksum lines) give {@link
 * #UNKNOWN_SIZE}; formats without times give no {@code modified}.
 */
public record ManifestEntry(
    String path, long size, Instant modifiedOrNull, DigestSet digests, List<Piece> pieces) {

  /** Size of an entry read from a format that does not record sizes. */
  public static final long UNKNOWN_SIZE = -1;

  /** Deterministic listing order: by path, compared as UTF-8 bytes (code point order). */
  public static final Comparator<ManifestEntry> PATH_ORDER =
      Comparator.comparing(ManifestEntry::path, ManifestEntry::comparePaths);

  public ManifestEntry {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    if (path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL character in path");
    }
    if (size < UNKNOWN_SIZE) {
      throw new IllegalArgumentException("negative size " + size + " for " + path);
    }
    Objects.requireNonNull(digests, "digests");
    pieces = List.copyOf(pieces);
  }

  /** An entry without time or pieces. */
  public static ManifestEntry of(String path, long size, DigestSet digests) {
    return new ManifestEntry(path, size, null, digests, List.of());
  }

  /** The modification time, if the manifest recorded it. */
  public Optional<Instant> modified() {
    return Optional.ofNullable(modifiedOrNull);
  }

  /** Whether the manifest recorded the size. */
  public boolean hasSize() {
    return size != UNKNOWN_SIZE;
  }

  /** Compares two paths in code point order (the order of their UTF-8 bytes). */
  public static int comparePaths(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int k = 0;
    while (k < n && a.charAt(k) == b.charAt(k)) {
      k++;
    }
    if (k == n) {
      return Integer.compare(a.length(), b.length()); // one is a prefix of the other: the shorter first
    }
    char x = a.charAt(k);
    char y = b.charAt(k);
    if (!Character.isSurrogate(x) && !Character.isSurrogate(y)) {
      return Character.compare(x, y); // both in the BMP: char order is code point order
    }
    // a surrogate: compare whole code points, from where the differing one starts (a pair may begin at
    // k - 1; if that high surrogate is unpaired in both, the code points differ from k on)
    int start = k > 0 && Character.isHighSurrogate(a.charAt(k - 1)) ? k - 1 : k;
    int ca = a.codePointAt(start);
    int cb = b.codePointAt(start);
    if (ca == cb) {
      ca = a.codePointAt(k);
      cb = b.codePointAt(k);
    }
    return Integer.compare(ca, cb);
  }

  /** The path as UTF-8 bytes. */
  public byte[] pathBytes() {
    return path.getBytes(StandardCharsets.UTF_8);
  }
}
