package dev.forensics.knownfiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Loads hash sets from files: NSRL RDS v3 (SQLite) and 2.x ({@code NSRLFile.txt}), hashdeep, checksum
 * lists (md5sum, sha1sum, sha256sum, sha512sum, b3sum, BSD tag lines, bare digests) and HashKeeper
 * {@code .hsh}.
 *
 * <p>Every loader keeps going past malformed lines and reports each in
 * {@link KnownFileSetLoadResult#problems()} with file and line; a file that cannot be read as its format
 * at all (wrong header, broken CSV quoting, not an NSRL database) throws {@link HashSetParseException}.
 * Text is read as UTF-8; bytes that are not UTF-8 turn into U+FFFD in file names.
 */
public final class KnownFileSets {

  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int SNIFF_BYTES = 64 << 10;

  private KnownFileSets() {}

  /**
   * Recognises a file's format from its first bytes: the SQLite signature, the hashdeep header, the
   * NSRL RDS 2.x or HashKeeper CSV header, or else a first line that is a checksum-list entry. An empty
   * file counts as a checksum list.
   *
   * @throws HashSetParseException when the file is none of these
   */
  public static HashSetFormat detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    if (head.length >= SQLITE_MAGIC.length
        && Arrays.equals(head, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
      return HashSetFormat.NSRL_RDS_V3;
    }
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(head))
            .toString();
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (head.length == SNIFF_BYTES && lines.length > 1) {
      lines = Arrays.copyOf(lines, lines.length - 1); // the last one may be cut short
    }
    ChecksumListReader sums = new ChecksumListReader(LoadOptions.defaults());
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 ? TextFiles.stripBom(lines[i]) : lines[i];
      if (i == 0 && line.startsWith(HashdeepReader.MAGIC)) {
        return HashSetFormat.HASHDEEP;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (i == 0 && lower.startsWith("\"sha-1\",\"md5\"")) {
        return HashSetFormat.NSRL_RDS_2;
      }
      if (i == 0 && lower.startsWith("\"file_id\",\"hashset_id\"")) {
        return HashSetFormat.HASHKEEPER;
      }
      switch (sums.parse(line)) {
        case ENTRY:
          return HashSetFormat.CHECKSUM_LIST;
        case SKIP:
          continue;
        default:
          throw new HashSetParseException(
              file.toString(),
              i + 1,
              "not a recognised hash set format (" + HashSetFormat.fileFormatIds() + "); line: '"
                  + TextFiles.excerpt(line) + "'");
      }
    }
    return HashSetFormat.CHECKSUM_LIST;
  }

  /**
   * Loads a file in the format {@link #detect} recognises, keeping names and reading 64-digit digests
   * as SHA-256.
   *
   * @param name the set's name in matches and reports
   * @throws HashSetParseException when the format is not recognised or the file cannot be read as it
   */
  public static KnownFileSetLoadResult load(Path file, HashSetKind kind, String name) throws IOException {
    return load(file, kind, name, LoadOptions.defaults());
  }

  /** Loads a file in the format {@link #detect} recognises; see {@link #load(Path, HashSetKind, String)}. */
  public static KnownFileSetLoadResult load(Path file, HashSetKind kind, String name, LoadOptions options)
      throws IOException {
    return load(file, detect(file), kind, name, options);
  }

  /**
   * Loads a file in a given format.
   *
   * @throws IllegalArgumentException for {@link HashSetFormat#IN_MEMORY}
   * @throws HashSetParseException when the file cannot be read as that format
   */
  public static KnownFileSetLoadResult load(
      Path file, HashSetFormat format, HashSetKind kind, String name, LoadOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return switch (format) {
      case NSRL_RDS_V3 -> NsrlRdsV3Reader.read(file, kind, name);
      case NSRL_RDS_2 -> CsvHashSetReader.read(file, kind, name, options, CsvHashSetReader.NSRL_2);
      case HASHDEEP -> HashdeepReader.read(file, kind, name, options);
      case CHECKSUM_LIST -> ChecksumListReader.read(file, kind, name, options);
      case HASHKEEPER -> CsvHashSetReader.read(file, kind, name, options, CsvHashSetReader.HASHKEEPER);
      case IN_MEMORY -> throw new IllegalArgumentException("in-memory sets are not read from files");
    };
  }

  /**
   * Loads an NSRL RDS v3 SQLite database, opened read-only: SHA-256, SHA-1 and MD5 of each row of its
   * {@code FILE} table or view, or of {@code DISTINCT_HASH} when there is no {@code FILE}. File names are
   * not kept. A problem's line is the row's position in the query result.
   */
  public static KnownFileSetLoadResult loadNsrlV3(Path file, HashSetKind kind, String name) throws IOException {
    return load(file, HashSetFormat.NSRL_RDS_V3, kind, name, LoadOptions.defaults());
  }

  /** Loads an NSRL RDS 2.x {@code NSRLFile.txt}: SHA-1 and MD5 of each row; file names are not kept. */
  public static KnownFileSetLoadResult loadNsrl2(Path file, HashSetKind kind, String name) throws IOException {
    return load(file, HashSetFormat.NSRL_RDS_2, kind, name, LoadOptions.defaults());
  }

  /** Loads a hashdeep file, keeping each entry's file name. */
  public static KnownFileSetLoadResult loadHashdeep(Path file, HashSetKind kind, String name) throws IOException {
    return load(file, HashSetFormat.HASHDEEP, kind, name, LoadOptions.defaults());
  }

  /**
   * Loads a checksum list, keeping file names; an untagged 64-digit digest is read as SHA-256 (use
   * {@link LoadOptions#withDigest64} for b3sum or SHA3-256 lists).
   */
  public static KnownFileSetLoadResult loadChecksumList(Path file, HashSetKind kind, String name)
      throws IOException {
    return load(file, HashSetFormat.CHECKSUM_LIST, kind, name, LoadOptions.defaults());
  }

  /** Loads a HashKeeper {@code .hsh} file: the MD5 {@code hash} column, keeping {@code file_name}. */
  public static KnownFileSetLoadResult loadHashKeeper(Path file, HashSetKind kind, String name)
      throws IOException {
    return load(file, HashSetFormat.HASHKEEPER, kind, name, LoadOptions.defaults());
  }
}
