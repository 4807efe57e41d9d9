package dev.forensics.image;

import java.io.IOException;
import java.util.Objects;

/**
 * An acquisition log that cannot be used: not one of the formats read, no hash of the whole media, two
 * different hashes of the whole media for one algorithm, a hash that is not hex of the right length, or
 * a verification the log itself reports as failed. The message starts with {@code FILE:LINE: } (or
 * {@code FILE: } when not tied to a line).
 */
public class AcquisitionLogException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;

  /**
   * @param source the log's name, as given
   * @param line 1-based line number, 0 when the problem is not tied to a line
   * @param message what is wrong
   */
  public AcquisitionLogException(String source, long line, String message) {
    super((line > 0 ? source + ":" + line + ": " : source + ": ") + Objects.requireNonNull(message, "message"));
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
  }

  /** The log's name, as given. */
  public String source() {
    return source;
  }

  /** 1-based line number, 0 when not tied to a line. */
  public long line() {
    return line;
  }
}
