package dev.forensics.hash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The manifest formats the toolkit writes and reads back.
 *
 * <ul>
 *   <li>{@link #HASHDEEP}: hashdeep's {@code %%%% HASHDEEP-1.0} file (the default);
 *   <li>{@link #GNU}: coreutils/b3sum checksum lines {@code HEX␠␠NAME}, one algorithm per file;
 *   <li>{@link #BSD}: tagged lines {@code SHA256 (NAME) = HEX} as {@code cksum --tag} writes them;
 *   <li>{@link #DFXML}: Digital Forensics XML 2.0 {@code fileobject}s;
 *   <li>{@link #CSV} and {@link #JSON}: for spreadsheets and scripts.
 * </ul>
 */
public enum ManifestFormat {
  HASHDEEP("hashdeep"),
  GNU("gnu"),
  BSD("bsd"),
  DFXML("dfxml"),
  CSV("csv"),
  JSON("json");

  private final String id;

  ManifestFormat(String id) {
    this.id = id;
  }

  /** The lower-case name used on the command line. */
  public String id() {
    return id;
  }

  /**
   * The format with this name, case-insensitive ({@code sha256sum}, {@code md5sum} and {@code sums} are
   * accepted for {@link #GNU}, {@code tag} for {@link #BSD}, {@code xml} for {@link #DFXML}).
   *
   * @throws IllegalArgumentException naming the known formats
   */
  public static ManifestFormat fromName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (ManifestFormat f : values()) {
      if (f.id.equals(n)) {
        return f;
      }
    }
    switch (n) {
      case "sums":
      case "md5sum":
      case "sha1sum":
      case "sha256sum":
      case "sha512sum":
      case "b3sum":
        return GNU;
      case "tag":
        return BSD;
      case "xml":
        return DFXML;
      default:
        throw new IllegalArgumentException(
            "unknown manifest format '" + name + "' (known: "
                + Arrays.stream(values()).map(ManifestFormat::id).collect(Collectors.joining(", ")) + ")");
    }
  }

  /**
   * Whether this format can hold entries hashed with all of these algorithms in one file: GNU lines
   * hold exactly one algorithm; the others hold any.
   */
  public boolean supports(java.util.List<HashAlgorithm> algorithms) {
    return this != GNU || algorithms.size() == 1;
  }

  /** Whether this format records piecewise digests. */
  public boolean supportsPieces() {
    return this == HASHDEEP || this == DFXML || this == CSV || this == JSON;
  }

  /**
   * A streaming writer of this format to {@code out}, UTF-8.
   *
   * @throws IllegalArgumentException when the format cannot hold the info's algorithms
   */
  public ManifestWriter newWriter(OutputStream out, ManifestInfo info) throws IOException {
    return dev.forensics.hash.internal.ManifestCodecs.newWriter(this, out, info);
  }

  /** Writes a whole manifest to {@code out}. */
  public void write(Manifest manifest, OutputStream out) throws IOException {
    try (ManifestWriter w = newWriter(out, manifest.info())) {
      for (ManifestEntry e : manifest.entries()) {
        w.write(e);
      }
    }
  }

  /**
   * Reads a manifest of this format. Malformed lines become {@linkplain ManifestReadResult#problems()
   * problems} and reading goes on.
   *
   * @param source name used in messages (usually the file name)
   * @throws ManifestParseException when nothing of this format can be read
   */
  public ManifestReadResult read(InputStream in, String source) throws IOException {
    return dev.forensics.hash.internal.ManifestCodecs.read(this, in, source);
  }

  /**
   * Reads a manifest file, detecting its format from its content.
   *
   * @throws ManifestParseException when the format is not recognised or nothing can be read
   */
  public static ManifestReadResult readFile(Path file) throws IOException {
    return dev.forensics.hash.internal.ManifestCodecs.readFile(file);
  }

  /**
   * Detects the format of a manifest from its first bytes.
   *
   * @throws ManifestParseException when no format fits
   */
  public static ManifestFormat detect(byte[] head, String source) throws ManifestParseException {
    return dev.forensics.hash.internal.ManifestCodecs.detect(head, source);
  }

}
