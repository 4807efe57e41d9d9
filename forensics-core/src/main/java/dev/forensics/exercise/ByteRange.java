package dev.forensics.exercise;

import java.util.Objects;

/**
 * Where a planted thing lies: {@code length} bytes at {@code offset} within the artifact's file or within
 * the disk image, and what they are (e.g. {@code appended text}, {@code zip archive}, {@code slack}).
 */
public record ByteRange(Within within, long offset, long length, String what) {

  /** What an offset counts from. */
  public enum Within {
    /** The start of the artifact's file. */
    FILE("file"),
    /** The start of the disk image. */
    DISK_IMAGE("disk-image");

    private final String id;

    Within(String id) {
      this.id = id;
    }

    /** The name used in the answer key. */
    public String id() {
      return id;
    }
  }

  public ByteRange {
    Objects.requireNonNull(within, "within");
    Objects.requireNonNull(what, "what");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must be >= 0, got " + offset + " and " + length);
    }
    if (what.isBlank()) {
      throw new IllegalArgumentException("what must not be blank");
    }
  }
}
