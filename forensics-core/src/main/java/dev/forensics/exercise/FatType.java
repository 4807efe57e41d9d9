package dev.forensics.exercise;

/** The FAT variant of a generated disk image. */
public enum FatType {
  FAT12("fat12"),
  FAT16("fat16"),
  FAT32("fat32");

  private final String id;

  FatType(String id) {
    this.id = id;
  }

  /** The name used in scenario files, e.g. {@code fat16}. */
  public String id() {
    return id;
  }
}
