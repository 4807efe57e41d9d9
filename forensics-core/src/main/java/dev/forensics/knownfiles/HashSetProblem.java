package dev.forensics.knownfiles;

import java.util.Objects;

/**
 * A part of a hash-set file that could not be used, such as a malformed line; the rest of the file is
 * still loaded.
 *
 * @param source the file, as given to the loader
 * @param line 1-based line number (for an NSRL RDS v3 database: the row's position in the query result),
 *     0 when the problem is not tied to a line
 * @param message what is wrong, without the source and line
 */
public record HashSetProblem(String source, long line, String message) {

  /** Checks that source and message are present. */
  public HashSetProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
  }
}
