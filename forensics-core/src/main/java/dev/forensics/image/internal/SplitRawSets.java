package dev.forensics.image.internal;

import dev.forensics.image.ImageFormatException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the split raw set a file belongs to from its name: {@code NAME.001}, {@code NAME.000}, {@code
 * NAME.0001} … (numeric, any width of two or more digits, growing past the width as {@code .999}, {@code
 * .1000}) and {@code NAME.aa}/{@code NAME.aaa} … (letters, two or three, all lower or all upper case).
 */
public final class SplitRawSets {

  private enum Kind {
    NUMERIC,
    LOWER,
    UPPER
  }

  private final Path file;
  private final String base;
  private final Kind kind;
  private final int width;

  private SplitRawSets(Path file, String base, Kind kind, int width) {
    this.file = file;
    this.base = base;
    this.kind = kind;
    this.width = width;
  }

  /**
   * The segments of the split raw set {@code file} belongs to, in order, or empty when its name does not
   * make it a segment. A numeric extension always makes a segment; letters do only when the set's first
   * segment ({@code .aa}/{@code .aaa}) or the segment just before {@code file} exists, so that {@code
   * disk.img} or {@code disk.dd} stays a raw image.
   *
   * @throws ImageFormatException naming the first missing segment when the numbering has a gap or the
   *     first segment is missing
   */
  public static Optional<List<Path>> find(Path file) throws IOException {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String base = name.substring(0, dot);
    String ext = name.substring(dot + 1);
    Kind kind = kindOf(ext);
    if (kind == null) {
      return Optional.empty();
    }
    List<String> extensions = siblingExtensions(file, base);
    int width = ext.length();
    if (kind == Kind.NUMERIC) {
      // the set's width is that of its zero-padded names: .999 is followed by .1000
      for (String e : extensions) {
        if (e.length() >= 2 && e.charAt(0) == '0' && kindOf(e) == Kind.NUMERIC) {
          width = Math.min(width, e.length());
        }
      }
    }
    SplitRawSets set = new SplitRawSets(file, base, kind, width);
    TreeMap<Long, Path> found = new TreeMap<>();
    for (String e : extensions) {
      long index = set.index(e);
      if (index >= 0) {
        found.put(index, file.resolveSibling(base + "." + e));
      }
    }
    long opened = set.index(ext);
    if (opened < 0) {
      return Optional.empty(); // more digits than a long holds: not a segment number
    }
    found.putIfAbsent(opened, file); // even if the listing missed it (it was checked to exist)
    if (kind != Kind.NUMERIC && !found.containsKey(0L) && !found.containsKey(opened - 1)) {
      return Optional.empty();
    }
    return Optional.of(set.checkContiguous(found));
  }

  private List<Path> checkContiguous(TreeMap<Long, Path> found) throws ImageFormatException {
    long first = kind == Kind.NUMERIC && !found.containsKey(0L) ? 1 : 0;
    long last = found.lastKey();
    String range = found.firstEntry().getValue().getFileName() + " to " + found.lastEntry().getValue().getFileName();
    if (!found.containsKey(first)) {
      String expected = kind == Kind.NUMERIC ? name(0) + " or " + name(1) : name(0);
      throw new ImageFormatException(file.resolveSibling(name(first)),
          "missing first segment of split raw set (expected " + expected + " before " + range + ")");
    }
    List<Path> segments = new ArrayList<>();
    for (long i = first; i <= last; i++) {
      Path p = found.get(i);
      if (p == null) {
        throw new ImageFormatException(file.resolveSibling(name(i)),
            "missing segment of split raw set " + range);
      }
      segments.add(p);
    }
    return segments;
  }

  /** The extensions of the regular files named {@code base.EXT} next to {@code file}. */
  private static List<String> siblingExtensions(Path file, String base) throws IOException {
    List<String> extensions = new ArrayList<>();
    String prefix = base + ".";
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(file.toAbsolutePath().getParent())) {
      for (Path entry : dir) {
        String name = entry.getFileName().toString();
        if (name.startsWith(prefix) && name.length() > prefix.length() && Files.isRegularFile(entry)) {
          extensions.add(name.substring(prefix.length()));
        }
      }
    }
    return extensions;
  }

  /** The index of a segment extension in this set, or -1 when it does not belong. */
  private long index(String ext) {
    if (kindOf(ext) != kind) {
      return -1;
    }
    if (kind == Kind.NUMERIC) {
      if (ext.length() < width || (ext.length() > width && ext.charAt(0) == '0') || ext.length() > 18) {
        return -1;
      }
      return Long.parseLong(ext);
    }
    if (ext.length() != width) {
      return -1;
    }
    char a = kind == Kind.LOWER ? 'a' : 'A';
    long index = 0;
    for (int i = 0; i < ext.length(); i++) {
      index = index * 26 + (ext.charAt(i) - a);
    }
    return index;
  }

  private String name(long index) {
    if (kind == Kind.NUMERIC) {
      return base + "." + String.format("%0" + width + "d", index);
    }
    char a = kind == Kind.LOWER ? 'a' : 'A';
    char[] letters = new char[width];
    for (int i = width - 1; i >= 0; i--) {
      letters[i] = (char) (a + index % 26);
      index /= 26;
    }
    return base + "." + new String(letters);
  }

  private static Kind kindOf(String ext) {
    if (ext.length() >= 2 && ext.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Kind.NUMERIC;
    }
    if (ext.length() == 2 || ext.length() == 3) {
      if (ext.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        return Kind.LOWER;
      }
      if (ext.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
        return Kind.UPPER;
      }
    }
    return null;
  }
}
