package dev.forensics.exercise;

import java.util.Objects;

/**
 * Background ("noise") files of one type: how many, in which folders and under which names. Names must end
 * in an honest extension of the type (mismatches are planted artifacts, not noise).
 *
 * @param type the kind of file generated
 * @param count how many, 1 to {@link #MAX_COUNT}
 * @param folder pattern of the folder (relative path) each file goes into
 * @param name pattern of the file name; it must contain {@code {n}} when count is above 1
 */
public record BackgroundFiles(FileType type, int count, NamePattern folder, NamePattern name) {
  /** Most files of one background line. */
  public static final int MAX_COUNT = 10_000;

  /**
   * @throws IllegalArgumentException for a count out of range, a name that does not end in one of the
   *     type's extensions, or several files with a name that cannot differ
   */
  public BackgroundFiles {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(name, "name");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("must be between 1 and " + MAX_COUNT + ", got " + count);
    }
    if (!type.matchesName(name.literalSuffix())) {
      throw new IllegalArgumentException(
          "must end in ." + String.join(" or .", type.extensions()) + " for type " + type.id()
              + ", got '" + name.text() + "'");
    }
    if (count > 1 && !name.numbersFiles()) {
      throw new IllegalArgumentException("must contain {n} so that the " + count + " files get different names");
    }
  }
}
