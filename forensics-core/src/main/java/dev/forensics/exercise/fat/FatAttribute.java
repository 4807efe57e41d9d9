package dev.forensics.exercise.fat;

/** The attribute bits a file or directory entry may carry besides "directory". */
public enum FatAttribute {
  /** 0x01: the file may not be written. */
  READ_ONLY(0x01),
  /** 0x02: not listed by a normal directory listing. */
  HIDDEN(0x02),
  /** 0x04: belongs to the operating system. */
  SYSTEM(0x04),
  /** 0x20: changed since the last backup (Windows sets it on every new file). */
  ARCHIVE(0x20);

  private final int bit;

  FatAttribute(int bit) {
    this.bit = bit;
  }

  /** The bit in the entry's attribute byte. */
  public int bit() {
    return bit;
  }
}
