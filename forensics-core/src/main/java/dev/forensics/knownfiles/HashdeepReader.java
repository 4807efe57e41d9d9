package dev.forensics.knownfiles;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.knownfiles.internal.HexWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads hashdeep files: {@code %%%% HASHDEEP-1.0}, a column line such as
 * {@code %%%% size,md5,sha256,filename} (size first, filename last), {@code ##} comment lines, then one
 * unquoted CSV line per file whose name is everything after the last hash column. Columns of algorithms
 * this toolkit does not compute (tiger, whirlpool) are skipped. Concatenated files (repeated headers) are
 * accepted.
 */
final class HashdeepReader {

  static final String MAGIC = "%%%% HASHDEEP-1.0";

  private HashdeepReader() {}

  static KnownFileSetLoadResult read(Path file, HashSetKind kind, String name, LoadOptions options)
      throws IOException {
    String source = file.toString();
    boolean wantNames = options.names() == LoadOptions.NameRetention.KEEP;
    KnownFileSet.Builder builder =
        KnownFileSet.builder(name, kind, HashSetFormat.HASHDEEP).names(options.names());
    ProblemLog problems = new ProblemLog(source);
    long[][] keys = new long[HashAlgorithm.values().length][];
    for (HashAlgorithm a : HashAlgorithm.values()) {
      keys[a.ordinal()] = new long[HexWords.wordsFor(a.lengthBytes())];
    }
    List<HashAlgorithm> columns = null; // one per middle column; null entries are skipped columns
    String columnLine = null;
    int mask = 0;
    long entries = 0;
    long lineNo = 0;
    try (BufferedReader r = TextFiles.open(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (lineNo == 1) {
          line = TextFiles.stripBom(line);
          if (!line.startsWith(MAGIC)) {
            throw new HashSetParseException(
                source, 1, "missing hashdeep header: expected '" + MAGIC + "', got '" + TextFiles.excerpt(line) + "'");
          }
          continue;
        }
        if (line.isBlank() || line.startsWith("##")) {
          continue;
        }
        if (line.startsWith("%%%%")) {
          String body = line.substring(4).strip();
          if (body.startsWith("HASHDEEP-")) {
            continue;
          }
          columns = columns(source, lineNo, line, body, problems);
          columnLine = body;
          mask = 0;
          for (HashAlgorithm a : columns) {
            if (a != null) {
              mask |= 1 << a.ordinal();
            }
          }
          continue;
        }
        if (columns == null) {
          throw new HashSetParseException(
              source, lineNo, "entry before the column line (such as '%%%% size,md5,sha256,filename')");
        }
        String error = parseEntry(line, columns, columnLine, keys);
        if (error != null) {
          problems.add(lineNo, error);
          continue;
        }
        String fileName = wantNames ? line.substring(nthComma(line, columns.size() + 1) + 1) : null;
        builder.addRow(mask, keys, fileName);
        entries++;
      }
    }
    if (lineNo == 0) {
      throw new HashSetParseException(source, 0, "empty file: missing hashdeep header '" + MAGIC + "'");
    }
    return new KnownFileSetLoadResult(builder.build(), problems.toList(), entries);
  }

  /** The algorithm of each hash column (null for a column that is skipped). */
  private static List<HashAlgorithm> columns(
      String source, long lineNo, String line, String body, ProblemLog problems) throws HashSetParseException {
    String[] names = body.split(",", -1);
    if (names.length < 3 || !names[0].strip().equals("size") || !names[names.length - 1].strip().equals("filename")) {
      throw new HashSetParseException(
          source, lineNo, "column line must start with 'size' and end with 'filename': '" + TextFiles.excerpt(line) + "'");
    }
    List<HashAlgorithm> columns = new ArrayList<>();
    boolean any = false;
    for (int i = 1; i < names.length - 1; i++) {
      String column = names[i].strip();
      Optional<HashAlgorithm> a = HashAlgorithm.lookup(column);
      if (a.isPresent() && columns.contains(a.get())) {
        throw new HashSetParseException(source, lineNo, "column '" + column + "' appears twice");
      }
      if (a.isEmpty()) {
        problems.add(lineNo, "column '" + column + "' is not a supported algorithm; its values are ignored");
      }
      columns.add(a.orElse(null));
      any |= a.isPresent();
    }
    if (!any) {
      throw new HashSetParseException(
          source, lineNo, "no supported hash column in '" + TextFiles.excerpt(line) + "' (supported: "
              + HashAlgorithm.knownNames() + ")");
    }
    return columns;
  }

  /** Fills {@code keys} from an entry line; returns an error message, or null when the line is good. */
  private static String parseEntry(String line, List<HashAlgorithm> columns, String columnLine, long[][] keys) {
    int fields = columns.size() + 2;
    int start = 0;
    for (int f = 0; f < fields - 1; f++) {
      int comma = line.indexOf(',', start);
      if (comma < 0) {
        return "expected " + fields + " comma-separated fields (" + columnLine + "), got " + (f + 1);
      }
      if (f == 0) {
        if (!isNumber(line, start, comma)) {
          return "file size is not a number: '" + TextFiles.excerpt(line.substring(start, comma)) + "'";
        }
      } else {
        HashAlgorithm a = columns.get(f - 1);
        if (a != null) {
          int length = comma - start;
          if (length != a.hexLength()) {
            return a.id() + " digest must be " + a.hexLength() + " hex digits, got " + length;
          }
          int bad = HexWords.parse(line, start, length, keys[a.ordinal()]);
          if (bad >= 0) {
            return ChecksumListReader.notHex(a, bad, line.charAt(start + bad));
          }
        }
      }
      start = comma + 1;
    }
    return null;
  }

  private static boolean isNumber(String s, int from, int to) {
    if (from == to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Index of the {@code n}th comma (1-based); the line is known to have that many. */
  private static int nthComma(String line, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = line.indexOf(',', at + 1);
    }
    return at;
  }
}
