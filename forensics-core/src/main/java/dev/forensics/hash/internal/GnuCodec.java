package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestWriter;
import dev.forensics.hash.UnwritableEntryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * coreutils and b3sum checksum lines, {@code HEX␠␠NAME} (text) or {@code HEX␠*NAME} (binary), with
 * coreutils' escaping of backslash, newline and carriage return. One algorithm per file; the algorithm is
 * not written, so a reader guesses it from the digest length and, for 64 hex digits (SHA-256, SHA3-256 and
 * BLAKE3 alike), from the file name: one containing {@code sha3} is SHA3-256, one naming {@code sha256}
 * is SHA-256, one containing {@code blake3} or {@code b3sum}, ending in {@code .b3} or starting with
 * {@code b3} is BLAKE3, any other SHA-256.
 */
final class GnuCodec {

  private static final String EXPECTED = "expected a checksum line 'HEX  NAME' or 'HEX *NAME'";

  private GnuCodec() {}

  static ManifestWriter writer(OutputStream out, ManifestInfo info) {
    List<HashAlgorithm> algs = info.algorithms();
    if (algs.size() != 1) {
      throw new IllegalArgumentException(
          "checksum lines hold exactly one algorithm, got " + algs.size() + " (" + ids(algs)
              + "); write one file per algorithm or use another format");
    }
    return new GnuWriter(out, algs.get(0));
  }

  private static String ids(List<HashAlgorithm> algs) {
    StringBuilder b = new StringBuilder();
    for (HashAlgorithm a : algs) {
      b.append(b.length() == 0 ? "" : ", ").append(a.id());
    }
    return b.toString();
  }

  private static final class GnuWriter extends OrderedWriter {
    private final Utf8Text w;
    private final HashAlgorithm algorithm;

    GnuWriter(OutputStream out, HashAlgorithm algorithm) {
      this.w = new Utf8Text(out);
      this.algorithm = algorithm;
    }

    @Override
    void writeEntry(ManifestEntry e) throws IOException {
      Optional<Digest> d = e.digests().get(algorithm);
      if (d.isEmpty()) {
        throw new UnwritableEntryException("cannot write " + Values.show(e.path()) + " as a checksum line: it has no "
            + algorithm.id() + " digest");
      }
      boolean escape = Coreutils.needsEscape(e.path());
      w.write((escape ? "\\" : "") + d.get().hex() + "  " + (escape ? Coreutils.escape(e.path()) : e.path()) + "\n");
    }

    @Override
    void finish() throws IOException {
      w.flush();
    }
  }

  static ManifestReadResult read(InputStream in, String source) throws IOException {
    ManifestAssembler a = new ManifestAssembler(source);
    DigestGroups groups = new DigestGroups(a);
    LineReader lines = new LineReader(in);
    LineReader.Line l;
    while ((l = lines.next()) != null) {
      if (!l.ok()) {
        a.problem(l.number(), l.error());
      } else if (!l.isBlank()) {
        try {
          parse(l.text(), source, groups, l.number());
        } catch (RecordException e) {
          a.problem(l.number(), e.getMessage());
        }
      }
    }
    groups.finish();
    return a.result(ManifestFormat.GNU, a.algorithmsSeenOr(List.of(fallback(source))), 0, null, null, null, null);
  }

  private static void parse(String text, String source, DigestGroups groups, long line) throws RecordException {
    boolean escaped = text.startsWith("\\");
    String rest = escaped ? text.substring(1) : text;
    int space = rest.indexOf(' ');
    if (space <= 0 || Character.digit(rest.charAt(0), 16) < 0) {
      throw new RecordException(EXPECTED);
    }
    String hex = rest.substring(0, space);
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        throw new RecordException("digest column: not a hex digit at position " + (i + 1) + ": '" + hex.charAt(i) + "'");
      }
    }
    if (space + 1 >= rest.length() || (rest.charAt(space + 1) != ' ' && rest.charAt(space + 1) != '*')) {
      throw new RecordException("expected two spaces or ' *' between the digest and the file name");
    }
    String raw = rest.substring(space + 2);
    String name = escaped ? Coreutils.unescape(raw) : raw;
    Values.path(name, "file name");
    HashAlgorithm alg = guess(hex.length(), source);
    if (alg == null) {
      throw new RecordException("digest column: " + hex.length()
          + " hex digits fit no supported algorithm (32 md5, 40 sha1, 64 sha256, 128 sha512)");
    }
    groups.add(name, Values.digest(alg, hex, "digest column"), line);
  }

  /** The algorithm of a digest of this many hex digits in a file of this name, or null. */
  static HashAlgorithm guess(int hexDigits, String source) {
    switch (hexDigits) {
      case 32:
        return HashAlgorithm.MD5;
      case 40:
        return HashAlgorithm.SHA1;
      case 128:
        return HashAlgorithm.SHA512;
      case 64:
        String name = fileName(source).toLowerCase(Locale.ROOT);
        if (name.contains("sha3")) {
          return HashAlgorithm.SHA3_256;
        }
        if (name.contains("sha256") || name.contains("sha-256")) {
          return HashAlgorithm.SHA256; // case-b3.sha256 is a SHA-256 list
        }
        if (name.contains("blake3") || name.contains("b3sum") || name.endsWith(".b3") || name.startsWith("b3")) {
          return HashAlgorithm.BLAKE3;
        }
        return HashAlgorithm.SHA256;
      default:
        return null;
    }
  }

  /** The algorithm a file of checksum lines without any line is taken to hold, judged by its name. */
  private static HashAlgorithm fallback(String source) {
    String name = fileName(source).toLowerCase(Locale.ROOT);
    if (name.contains("md5")) {
      return HashAlgorithm.MD5;
    }
    if (name.contains("sha512")) {
      return HashAlgorithm.SHA512;
    }
    if (name.contains("sha1") && !name.contains("sha256")) {
      return HashAlgorithm.SHA1;
    }
    return guess(64, source);
  }

  private static String fileName(String source) {
    int cut = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.substring(cut + 1);
  }
}
