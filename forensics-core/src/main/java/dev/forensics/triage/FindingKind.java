package dev.forensics.triage;

import java.util.Locale;

/**
 * The kinds of triage finding, each with the weight it adds to a file's priority score and an English
 * reason pattern ({@link java.text.MessageFormat}, filled with {@link Finding#args()}).
 */
public enum FindingKind {
  /** A notable (known-bad) hash set lists the file. */
  NOTABLE_FILE(100, "listed in the notable hash set {0}"),
  /** The name holds an invisible direction control (U+202E RIGHT-TO-LEFT OVERRIDE …). */
  DIRECTION_CONTROL_IN_NAME(60,
      "the name holds the invisible character {0}, so it is shown in a different order than it is stored; "
          + "its real ending is ''{1}''"),
  /** A harmless-looking extension followed by an executable one (invoice.pdf.exe). */
  DOUBLE_EXTENSION(50, "double extension: ''.{0}'' is shown, but the name really ends in ''.{1}''"),
  /** The extension belongs to another type than the content. */
  EXTENSION_MISMATCH(40, "the extension ''.{0}'' does not fit the content, which is {1} (expected: {2})"),
  /** Archive or executable signature inside an image's data. */
  EMBEDDED_SIGNATURE(40, "a {0} signature at offset {1}, inside the image data ({2} bytes to the image''s end)"),
  /** High entropy and no known format: encryption suspected. */
  ENCRYPTION_SUSPECTED(40,
      "entropy {0} bits per byte (threshold {1}) over {2} bytes of no known format: possibly encrypted "
          + "(random, wiped or compressed data look the same)"),
  /** An archive that expands far beyond its own size (or the byte limit): a decompression bomb. */
  ARCHIVE_BOMB(50, "{0}: expansion stopped after {1} bytes from an archive of {2} bytes"),
  /** Bytes after the logical end of a JPEG, PNG, GIF, ZIP or PDF. */
  APPENDED_DATA(35, "{0} bytes after the {1}, from offset {2}{3}"),
  /** The format says its content is encrypted. */
  ENCRYPTED_CONTENT(30, "encrypted content: {0}"),
  /** The name ends with a dot or a space. */
  TRAILING_DOT_OR_SPACE(25,
      "the name ends with {0}: Windows drops it, so the file shows (and opens) under another name"),
  /** The structure of a container or image is damaged or truncated. */
  DAMAGED_STRUCTURE(15, "damaged or truncated {0}: {1}"),
  /** A timestamp later than now. */
  TIME_IN_FUTURE(15, "the {0} time {1} is in the future (now: {2})"),
  /** An executable with no extension. */
  EXECUTABLE_WITHOUT_EXTENSION(15,
      "a program ({0}) with no extension: usual on Linux and macOS, suspicious on Windows"),
  /** An archive whose members were not all examined (limits, encryption, damage). */
  ARCHIVE_NOT_FULLY_EXPANDED(10, "not every member was examined: {0}"),
  /** A timestamp before 1990. */
  TIME_BEFORE_1990(10, "the {0} time {1} is before 1990: a reset clock, a tool that writes no times, or forged"),
  /** A known (ignorable) hash set lists the file. */
  KNOWN_FILE(-100, "listed in the known-file hash set {0}: an ordinary file, ranked last");

  private final int weight;
  private final String pattern;

  FindingKind(int weight, String pattern) {
    this.weight = weight;
    this.pattern = pattern;
  }

  /** What the finding adds to the priority score (negative: the file sinks). */
  public int weight() {
    return weight;
  }

  /** The English reason pattern. */
  public String pattern() {
    return pattern;
  }

  /** The lower-case, dashed name used in reports and as the message key suffix. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
