package dev.forensics.hash;

import java.io.IOException;

/** A manifest that cannot be read at all: unknown format, no header, not well-formed XML or JSON. */
public class ManifestParseException extends IOException {

  private final String source;
  private final long line;

  public ManifestParseException(String source, long line, String message) {
    this(source, line, message, null);
  }

  public ManifestParseException(String source, long line, String message, Throwable cause) {
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
