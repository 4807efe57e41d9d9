package dev.forensics.triage;

/** How a file's type was decided, as DROID records its identification method. */
public enum DecisionBasis {
  /** A signature (magic bytes) in the file's first 64 KiB matched. */
  MAGIC,
  /** The structure inside a container (ZIP central directory, OLE2 directory, PDF trailer) decided. */
  CONTAINER,
  /** The bytes gave a type and the file's name chose a more specific type within that type's family. */
  NAME_REFINEMENT,
  /** Nothing in the bytes matched: the type is unknown (the name is never used alone). */
  NONE;

  /** The lower-case name used in reports. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
