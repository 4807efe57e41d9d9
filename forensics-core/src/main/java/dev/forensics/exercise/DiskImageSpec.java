package dev.forensics.exercise;

import java.util.Objects;

/**
 * The FAT disk image to generate: file name in the output folder, FAT variant, size in bytes (a multiple of
 * 512) and volume label (at most 11 characters, upper-case letters, digits, space, {@code _} and {@code -}).
 */
public record DiskImageSpec(String fileName, FatType fat, long sizeBytes, String label) {

  /** Smallest image accepted: 64 KiB. */
  public static final long MIN_SIZE = 64L * 1024;
  /** Largest image accepted: 2 GiB, enough for any classroom exercise. */
  public static final long MAX_SIZE = 2L * 1024 * 1024 * 1024;

  /**
   * @throws IllegalArgumentException for a size out of range or not a multiple of 512, or a bad label
   */
  public DiskImageSpec {
    Paths.requireFileName(fileName, "file name");
    Objects.requireNonNull(fat, "fat");
    Objects.requireNonNull(label, "label");
    if (sizeBytes < MIN_SIZE || sizeBytes > MAX_SIZE) {
      throw new IllegalArgumentException("must be between 64 KiB and 2 GiB, got " + sizeBytes + " bytes");
    }
    if (sizeBytes % 512 != 0) {
      throw new IllegalArgumentException("must be a multiple of 512 bytes, got " + sizeBytes);
    }
    if (!label.matches("[A-Z0-9 _-]{1,11}")) {
      throw new IllegalArgumentException(
          "must be 1 to 11 characters A-Z, 0-9, space, _ or -, got '" + label + "'");
    }
  }
}
