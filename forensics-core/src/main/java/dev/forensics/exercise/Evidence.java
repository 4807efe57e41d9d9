package dev.forensics.exercise;

import java.util.Optional;

/**
 * What the builder writes for students: a folder of files, a FAT disk image, or both (the same files in
 * each; deleted files, slack and unallocated data only in the image).
 *
 * @param folder name of the evidence folder inside the output folder, if files are wanted
 * @param diskImage the disk image, if one is wanted
 */
public record Evidence(Optional<String> folder, Optional<DiskImageSpec> diskImage) {
  /**
   * @throws IllegalArgumentException when neither is given, or the folder name is not a plain name
   */
  public Evidence {
    folder.ifPresent(f -> Paths.requireFileName(f, "folder"));
    if (folder.isEmpty() && diskImage.isEmpty()) {
      throw new IllegalArgumentException("needs a folder, a disk-image or both");
    }
  }
}
