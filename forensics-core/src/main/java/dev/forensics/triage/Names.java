package dev.forensics.triage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a file name says: its extension, and the tricks that hide a real extension (double extensions,
 * direction controls, trailing dots and spaces); plus the documented allow-list of extensions that are
 * ordinary for a type although tika-core does not list them.
 */
final class Names {

  /** Extensions that run code on Windows (or are launchers), for double extensions. */
  static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
      "exe", "scr", "com", "bat", "cmd", "pif", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "msi", "ps1",
      "lnk", "jar", "cpl", "dll", "reg", "apk", "sh", "app");

  /** Extensions that are ordinary for a type (by base type) beyond the ones tika-core lists. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("image/jpeg", Set.of("jpg", "jpeg", "jpe", "jfif", "jif", "jfi")),
      Map.entry("image/tiff", Set.of("tif", "tiff")),
      Map.entry("text/html", Set.of("htm", "html", "xhtml", "shtml")),
      Map.entry("application/xhtml+xml", Set.of("htm", "html", "xhtml")),
      Map.entry("audio/mpeg", Set.of("mp3", "mpga")),
      Map.entry("application/x-sqlite3", Set.of("db", "sqlite", "sqlite3", "db3", "sqlitedb")),
      Map.entry("application/gzip", Set.of("gz", "tgz", "gzip")),
      Map.entry("application/x-gtar", Set.of("tar")),
      Map.entry("application/x-msdownload", Set.of("exe", "dll", "sys", "scr", "cpl", "ocx", "drv", "efi", "com", "mui")),
      Map.entry("application/x-dosexec", Set.of("exe", "com", "sys")),
      Map.entry("application/x-sharedlib", Set.of("so", "bin", "elf")),
      Map.entry("application/x-executable", Set.of("bin", "elf", "out")));

  /** Any text may be named as plain text, a log, a list or notes. */
  static final Set<String> TEXT_EXTENSIONS =
      Set.of("txt", "text", "log", "csv", "tsv", "md", "ini", "cfg", "conf", "nfo", "asc", "lst");

  /** Invisible characters that change the displayed order of a name (bidirectional controls). */
  static boolean isDirectionControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  private Names() {}

  /** The name without trailing dots and spaces (which Windows drops). */
  static String trimmed(String name) {
    int end = name.length();
    while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
      end--;
    }
    return name.substring(0, end);
  }

  /** The extension, lower case without the dot, "" for none (a leading dot alone is no extension). */
  static String extension(String name) {
    String t = trimmed(name);
    int dot = t.lastIndexOf('.');
    return dot <= 0 || dot == t.length() - 1 ? "" : t.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The extension before the last one, "" for none ("invoice.pdf.exe" gives "pdf"). */
  static String innerExtension(String name) {
    String t = trimmed(name);
    int last = t.lastIndexOf('.');
    if (last <= 0) {
      return "";
    }
    String rest = t.substring(0, last).stripTrailing();
    int dot = rest.lastIndexOf('.');
    return dot <= 0 || dot == rest.length() - 1 ? "" : rest.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
  }

  /** The direction controls in a name, as "U+202E RIGHT-TO-LEFT OVERRIDE". */
  static List<String> directionControls(String name) {
    return name.codePoints().filter(Names::isDirectionControl).distinct()
        .mapToObj(c -> String.format(Locale.ROOT, "U+%04X %s", c, Character.getName(c))).toList();
  }

  /** The name with invisible and control characters shown as \\uXXXX. */
  static String visible(String name) {
    StringBuilder sb = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (isDirectionControl(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        sb.append(String.format(Locale.ROOT, "\\u%04X", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }
}
