package dev.forensics.knownfiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.knownfiles.internal.HexWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads quoted-CSV hash sets with a header row: NSRL RDS 2.x {@code NSRLFile.txt} and HashKeeper
 * {@code .hsh}. Every row must have as many fields as the header.
 */
final class CsvHashSetReader {

  /** What differs between the CSV formats. */
  record Layout(
      HashSetFormat format,
      String title,
      List<String> headerPrefix,
      List<String> hashColumns,
      List<HashAlgorithm> hashAlgorithms,
      String nameColumn,
      boolean namesAllowed) {}

  static final Layout NSRL_2 =
      new Layout(
          HashSetFormat.NSRL_RDS_2,
          "NSRL RDS 2.x",
          List.of("SHA-1", "MD5", "CRC32", "FileName"),
          List.of("SHA-1", "MD5"),
          List.of(HashAlgorithm.SHA1, HashAlgorithm.MD5),
          "FileName",
          false);

  static final Layout HASHKEEPER =
      new Layout(
          HashSetFormat.HASHKEEPER,
          "HashKeeper",
          List.of("file_id", "hashset_id", "file_name", "directory", "hash", "file_size"),
          List.of("hash"),
          List.of(HashAlgorithm.MD5),
          "file_name",
          true);

  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

  private CsvHashSetReader() {}

  static KnownFileSetLoadResult read(
      Path file, HashSetKind kind, String name, LoadOptions options, Layout layout) throws IOException {
    String source = file.toString();
    boolean wantNames = layout.namesAllowed() && options.names() == LoadOptions.NameRetention.KEEP;
    KnownFileSet.Builder builder =
        KnownFileSet.builder(name, kind, layout.format())
            .names(wantNames ? LoadOptions.NameRetention.KEEP : LoadOptions.NameRetention.DROP);
    ProblemLog problems = new ProblemLog(source);
    long[][] keys = new long[HashAlgorithm.values().length][];
    int mask = 0;
    for (HashAlgorithm a : layout.hashAlgorithms()) {
      keys[a.ordinal()] = new long[HexWords.wordsFor(a.lengthBytes())];
      mask |= 1 << a.ordinal();
    }
    int[] hashIndex = null;
    int nameIndex = -1;
    int width = 0;
    long entries = 0;
    List<String> fields = new ArrayList<>();
    long rowLine = -1;
    try (BufferedReader reader = TextFiles.open(file);
        CsvParser parser = MAPPER.getFactory().createParser(reader)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        // without a schema, each row is a top-level array of strings
        if (t == JsonToken.START_ARRAY) {
          fields.clear();
          rowLine = -1;
          continue;
        }
        if (t != JsonToken.END_ARRAY) {
          if (rowLine < 0) {
            rowLine = parser.currentTokenLocation().getLineNr();
          }
          fields.add(parser.getText());
          continue;
        }
        if (hashIndex == null) {
          if (!fields.isEmpty()) {
            fields.set(0, TextFiles.stripBom(fields.get(0)));
          }
          checkHeader(source, rowLine, fields, layout);
          width = fields.size();
          hashIndex = new int[layout.hashColumns().size()];
          for (int i = 0; i < hashIndex.length; i++) {
            hashIndex[i] = indexOf(fields, layout.hashColumns().get(i));
          }
          nameIndex = indexOf(fields, layout.nameColumn());
          continue;
        }
        String error = parseRow(fields, width, hashIndex, layout.hashAlgorithms(), keys);
        if (error != null) {
          problems.add(rowLine, error);
          continue;
        }
        builder.addRow(mask, keys, wantNames && nameIndex >= 0 ? fields.get(nameIndex) : null);
        entries++;
      }
    } catch (JsonProcessingException e) {
      long line = rowLine > 0 ? rowLine : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new HashSetParseException(source, line, "malformed CSV: " + e.getOriginalMessage(), e);
    }
    if (hashIndex == null) {
      throw new HashSetParseException(source, 0, "empty file: missing " + layout.title() + " header");
    }
    return new KnownFileSetLoadResult(builder.build(), problems.toList(), entries);
  }

  private static void checkHeader(String source, long line, List<String> header, Layout layout)
      throws HashSetParseException {
    List<String> prefix = layout.headerPrefix();
    boolean ok = header.size() >= prefix.size();
    for (int i = 0; ok && i < prefix.size(); i++) {
      ok = header.get(i).strip().equalsIgnoreCase(prefix.get(i));
    }
    if (!ok) {
      throw new HashSetParseException(
          source,
          line,
          layout.title() + " header must begin " + quoted(prefix) + ", got "
              + TextFiles.excerpt(quoted(header)));
    }
  }

  private static String parseRow(
      List<String> fields, int width, int[] hashIndex, List<HashAlgorithm> algorithms, long[][] keys) {
    if (fields.size() != width) {
      return "expected " + width + " fields, got " + fields.size();
    }
    for (int i = 0; i < hashIndex.length; i++) {
      HashAlgorithm a = algorithms.get(i);
      String hex = fields.get(hashIndex[i]);
      if (hex.length() != a.hexLength()) {
        return a.id() + " digest must be " + a.hexLength() + " hex digits, got " + hex.length();
      }
      int bad = HexWords.parse(hex, 0, hex.length(), keys[a.ordinal()]);
      if (bad >= 0) {
        return ChecksumListReader.notHex(a, bad, hex.charAt(bad));
      }
    }
    return null;
  }

  private static int indexOf(List<String> header, String column) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> '"' + v + '"').collect(Collectors.joining(","));
  }
}
