package dev.forensics.hash;

import dev.forensics.hash.internal.Hasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A message-digest algorithm the toolkit computes and reads.
 *
 * <p>Each algorithm has a short lower-case {@linkplain #id() id} (used on the command line and in
 * hashdeep and CSV headers), the {@linkplain #tag() tag} coreutils writes in BSD-style lines, and a
 * digest length. The declaration order is the canonical column order in every manifest.
 */
public enum HashAlgorithm {
  MD5("md5", "MD5", 16, "MD5", 1),
  SHA1("sha1", "SHA1", 20, "SHA1", 2),
  SHA256("sha256", "SHA256", 32, "SHA256", 5),
  SHA512("sha512", "SHA512", 64, "SHA512", 6),
  SHA3_256("sha3-256", "SHA3-256", 32, "OTHER", 4),
  BLAKE3("blake3", "BLAKE3", 32, "OTHER", 3);

  /** The algorithms hashed when none are chosen: md5, sha1, sha256 (what most labs and courts expect). */
  public static final Set<HashAlgorithm> DEFAULTS = EnumSet.of(MD5, SHA1, SHA256);

  private final String id;
  private final String tag;
  private final int lengthBytes;
  private final String dfxmlType;
  private final int strength;

  HashAlgorithm(String id, String tag, int lengthBytes, String dfxmlType, int strength) {
    this.id = id;
    this.tag = tag;
    this.lengthBytes = lengthBytes;
    this.dfxmlType = dfxmlType;
    this.strength = strength;
  }

  /** Lower-case name used on the command line and in hashdeep/CSV/JSON column names, e.g. {@code sha3-256}. */
  public String id() {
    return id;
  }

  /** The tag of BSD-style checksum lines as coreutils {@code cksum --tag} and b3sum write it, e.g. {@code SHA256}. */
  public String tag() {
    return tag;
  }

  /** Length of a digest in bytes. */
  public int lengthBytes() {
    return lengthBytes;
  }

  /** Length of a digest in hexadecimal characters. */
  public int hexLength() {
    return lengthBytes * 2;
  }

  /**
   * The DFXML {@code hashdigest/@type} value: the algorithm name where the DFXML schema lists it,
   * {@code OTHER} otherwise (SHA3-256, BLAKE3).
   */
  public String dfxmlType() {
    return dfxmlType;
  }

  /**
   * Relative collision resistance, higher is stronger; used to pick the algorithm to match on when two
   * sides share several. MD5 and SHA-1 are broken and rank lowest.
   */
  public int strength() {
    return strength;
  }

  /** A fresh, single-use incremental hasher for this algorithm. */
  public Hasher newHasher() {
    return Hasher.of(this);
  }

  /**
   * The algorithm with this name: its id, its tag, or a common spelling ({@code SHA-256}, {@code sha_256},
   * {@code SHA3_256}), case-insensitive.
   *
   * @throws IllegalArgumentException naming the known algorithms when the name is not one of them
   */
  public static HashAlgorithm fromName(String name) {
    return lookup(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown hash algorithm '" + name + "' (known: " + knownNames() + ")"));
  }

  /** The algorithm with this name, if any; see {@link #fromName(String)}. */
  public static Optional<HashAlgorithm> lookup(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (HashAlgorithm a : values()) {
      if (a.id.equals(n) || a.tag.toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(a);
      }
    }
    String compact = n.replace("-", "");
    for (HashAlgorithm a : values()) {
      if (a.id.replace("-", "").equals(compact)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a comma-separated list such as {@code md5,SHA256}; duplicates are dropped and the result is
   * in canonical order.
   *
   * @throws IllegalArgumentException for an empty list or an unknown name
   */
  public static List<HashAlgorithm> parseList(String commaSeparated) {
    EnumSet<HashAlgorithm> set = EnumSet.noneOf(HashAlgorithm.class);
    for (String part : commaSeparated.split(",")) {
      if (!part.isBlank()) {
        set.add(fromName(part));
      }
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("no hash algorithm given (known: " + knownNames() + ")");
    }
    return new ArrayList<>(set);
  }

  /** The ids of all algorithms, comma-separated, for messages. */
  public static String knownNames() {
    return Arrays.stream(values()).map(HashAlgorithm::id).collect(Collectors.joining(", "));
  }
}
