package dev.forensics.exercise.fat;

/**
 * A run of bytes in the image.
 *
 * @param offset byte offset from the start of the image
 * @param length number of bytes
 */
public record ByteRange(long offset, long length) {

  public ByteRange {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative: " + offset + ", " + length);
    }
  }

  /** The offset just after the range. */
  public long end() {
    return offset + length;
  }
}
