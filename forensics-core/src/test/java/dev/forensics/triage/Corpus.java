package dev.forensics.triage;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The labelled triage corpus made by {@code bench/triage/make-corpus.sh}: the files of one folder and their
 * labels from its {@code labels.csv}, in label order (sorted by name).
 */
final class Corpus {

  static final String LABELS = "labels.csv";
  private static final List<String> HEADER =
      List.of("file", "mime", "category", "expected_mismatch", "finding", "made_by");

  private final Path dir;
  private final List<CorpusLabel> labels;

  private Corpus(Path dir, List<CorpusLabel> labels) {
    this.dir = dir;
    this.labels = List.copyOf(labels);
  }

  /** The corpus on the test class path ({@code src/test/resources/triage/corpus}). */
  static Corpus onClassPath() throws IOException {
    URL url = Corpus.class.getResource("/triage/corpus/" + LABELS);
    if (url == null) {
      throw new IOException("triage/corpus/" + LABELS + " is not on the test class path");
    }
    try {
      return load(Path.of(url.toURI()).getParent());
    } catch (URISyntaxException e) {
      throw new IOException("cannot resolve " + url, e);
    }
  }

  /** Reads {@code dir/labels.csv}; a malformed row is an error naming its line. */
  static Corpus load(Path dir) throws IOException {
    Path csv = dir.resolve(LABELS);
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<CorpusLabel> labels = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = mapper.readerFor(String[].class).with(CsvSchema.emptySchema())
            .readValues(reader)) {
      if (!rows.hasNext() || !Arrays.asList(rows.next()).equals(HEADER)) {
        throw new IOException(csv + " line 1: header must be " + String.join(",", HEADER));
      }
      while (rows.hasNext()) {
        long line = rows.getCurrentLocation().getLineNr();
        String[] r = rows.next();
        if (r.length != HEADER.size()) {
          throw new IOException(csv + " line " + line + ": " + HEADER.size() + " fields expected, got " + r.length);
        }
        if (!r[3].equals("yes") && !r[3].equals("no")) {
          throw new IOException(csv + " line " + line + ": expected_mismatch must be yes or no, got '" + r[3] + "'");
        }
        List<String> findings = r[4].isEmpty() ? List.of() : List.of(r[4].split(";"));
        try {
          labels.add(new CorpusLabel(r[0], r[1], r[2], r[3].equals("yes"), findings, r[5]));
        } catch (IllegalArgumentException e) {
          throw new IOException(csv + " line " + line + ": " + e.getMessage(), e);
        }
      }
    }
    return new Corpus(dir, labels);
  }

  Path dir() {
    return dir;
  }

  List<CorpusLabel> labels() {
    return labels;
  }

  Path path(CorpusLabel label) {
    return dir.resolve(label.file());
  }

  /** The labelled files' paths, in label order. */
  List<Path> paths() {
    return labels.stream().map(this::path).toList();
  }

  /** Labels by file name. */
  Map<String, CorpusLabel> byFile() {
    Map<String, CorpusLabel> map = new java.util.LinkedHashMap<>();
    labels.forEach(l -> map.put(l.file(), l));
    return map;
  }
}
