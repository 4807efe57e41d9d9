package dev.forensics.exercise.fat.internal;

import dev.forensics.exercise.fat.InvalidFatVolumeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks paths and long file names against what Windows accepts on FAT. */
public final class Names {

  /** The longest long name, in UTF-16 code units. */
  public static final int MAX_LONG_NAME = 255;

  private static final String ILLEGAL = "\"*/:<>?\\|";

  private Names() {}

  /** The components of {@code path}, each checked. */
  public static List<String> components(String path) {
    if (path.isEmpty()) {
      throw new InvalidFatVolumeException("(empty path)", "a path must name at least one component");
    }
    if (path.startsWith("/") || path.endsWith("/")) {
      throw new InvalidFatVolumeException(path, "paths are relative to the root: no leading or trailing '/'");
    }
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      check(part, path);
      parts.add(part);
    }
    return parts;
  }

  /** Refuses a name Windows would not store as given. */
  public static void check(String name, String path) {
    if (name.isEmpty()) {
      throw new InvalidFatVolumeException(path, "empty name component (double '/')");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new InvalidFatVolumeException(path, "'" + name + "' is reserved");
    }
    if (name.length() > MAX_LONG_NAME) {
      throw new InvalidFatVolumeException(path, "name is " + name.length() + " UTF-16 units long, FAT allows "
          + MAX_LONG_NAME + ": \"" + name + "\"");
    }
    char last = name.charAt(name.length() - 1);
    if (last == '.' || last == ' ') {
      throw new InvalidFatVolumeException(path, "name ends with '" + last + "', which Windows strips: \"" + name + "\"");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw new InvalidFatVolumeException(path, String.format(Locale.ROOT,
            "control character U+%04X at position %d of \"%s\"", (int) c, i, printable(name)));
      }
      if (ILLEGAL.indexOf(c) >= 0) {
        throw new InvalidFatVolumeException(path, "character '" + c + "' is not allowed in a FAT name: \"" + name + "\"");
      }
      if (Character.isHighSurrogate(c) && (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1)))
          || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(name.charAt(i - 1)))) {
        throw new InvalidFatVolumeException(path, "unpaired UTF-16 surrogate at position " + i);
      }
    }
  }

  /** The key under which FAT compares names (case-insensitive). */
  public static String key(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      b.append(Character.toUpperCase(name.charAt(i)));
    }
    return b.toString();
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x7F ? '?' : c);
    }
    return b.toString();
  }
}
