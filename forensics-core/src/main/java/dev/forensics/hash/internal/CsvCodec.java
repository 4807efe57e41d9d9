package dev.forensics.hash.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestParseException;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestWriter;
import dev.forensics.hash.Piece;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CSV for spreadsheets (RFC 4180 quoting by jackson-dataformat-csv): a header
 * {@code path,size,modified,<algorithm ids>,piece_offset,piece_length}, then one row per file and, after
 * it, one row per piece of that file. A file row leaves the piece columns empty; a piece row repeats the
 * path, leaves size and modified empty and gives the piece's offset, length and digests. Unknown sizes,
 * times and digests are empty cells.
 */
final class CsvCodec {

  static final String PATH = "path";
  static final String SIZE = "size";
  static final String MODIFIED = "modified";
  static final String PIECE_OFFSET = "piece_offset";
  static final String PIECE_LENGTH = "piece_length";

  private CsvCodec() {}

  private static CsvMapper mapper() {
    return CsvMapper.builder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .build();
  }

  // ---------------------------------------------------------------- writing

  static ManifestWriter writer(OutputStream out, ManifestInfo info) throws IOException {
    return new CsvWriter(out, info.algorithms());
  }

  private static final class CsvWriter extends OrderedWriter {
    private final Writer w;
    private final SequenceWriter rows;
    private final List<HashAlgorithm> algorithms;

    CsvWriter(OutputStream out, List<HashAlgorithm> algorithms) throws IOException {
      this.algorithms = algorithms;
      this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CsvSchema schema = CsvSchema.emptySchema().withoutHeader().withLineSeparator("\n");
      this.rows = mapper().writerFor(String[].class).with(schema)
          .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValues(w);
      String[] header = new String[algorithms.size() + 5];
      header[0] = PATH;
      header[1] = SIZE;
      header[2] = MODIFIED;
      for (int i = 0; i < algorithms.size(); i++) {
        header[3 + i] = algorithms.get(i).id();
      }
      header[header.length - 2] = PIECE_OFFSET;
      header[header.length - 1] = PIECE_LENGTH;
      rows.write(header);
    }

    @Override
    void writeEntry(ManifestEntry e) throws IOException {
      rows.write(row(e.path(), e.hasSize() ? Long.toString(e.size()) : "",
          e.modified().map(Instant::toString).orElse(""), e.digests(), "", ""));
      for (Piece p : e.pieces()) {
        rows.write(row(e.path(), "", "", p.digests(), Long.toString(p.offset()), Long.toString(p.length())));
      }
    }

    private String[] row(String path, String size, String modified, DigestSet digests, String offset, String length) {
      String[] row = new String[algorithms.size() + 5];
      row[0] = path;
      row[1] = size;
      row[2] = modified;
      for (int i = 0; i < algorithms.size(); i++) {
        row[3 + i] = digests.get(algorithms.get(i)).map(Digest::hex).orElse("");
      }
      row[row.length - 2] = offset;
      row[row.length - 1] = length;
      return row;
    }

    @Override
    void finish() throws IOException {
      rows.close();
      w.flush();
    }
  }

  // ---------------------------------------------------------------- reading

  /** Where each known column is in a row; -1 when absent. */
  private static final class Layout {
    int width;
    int size = -1;
    int modified = -1;
    int pieceOffset = -1;
    int pieceLength = -1;
    final List<HashAlgorithm> algorithms = new ArrayList<>();
    final List<Integer> algorithmColumns = new ArrayList<>();
    String header;
  }

  private record Row(long line, List<String> cells) {}

  /** The file row read last, which piece rows may still extend. */
  private static final class Pending {
    final long line;
    final String path;
    final long size;
    final Instant modified;
    final DigestSet digests;
    final List<Piece> pieces = new ArrayList<>();

    Pending(long line, String path, long size, Instant modified, DigestSet digests) {
      this.line = line;
      this.path = path;
      this.size = size;
      this.modified = modified;
      this.digests = digests;
    }
  }

  static ManifestReadResult read(InputStream in, String source) throws IOException {
    ManifestAssembler a = new ManifestAssembler(source);
    Reader reader = new InputStreamReader(Boms.skip(in), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    try (CsvParser p = mapper().getFactory().createParser(reader)) {
      p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      Row header = nextRow(p);
      if (header == null) {
        throw new ManifestParseException(source, 1, "expected a CSV header starting 'path,size', found an empty file");
      }
      Layout layout = layout(header, a);
      Pending pending = null;
      Row row;
      while ((row = nextRow(p)) != null) {
        try {
          pending = readRow(row, layout, pending, a);
        } catch (RecordException e) {
          a.problem(row.line(), e.getMessage());
        }
      }
      flush(pending, a);
      return a.result(ManifestFormat.CSV, layout.algorithms, a.largestPiece(), null, null, null, null);
    } catch (StreamReadException e) {
      throw new ManifestParseException(source, Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getLineNr()),
          "not well-formed CSV: " + e.getOriginalMessage(), e);
    } catch (CharacterCodingException e) {
      throw new ManifestParseException(source, 0, "not valid UTF-8", e);
    }
  }

  private static Row nextRow(CsvParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_ARRAY) {
      return null;
    }
    long line = p.currentLocation().getLineNr();
    List<String> cells = new ArrayList<>();
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      cells.add(p.getText());
    }
    return new Row(line, cells);
  }

  private static Layout layout(Row header, ManifestAssembler a) throws ManifestParseException {
    List<String> names = header.cells();
    String shown = String.join(",", names);
    if (names.size() < 2 || !names.get(0).equals(PATH) || !names.get(1).equals(SIZE)) {
      throw new ManifestParseException(a.source(), header.line(),
          "expected a CSV header starting 'path,size', found " + Values.show(shown));
    }
    Layout l = new Layout();
    l.width = names.size();
    l.size = 1;
    l.header = shown;
    for (int i = 2; i < names.size(); i++) {
      String n = names.get(i);
      int before = seen(l, n);
      if (before >= 0) {
        throw new ManifestParseException(a.source(), header.line(), "column " + Values.show(n) + " appears twice in the CSV header");
      }
      switch (n) {
        case MODIFIED:
          l.modified = i;
          break;
        case PIECE_OFFSET:
          l.pieceOffset = i;
          break;
        case PIECE_LENGTH:
          l.pieceLength = i;
          break;
        default:
          Optional<HashAlgorithm> alg = HashAlgorithm.lookup(n);
          if (alg.isPresent() && l.algorithms.contains(alg.get())) {
            throw new ManifestParseException(a.source(), header.line(),
                "column " + Values.show(n) + " appears twice in the CSV header");
          } else if (alg.isPresent()) {
            l.algorithms.add(alg.get());
            l.algorithmColumns.add(i);
          } else {
            a.problem(header.line(), "column " + Values.show(n) + " is neither modified, piece_offset, piece_length"
                + " nor a supported hash algorithm (" + HashAlgorithm.knownNames() + "); its values are ignored");
          }
      }
    }
    if ((l.pieceOffset < 0) != (l.pieceLength < 0)) {
      throw new ManifestParseException(a.source(), header.line(),
          "the CSV header needs both piece_offset and piece_length, or neither");
    }
    if (l.algorithms.isEmpty()) {
      throw new ManifestParseException(a.source(), header.line(),
          "no supported hash algorithm column in the CSV header " + Values.show(shown) + " (supported: "
              + HashAlgorithm.knownNames() + ")");
    }
    return l;
  }

  private static int seen(Layout l, String name) {
    switch (name) {
      case MODIFIED:
        return l.modified;
      case PIECE_OFFSET:
        return l.pieceOffset;
      case PIECE_LENGTH:
        return l.pieceLength;
      default:
        return -1;
    }
  }

  private static Pending readRow(Row row, Layout l, Pending pending, ManifestAssembler a) throws RecordException {
    List<String> c = row.cells();
    if (c.size() != l.width) {
      throw new RecordException("expected " + l.width + " columns (" + l.header + "), found " + c.size());
    }
    String path = Values.path(c.get(0), "column 'path'");
    List<Digest> digests = new ArrayList<>();
    for (int i = 0; i < l.algorithms.size(); i++) {
      HashAlgorithm alg = l.algorithms.get(i);
      String cell = c.get(l.algorithmColumns.get(i));
      if (!cell.isEmpty()) {
        digests.add(Values.digest(alg, cell, "column '" + alg.id() + "'"));
      }
    }
    boolean pieceRow = l.pieceOffset >= 0 && !(c.get(l.pieceOffset).isEmpty() && c.get(l.pieceLength).isEmpty());
    if (pieceRow) {
      long offset = Values.nonNegative(c.get(l.pieceOffset), "column 'piece_offset'");
      long length = Values.nonNegative(c.get(l.pieceLength), "column 'piece_length'");
      if (pending == null || !pending.path.equals(path)) {
        throw new RecordException("piece row for " + Values.show(path) + " does not follow a row of that file; ignored");
      }
      pending.pieces.add(new Piece(offset, length, DigestSet.of(digests)));
      return pending;
    }
    String sizeCell = c.get(l.size);
    long size = sizeCell.isEmpty() ? ManifestEntry.UNKNOWN_SIZE : Values.size(sizeCell, "column 'size'");
    Instant modified = null;
    if (l.modified >= 0 && !c.get(l.modified).isEmpty()) {
      modified = Values.instant(c.get(l.modified), "column 'modified'");
    }
    flush(pending, a);
    return new Pending(row.line(), path, size, modified, DigestSet.of(digests));
  }

  private static void flush(Pending p, ManifestAssembler a) {
    if (p != null) {
      a.add(new ManifestEntry(p.path, p.size, p.modified, p.digests, p.pieces), p.line);
    }
  }
}
