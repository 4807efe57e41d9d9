package dev.forensics.knownfiles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file format a {@link KnownFileSet} was read from. */
public enum HashSetFormat {
  /** NSRL RDS v3: an SQLite database with a {@code FILE} table or view (or only {@code DISTINCT_HASH}). */
  NSRL_RDS_V3("nsrl-v3"),
  /** NSRL RDS 2.x {@code NSRLFile.txt}: quoted CSV with SHA-1 and MD5 columns. */
  NSRL_RDS_2("nsrl-2"),
  /** A hashdeep file ({@code %%%% HASHDEEP-1.0}). */
  HASHDEEP("hashdeep"),
  /**
   * Lines as md5sum, sha1sum, sha256sum, sha512sum and b3sum write them, BSD-style tag lines
   * ({@code SHA256 (NAME) = HEX}), or bare hex digests one per line.
   */
  CHECKSUM_LIST("sums"),
  /** A HashKeeper {@code .hsh} file: CSV with an MD5 {@code hash} column. */
  HASHKEEPER("hashkeeper"),
  /** Built in code with {@link KnownFileSet#builder}, not read from a file. */
  IN_MEMORY("in-memory");

  private final String id;

  HashSetFormat(String id) {
    this.id = id;
  }

  /** Short lower-case name, for command lines and reports, e.g. {@code nsrl-v3}. */
  public String id() {
    return id;
  }

  /** The format with this {@link #id()} (case-insensitive), if any. */
  public static Optional<HashSetFormat> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
  }

  /** The ids of the formats that can be read from files, comma-separated, for messages. */
  public static String fileFormatIds() {
    return Arrays.stream(values())
        .filter(f -> f != IN_MEMORY)
        .map(HashSetFormat::id)
        .collect(Collectors.joining(", "));
  }
}
