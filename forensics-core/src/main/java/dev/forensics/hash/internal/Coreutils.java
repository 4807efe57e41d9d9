package dev.forensics.hash.internal;

/**
 * File-name escaping of coreutils checksum lines ({@code src/cksum.c}, {@code src/digest.c}): a name
 * holding a backslash, newline or carriage return is written with {@code \\}, {@code \n}, {@code \r}, and
 * the whole line then starts with a backslash.
 */
final class Coreutils {

  private Coreutils() {}

  /** Whether the name must be escaped (and its line start with a backslash). */
  static boolean needsEscape(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  static String escape(String name) {
    StringBuilder b = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String escaped) throws RecordException {
    StringBuilder b = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i + 1 == escaped.length()) {
        throw new RecordException("file name ends in an unfinished escape '\\'");
      }
      char e = escaped.charAt(++i);
      switch (e) {
        case '\\':
          b.append('\\');
          break;
        case 'n':
          b.append('\n');
          break;
        case 'r':
          b.append('\r');
          break;
        default:
          throw new RecordException(
              "invalid escape '\\" + e + "' in file name (only \\\\, \\n and \\r are allowed)");
      }
    }
    return b.toString();
  }
}
