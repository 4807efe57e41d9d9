package dev.forensics.exercise.fat;

import java.util.Objects;

/**
 * Bytes hidden in a file's slack.
 *
 * @param path the file whose last cluster holds them
 * @param range where they are in the image (right after the file's last byte)
 */
public record SlackPlant(String path, ByteRange range) {

  public SlackPlant {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(range, "range");
  }
}
