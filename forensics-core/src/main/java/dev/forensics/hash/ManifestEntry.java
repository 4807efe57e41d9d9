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
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The path as UTF-8 bytes. */
  public byte[] pathBytes() {
    return path.getBytes(StandardCharsets.UTF_8);
  }
}
