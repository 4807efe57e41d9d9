package dev.forensics.knownfiles;

/** The verdict for one file across a library of hash sets; a notable match outranks a known one. */
public enum KnownFileStatus {
  /** At least one notable set lists the file. */
  NOTABLE,
  /** No notable set lists the file, but at least one known set does. */
  KNOWN,
  /** No set lists the file, or no set records an algorithm the file was hashed with. */
  UNKNOWN
}
