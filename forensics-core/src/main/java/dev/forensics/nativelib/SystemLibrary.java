package dev.forensics.nativelib;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a native library that the toolkit may use (libsodium, libcrypto) by an absolute path only: the
 * path a system property names, or the first of its file names found in the system's library folders.
 * Never by a bare name, which Windows (and macOS) also look up in the current folder: a tool run inside
 * an evidence folder must not load a library planted there.
 */
public final class SystemLibrary {

  /** Where operating systems and package managers install shared libraries (Windows has none: name it). */
  public static final List<String> SYSTEM_DIRS = List.of(
      "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
      "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib", "/opt/homebrew/lib", "/opt/local/lib");

  private SystemLibrary() {}

  /**
   * The library's file: {@code given} (the value of the system property {@code property}, may be null),
   * or the first of {@code names} found in {@code dirs}, searched in order; relative folders are skipped.
   *
   * @throws UnsatisfiedLinkError when {@code given} is not absolute, or no folder holds the library
   */
  public static Path locate(String given, String property, List<String> names, List<String> dirs) {
    if (given != null) {
      Path p = Path.of(given);
      if (!p.isAbsolute()) {
        throw new UnsatisfiedLinkError(property + " must be an absolute path, got " + given);
      }
      return p;
    }
    for (String dir : dirs) {
      for (String name : names) {
        Path p = Path.of(dir, name);
        if (p.isAbsolute() && Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    throw new UnsatisfiedLinkError("not in " + String.join(", ", dirs)
        + " (name it with -D" + property + "=ABSOLUTE-PATH)");
  }
}
