package dev.forensics.image.internal;

import static dev.forensics.hash.internal.Values.show;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.AcquisitionLog;
import dev.forensics.image.AcquisitionLogException;
import dev.forensics.image.AcquisitionTool;
import dev.forensics.image.LoggedFile;
import dev.forensics.image.LoggedRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Gathers what the lines of an acquisition log say, refusing a second, different value for one algorithm
 * of the whole media, of one range or of one file, and builds the {@link AcquisitionLog}.
 */
final class LogCollector {

  /** A value read from a line, with what the line calls it (for messages). */
  private record Seen(Digest digest, long line, String label) {}

  /** A hash of a range of the media as read, before ranges are merged. */
  private record RangeHash(long offset, long length, Digest digest, long line) {
    static final long TO_END = -1;
  }

  private final String source;
  private final EnumMap<HashAlgorithm, Seen> media = new EnumMap<>(HashAlgorithm.class);
  private final List<RangeHash> ranges = new ArrayList<>();
  private final Map<String, EnumMap<HashAlgorithm, Seen>> files = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  LogCollector(String source) {
    this.source = source;
  }

  /** An error about {@code line} of the log (0: the whole log). */
  AcquisitionLogException error(long line, String message) {
    return new AcquisitionLogException(source, line, message);
  }

  /** The digest written as {@code hex} on {@code line}, where the log calls it {@code label}. */
  Digest digest(HashAlgorithm algorithm, String hex, long line, String label) throws AcquisitionLogException {
    try {
      return Digest.ofHex(algorithm, hex);
    } catch (IllegalArgumentException e) {
      throw error(line, show(label) + ": " + e.getMessage() + ", found " + show(hex));
    }
  }

  /** A decimal number on {@code line}. */
  long number(String digits, long line) throws AcquisitionLogException {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw error(line, "number out of range: " + show(digits));
    }
  }

  /**
   * A hash of the whole media, as the log calls it on that line.
   *
   * @throws AcquisitionLogException if the log gave another value for the algorithm before
   */
  void media(Digest digest, long line, String label) throws AcquisitionLogException {
    Seen before = media.putIfAbsent(digest.algorithm(), new Seen(digest, line, label));
    if (before != null && !before.digest().equals(digest)) {
      throw error(line, "two different " + digest.algorithm().id() + " hashes of the whole media: "
          + show(before.label()) + " on line " + before.line() + " is " + before.digest().hex() + ", "
          + show(label) + " on line " + line + " is " + digest.hex()
          + "; the log does not say which one the media has");
    }
  }

  /**
   * A hash of {@code length} bytes of the media from {@code offset}, or up to the end of the media when
   * {@code length} is empty.
   */
  void range(long offset, OptionalLong length, Digest digest, long line) {
    ranges.add(new RangeHash(offset, length.orElse(RangeHash.TO_END), digest, line));
  }

  /** A hash of an image file the tool wrote, by the name the log gives it. */
  void file(String name, Digest digest, long line, String label) throws AcquisitionLogException {
    EnumMap<HashAlgorithm, Seen> digests = files.computeIfAbsent(name, n -> new EnumMap<>(HashAlgorithm.class));
    Seen before = digests.putIfAbsent(digest.algorithm(), new Seen(digest, line, label));
    if (before != null && !before.digest().equals(digest)) {
      throw error(line, "two different " + digest.algorithm().id() + " hashes of the image file " + show(name)
          + ": line " + before.line() + " gives " + before.digest().hex() + ", line " + line + " gives "
          + digest.hex());
    }
  }

  /**
   * Something the reader assumed or left out, told once however often it happens, with the line where it
   * happened first (0: not tied to a line).
   */
  void note(long line, String note) {
    notes.putIfAbsent(note, line > 0 ? note + " (first on line " + line + ")" : note);
  }

  /**
   * The log.
   *
   * @throws AcquisitionLogException if it holds no hash of the whole media, or two different hashes of
   *     one algorithm for the same range
   */
  AcquisitionLog build(AcquisitionTool tool, String noMediaHash) throws AcquisitionLogException {
    if (media.isEmpty()) {
      throw error(0, noMediaHash);
    }
    List<LoggedFile> loggedFiles = new ArrayList<>();
    for (Map.Entry<String, EnumMap<HashAlgorithm, Seen>> e : files.entrySet()) {
      loggedFiles.add(new LoggedFile(e.getKey(), digests(e.getValue())));
    }
    return new AcquisitionLog(tool, digests(media), mergedRanges(), loggedFiles, new ArrayList<>(notes.values()));
  }

  private static DigestSet digests(EnumMap<HashAlgorithm, Seen> seen) {
    return DigestSet.of(seen.values().stream().map(Seen::digest).toList());
  }

  /** The ranges in media order, the hashes of one range (in any order in the log) merged into one. */
  private List<LoggedRange> mergedRanges() throws AcquisitionLogException {
    List<RangeHash> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(RangeHash::offset)
        .thenComparingLong(r -> r.length() == RangeHash.TO_END ? Long.MAX_VALUE : r.length())
        .thenComparingLong(RangeHash::line));
    List<LoggedRange> merged = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      RangeHash first = sorted.get(i);
      EnumMap<HashAlgorithm, RangeHash> digests = new EnumMap<>(HashAlgorithm.class);
      for (; i < sorted.size() && sorted.get(i).offset() == first.offset()
          && sorted.get(i).length() == first.length(); i++) {
        RangeHash r = sorted.get(i);
        RangeHash before = digests.putIfAbsent(r.digest().algorithm(), r);
        if (before != null && !before.digest().equals(r.digest())) {
          throw error(r.line(), "two different " + r.digest().algorithm().id() + " hashes of "
              + describe(r) + ": line " + before.line() + " gives " + before.digest().hex() + ", line "
              + r.line() + " gives " + r.digest().hex());
        }
      }
      OptionalLong length = first.length() == RangeHash.TO_END ? OptionalLong.empty() : OptionalLong.of(first.length());
      merged.add(new LoggedRange(first.offset(), length,
          DigestSet.of(digests.values().stream().map(RangeHash::digest).toList())));
    }
    return merged;
  }

  private static String describe(RangeHash r) {
    return r.length() == RangeHash.TO_END
        ? "the bytes from offset " + r.offset() + " to the end"
        : "bytes " + r.offset() + " to " + (r.offset() + r.length() - 1);
  }

  /** The algorithm whose digests have this many hex digits, among those dc3dd and dcfldd write. */
  static Optional<HashAlgorithm> byHexLength(int hexDigits) {
    return switch (hexDigits) {
      case 32 -> Optional.of(HashAlgorithm.MD5);
      case 40 -> Optional.of(HashAlgorithm.SHA1);
      case 64 -> Optional.of(HashAlgorithm.SHA256);
      case 128 -> Optional.of(HashAlgorithm.SHA512);
      default -> Optional.empty();
    };
  }
}
