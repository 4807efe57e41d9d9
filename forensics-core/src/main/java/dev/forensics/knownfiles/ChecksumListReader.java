package dev.forensics.knownfiles;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.knownfiles.internal.HexWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads checksum lists: {@code HEX  NAME} / {@code HEX *NAME} (coreutils, b3sum; also md5 -r's
 * {@code HEX NAME}), a leading {@code \} marking an escaped name, BSD tag lines {@code TAG (NAME) = HEX},
 * and bare hex digests. Blank lines and lines starting with {@code #} are skipped. The algorithm of an
 * untagged digest follows from its length.
 */
final class ChecksumListReader {

  static final String UNRECOGNISED =
      "unrecognised line: expected 'HEX  NAME', 'HEX *NAME', 'TAG (NAME) = HEX' or a bare hex digest";

  enum Outcome {
    ENTRY,
    SKIP,
    ERROR
  }

  private final HashAlgorithm digest64;
  private final boolean wantNames;
  final long[][] keys = new long[HashAlgorithm.values().length][];
  HashAlgorithm algorithm;
  String fileName;
  String error;

  ChecksumListReader(LoadOptions options) {
    this.digest64 = options.digest64();
    this.wantNames = options.names() == LoadOptions.NameRetention.KEEP;
    for (HashAlgorithm a : HashAlgorithm.values()) {
      keys[a.ordinal()] = new long[HexWords.wordsFor(a.lengthBytes())];
    }
  }

  static KnownFileSetLoadResult read(Path file, HashSetKind kind, String name, LoadOptions options)
      throws IOException {
    ChecksumListReader parser = new ChecksumListReader(options);
    KnownFileSet.Builder builder =
        KnownFileSet.builder(name, kind, HashSetFormat.CHECKSUM_LIST).names(options.names());
    ProblemLog problems = new ProblemLog(file.toString());
    long entries = 0;
    long lineNo = 0;
    try (BufferedReader r = TextFiles.open(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (lineNo == 1) {
          line = TextFiles.stripBom(line);
        }
        switch (parser.parse(line)) {
          case ENTRY -> {
            builder.addRow(1 << parser.algorithm.ordinal(), parser.keys, parser.fileName);
            entries++;
          }
          case ERROR -> problems.add(lineNo, parser.error);
          case SKIP -> { }
        }
      }
    }
    return new KnownFileSetLoadResult(builder.build(), problems.toList(), entries);
  }

  /**
   * Parses one line. On {@link Outcome#ENTRY}, {@link #algorithm}, {@code keys[algorithm.ordinal()]}
   * and {@link #fileName} (null when none, or when names are not wanted) describe it; on
   * {@link Outcome#ERROR}, {@link #error} says what is wrong.
   */
  Outcome parse(String line) {
    algorithm = null;
    fileName = null;
    error = null;
    int len = line.length();
    int i = 0;
    while (i < len && isBlank(line.charAt(i))) {
      i++;
    }
    if (i == len || line.charAt(i) == '#') {
      return Outcome.SKIP;
    }
    boolean escaped = line.charAt(i) == '\\';
    if (escaped) {
      i++;
    }
    int j = i;
    while (j < len && HexWords.hexValue(line.charAt(j)) >= 0) {
      j++;
    }
    int hexLength = j - i;
    int end = len;
    while (end > j && isBlank(line.charAt(end - 1))) {
      end--;
    }
    if (hexLength > 0 && end == j) {
      return escaped ? error(UNRECOGNISED) : entry(line, i, hexLength, null, false);
    }
    if (hexLength > 0 && isBlank(line.charAt(j))) {
      int k = j + 1;
      if (k < len && (line.charAt(k) == ' ' || line.charAt(k) == '*')) {
        k++;
      }
      if (k == len) {
        return error("missing file name after the digest");
      }
      return entry(line, i, hexLength, line.substring(k), escaped);
    }
    int open = line.indexOf(" (", i);
    int close = line.lastIndexOf(") = ");
    if (open > i && close >= open + 2 && noBlank(line, i, open)) {
      return tagged(line, line.substring(i, open), open + 2, close, escaped);
    }
    int tokenEnd = i;
    while (tokenEnd < len && !isBlank(line.charAt(tokenEnd))) {
      tokenEnd++;
    }
    HashAlgorithm byLength = forLength(tokenEnd - i);
    if (byLength != null && j < tokenEnd) {
      return error(notHex(byLength, j - i, line.charAt(j)));
    }
    return error(UNRECOGNISED);
  }

  private Outcome entry(String line, int from, int hexLength, String name, boolean escaped) {
    HashAlgorithm a = forLength(hexLength);
    if (a == null) {
      return error(
          "digest of " + hexLength + " hex digits matches no supported algorithm (32 md5, 40 sha1, 64 "
              + digest64.id() + ", 128 sha512)");
    }
    if (!name(name, escaped)) {
      return Outcome.ERROR;
    }
    HexWords.parse(line, from, hexLength, keys[a.ordinal()]);
    algorithm = a;
    return Outcome.ENTRY;
  }

  private Outcome tagged(String line, String tag, int nameStart, int nameEnd, boolean escaped) {
    HashAlgorithm a = tagAlgorithm(tag);
    if (a == null) {
      return error("unsupported algorithm tag '" + tag + "'");
    }
    int from = nameEnd + 4;
    int to = line.length();
    while (to > from && isBlank(line.charAt(to - 1))) {
      to--;
    }
    if (to - from != a.hexLength()) {
      return error(a.id() + " digest must be " + a.hexLength() + " hex digits, got " + (to - from));
    }
    int bad = HexWords.parse(line, from, a.hexLength(), keys[a.ordinal()]);
    if (bad >= 0) {
      return error(notHex(a, bad, line.charAt(from + bad)));
    }
    if (!name(line.substring(nameStart, nameEnd), escaped)) {
      return Outcome.ERROR;
    }
    algorithm = a;
    return Outcome.ENTRY;
  }

  /** Sets {@link #fileName}; false (with {@link #error} set) for a bad escape. */
  private boolean name(String raw, boolean escaped) {
    if (raw == null || (!wantNames && !escaped)) {
      return true;
    }
    String name = raw;
    if (escaped) {
      name = unescape(raw);
      if (name == null) {
        return false;
      }
    }
    fileName = wantNames ? name : null;
    return true;
  }

  /** Undoes coreutils' escaping ({@code \\}, {@code \n}, {@code \r}); null with {@link #error} set if invalid. */
  private String unescape(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i + 1 == raw.length()) {
        error("unfinished escape '\\' at the end of the file name");
        return null;
      }
      char next = raw.charAt(++i);
      switch (next) {
        case '\\' -> sb.append('\\');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        default -> {
          error("invalid escape '\\" + next + "' in the file name");
          return null;
        }
      }
    }
    return sb.toString();
  }

  private HashAlgorithm forLength(int hexLength) {
    return switch (hexLength) {
      case 32 -> HashAlgorithm.MD5;
      case 40 -> HashAlgorithm.SHA1;
      case 64 -> digest64;
      case 128 -> HashAlgorithm.SHA512;
      default -> null;
    };
  }

  private static HashAlgorithm tagAlgorithm(String tag) {
    String t = tag.regionMatches(true, 0, "SHA2-", 0, 5) ? "SHA" + tag.substring(5) : tag;
    return HashAlgorithm.lookup(t).orElse(null);
  }

  static String notHex(HashAlgorithm a, int offset, char c) {
    return "not a hex digit at position " + (offset + 1) + " of " + a.id() + " digest: '" + c + "'";
  }

  private Outcome error(String message) {
    error = message;
    return Outcome.ERROR;
  }

  private static boolean noBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isBlank(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
