package dev.forensics.image.internal;

import dev.forensics.image.ImageFormatException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The names of EWF segment files as libewf and EnCase give them: {@code NAME.E01} … {@code NAME.E99}, then
 * {@code NAME.EAA} … {@code NAME.EZZ}, {@code NAME.FAA} … up to {@code NAME.ZZZ}; the same in lower case
 * ({@code .e01}, the {@code ewf} format) and with {@code s} for SMART ({@code .s01}).
 */
public final class EwfSegmentNames {

  private final Path directoryFile;
  private final String base;
  private final char first;

  private EwfSegmentNames(Path directoryFile, String base, char first) {
    this.directoryFile = directoryFile;
    this.base = base;
    this.first = first;
  }

  /**
   * The naming scheme of the set {@code file} belongs to, given the segment number its file header holds.
   *
   * @throws ImageFormatException if the file's extension is not the EWF name of that segment number
   */
  public static EwfSegmentNames of(Path file, int segmentNumber) throws ImageFormatException {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    if (ext.length() == 3 && segmentNumber >= 1 && Character.isLetter(ext.charAt(0))) {
      char first = (char) (ext.charAt(0) - (segmentNumber < 100 ? 0 : (segmentNumber - 100) / (26 * 26)));
      boolean upper = Character.isUpperCase(ext.charAt(0));
      if (first >= (upper ? 'A' : 'a') && first <= (upper ? 'Z' : 'z')) {
        EwfSegmentNames names = new EwfSegmentNames(file, name.substring(0, dot), first);
        if (names.extension(segmentNumber).equals(ext)) {
          return names;
        }
      }
    }
    throw new ImageFormatException(file, "EWF segment " + segmentNumber
        + " must be named NAME.E" + String.format(Locale.ROOT, "%02d", Math.min(99, Math.max(1, segmentNumber)))
        + " (or .e.., .s..) to find the other segments of its set");
  }

  /** The largest segment number the scheme can name ({@code .ZZZ} for a set starting at {@code .E01}). */
  public int maxSegment() {
    boolean upper = Character.isUpperCase(first);
    return 99 + ((upper ? 'Z' : 'z') - first + 1) * 26 * 26;
  }

  /** The file of segment {@code number} (from 1), next to the file the scheme was made from. */
  public Path segment(int number) {
    return directoryFile.resolveSibling(base + "." + extension(number));
  }

  private String extension(int number) {
    if (number < 1 || number > maxSegment()) {
      throw new IllegalArgumentException("segment number out of range: " + number);
    }
    if (number < 100) {
      return first + String.format(Locale.ROOT, "%02d", number);
    }
    int m = number - 100;
    boolean upper = Character.isUpperCase(first);
    char a = upper ? 'A' : 'a';
    return String.valueOf((char) (first + m / (26 * 26))) + (char) (a + m / 26 % 26) + (char) (a + m % 26);
  }
}
