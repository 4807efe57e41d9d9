package dev.forensics.exercise.fat;

import java.util.Set;

/**
 * A directory or file to plant on a FAT volume, named by its path from the root with {@code /} between
 * components ({@code Documents/Q3 report.docx}). Names are long file names: the writer adds the VFAT long
 * name entries and a generated 8.3 short name where the name needs them.
 */
public sealed interface FatNode permits FatDirectory, FatFile {

  /** The path from the root, components separated by {@code /}, without leading or trailing slash. */
  String path();

  /** The entry's time stamps. */
  FatTimes times();

  /** The entry's attributes besides "directory". */
  Set<FatAttribute> attributes();

  /** The last path component. */
  default String name() {
    String p = path();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** The path of the containing directory, {@code ""} for the root. */
  default String parentPath() {
    String p = path();
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : p.substring(0, slash);
  }
}
