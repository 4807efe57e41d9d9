package dev.forensics.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An evidence image that cannot be opened as a whole: an unsupported format, or a split raw set with a
 * missing, short or oversized segment. The message starts with the file concerned.
 */
public class ImageFormatException extends IOException {

  private final transient Path file;

  /** An error about {@code file}; the message becomes {@code "FILE: message"}. */
  public ImageFormatException(Path file, String message) {
    this(file, message, null);
  }

  /** An error about {@code file} caused by {@code cause}; the message becomes {@code "FILE: message"}. */
  public ImageFormatException(Path file, String message, Throwable cause) {
    super(Objects.requireNonNull(file, "file") + ": " + message, cause);
    this.file = file;
  }

  /** The file the error is about (for a missing segment, the file that should exist). */
  public Path file() {
    return file;
  }
}
