package dev.forensics.knownfiles;

import java.io.IOException;

/**
 * A hash-set file that cannot be loaded at all: unrecognised format, missing or wrong header, broken CSV
 * quoting, not an NSRL database. The message starts with {@code source:line:} (or {@code source:} when
 * the error is not tied to a line).
 */
public class HashSetParseException extends IOException {

  private final String source;
  private final long line;

  /** An error at a line of a source ({@code line} 0 when not tied to one). */
  public HashSetParseException(String source, long line, String message) {
    this(source, line, message, null);
  }

  /** An error at a line of a source, caused by another exception. */
  public HashSetParseException(String source, long line, String message, Throwable cause) {
    super((line > 0 ? source + ":" + line + ": " : source + ": ") + message, cause);
    this.source = source;
    this.line = line;
  }

  /** The file (or other source) name. */
  public String source() {
    return source;
  }

  /** 1-based line number, 0 when not tied to a line. */
  public long line() {
    return line;
  }
}
