package dev.forensics.exercise.fat;

import java.util.Objects;

/**
 * A volume description that cannot be written: an illegal or too long name, a duplicate name, a missing
 * parent directory, a geometry outside the FAT type's legal range, content that does not fit, a time stamp
 * FAT cannot hold. The message starts with the item concerned.
 */
public class InvalidFatVolumeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String item;

  /** An error about {@code item} (a path, or a name such as {@code volume} or {@code unallocated plant 1}). */
  public InvalidFatVolumeException(String item, String message) {
    super(Objects.requireNonNull(item, "item") + ": " + message);
    this.item = item;
  }

  /** The item the error is about. */
  public String item() {
    return item;
  }
}
