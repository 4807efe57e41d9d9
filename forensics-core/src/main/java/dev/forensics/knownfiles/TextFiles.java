package dev.forensics.knownfiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening hash-set text files: UTF-8, bytes that are not UTF-8 become U+FFFD (names only; digests are ASCII). */
final class TextFiles {

  private static final int BUFFER = 1 << 16;

  private TextFiles() {}

  static BufferedReader open(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            Files.newInputStream(file),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)),
        BUFFER);
  }

  /** The line without a leading byte-order mark. */
  static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  /** A line shortened for quoting in a message. */
  static String excerpt(String line) {
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
