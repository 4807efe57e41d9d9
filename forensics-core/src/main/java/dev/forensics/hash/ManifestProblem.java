package dev.forensics.hash;

import java.util.Objects;

/**
 * A part of a manifest that could not be read, such as a malformed line; the rest of the manifest is
 * still used. {@code line} is 1-based, 0 when the problem is not tied to a line.
 */
public record ManifestProblem(String source, long line, String message) {

  public ManifestProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
  }
}
