package dev.forensics.hash.internal;

import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestParseException;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writers, readers and format detection behind {@link ManifestFormat}. Not API: use
 * {@link ManifestFormat#newWriter}, {@link ManifestFormat#read}, {@link ManifestFormat#readFile} and
 * {@link ManifestFormat#detect}.
 */
public final class ManifestCodecs {

  /** How many bytes {@link #readFile} looks at to detect the format. */
  static final int HEAD_BYTES = 64 * 1024;

  private static final Pattern GNU_LINE = Pattern.compile("\\\\?[0-9a-fA-F]{32,} [ *]");
  private static final Pattern BSD_START = Pattern.compile("\\\\?[A-Za-z0-9][A-Za-z0-9-]* \\(");

  private ManifestCodecs() {}

  /** A streaming writer of the format; see {@link ManifestFormat#newWriter}. */
  public static ManifestWriter newWriter(ManifestFormat format, OutputStream out, ManifestInfo info)
      throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(info, "info");
    switch (format) {
      case HASHDEEP:
        return HashdeepCodec.writer(out, info);
      case GNU:
        return GnuCodec.writer(out, info);
      case BSD:
        return BsdCodec.writer(out, info);
      case DFXML:
        return DfxmlCodec.writer(out, info);
      case CSV:
        return CsvCodec.writer(out, info);
      case JSON:
        return JsonCodec.writer(out, info);
      default:
        throw new IllegalArgumentException("no writer for " + format);
    }
  }

  /** Reads a manifest of the format; see {@link ManifestFormat#read}. */
  public static ManifestReadResult read(ManifestFormat format, InputStream in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    switch (format) {
      case HASHDEEP:
        return HashdeepCodec.read(in, source);
      case GNU:
        return GnuCodec.read(in, source);
      case BSD:
        return BsdCodec.read(in, source);
      case DFXML:
        return DfxmlCodec.read(in, source);
      case CSV:
        return CsvCodec.read(in, source);
      case JSON:
        return JsonCodec.read(in, source);
      default:
        throw new IllegalArgumentException("no reader for " + format);
    }
  }

  /** Reads a manifest file of whatever format its first bytes show; see {@link ManifestFormat#readFile}. */
  public static ManifestReadResult readFile(Path file) throws IOException {
    String source = file.toString();
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), HEAD_BYTES)) {
      in.mark(HEAD_BYTES);
      byte[] head = in.readNBytes(HEAD_BYTES);
      in.reset();
      return read(detect(head, source), in, source);
    }
  }

  /**
   * The format of a manifest that starts with these bytes (a UTF-8 byte-order mark and blank lines are
   * skipped): the hashdeep header, XML, a JSON object, the CSV header {@code path,size}, a tagged checksum
   * line, or a checksum line {@code HEX␠␠NAME}.
   *
   * @throws ManifestParseException when none fits
   */
  public static ManifestFormat detect(byte[] head, String source) throws ManifestParseException {
    int start = 0;
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    String text = new String(head, start, head.length - start, StandardCharsets.UTF_8);
    int i = 0;
    long line = 1;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      if (text.charAt(i) == '\n') {
        line++;
      }
      i++;
    }
    if (i == text.length()) {
      throw new ManifestParseException(source, 0, "the manifest is empty");
    }
    int eol = text.indexOf('\n', i);
    String first = text.substring(i, eol < 0 ? text.length() : eol);
    if (first.endsWith("\r")) {
      first = first.substring(0, first.length() - 1);
    }
    if (first.startsWith("%%%% HASHDEEP")) {
      return ManifestFormat.HASHDEEP;
    }
    if (first.startsWith("<")) {
      return ManifestFormat.DFXML;
    }
    if (first.startsWith("{")) {
      return ManifestFormat.JSON;
    }
    if (first.startsWith("path,size")) {
      return ManifestFormat.CSV;
    }
    if (BSD_START.matcher(first).lookingAt() && (eol < 0 || BsdCodec.isTaggedLine(first))) {
      return ManifestFormat.BSD;
    }
    if (GNU_LINE.matcher(first).lookingAt()) {
      return ManifestFormat.GNU;
    }
    throw new ManifestParseException(source, line,
        "unrecognised manifest format: expected a hashdeep header '%%%% HASHDEEP-1.0', DFXML, a JSON"
            + " manifest, a CSV header 'path,size,...', tagged checksum lines 'SHA256 (NAME) = HEX' or checksum"
            + " lines 'HEX  NAME'; found " + Values.show(first));
  }
}
