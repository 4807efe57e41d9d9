package dev.forensics.triage;

/** What kind of content a file holds, for sorting evidence into piles a student recognises. */
public enum Category {
  DOCUMENT,
  SPREADSHEET,
  PRESENTATION,
  IMAGE,
  AUDIO,
  VIDEO,
  ARCHIVE,
  /** Programs: PE, ELF, Mach-O, Java and Android packages, scripts. */
  EXECUTABLE,
  DATABASE,
  EMAIL,
  DISK_IMAGE,
  TEXT,
  /** Content that cannot be read without a key: encrypted Office files, PGP messages, high-entropy data. */
  ENCRYPTED,
  UNKNOWN;

  /** The lower-case name used in reports ({@code disk-image} for {@link #DISK_IMAGE}). */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
