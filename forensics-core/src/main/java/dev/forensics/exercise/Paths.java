package dev.forensics.exercise;

import java.util.Objects;

/** Checks on the relative paths and names a scenario uses, so that nothing is written outside the output. */
final class Paths {
  private Paths() {}

  /** Longest relative path accepted, in characters. */
  static final int MAX_PATH = 240;

  /**
   * A relative path with {@code /} separators: no leading {@code /}, no empty, {@code .} or {@code ..}
   * component, no backslash, colon or control character.
   */
  static String requireRelativePath(String path, String what) {
    Objects.requireNonNull(path, what);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    if (path.length() > MAX_PATH) {
      throw new IllegalArgumentException("must be at most " + MAX_PATH + " characters, got " + path.length());
    }
    if (path.startsWith("/")) {
      throw new IllegalArgumentException("must be relative (no leading /): '" + path + "'");
    }
    for (String part : path.split("/", -1)) {
      checkName(part, path);
    }
    return path;
  }

  /** A single file or folder name (no {@code /}). */
  static String requireFileName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.contains("/")) {
      throw new IllegalArgumentException("must be a plain name without /: '" + name + "'");
    }
    checkName(name, name);
    return name;
  }

  private static void checkName(String part, String whole) {
    if (part.isEmpty() || part.equals(".") || part.equals("..")) {
      throw new IllegalArgumentException("has an empty, '.' or '..' component: '" + whole + "'");
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
        throw new IllegalArgumentException(
            "must not contain control characters, \\ or : ('" + whole.replaceAll("\\p{Cntrl}", "?") + "')");
      }
    }
  }

  /** The last component of a relative path. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Number of folders above the file. */
  static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }
}
