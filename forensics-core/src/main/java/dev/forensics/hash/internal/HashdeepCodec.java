package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestParseException;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestWriter;
import dev.forensics.hash.UnwritableEntryException;
import dev.forensics.hash.Piece;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hashdeep's file format (man/hashdeep.1, FILEFORMAT): a {@code %%%% HASHDEEP-1.0} line, a
 * {@code %%%% size,md5,...,filename} column line, {@code ##} comment lines, then {@code size,hash,...,name}
 * lines whose name is everything after the last hash column.
 *
 * <p>Piecewise digests are lines like those of {@code hashdeep -p}: the name of the file followed by
 * {@code " offset START-END"} (END inclusive; hashdeep writes {@code 0-0} for an empty piece). This writer
 * puts such lines right after the whole-file line of their file; real hashdeep writes only the piece lines,
 * and, hashing with several threads, may interleave the piece lines of different files. A reader cannot
 * tell a piece line from a file really named {@code "x offset 0-9"}, so both sides use one rule
 * ({@link #classify}): a line is a piece when its name ends in {@code offset A-B}, its size fits
 * {@code A..B}, and it either continues the pieces of the line before (same file, next offset, inside that
 * file's size), continues a file seen so far with piece lines only, or starts at offset 0. The writer
 * refuses an entry that this rule would misread instead of writing a line that reads back differently.
 */
final class HashdeepCodec {

  static final String HEADER = "%%%% HASHDEEP-1.0";
  private static final String COLUMNS_PREFIX = "%%%% ";
  private static final String INVOKED_FROM = "## Invoked from: ";
  private static final Pattern COMMAND = Pattern.compile("## [$#] (.*)", Pattern.DOTALL);
  private static final Pattern OFFSET = Pattern.compile("(.+) offset (\\d{1,18})-(\\d{1,18})", Pattern.DOTALL);

  private HashdeepCodec() {}

  // ---------------------------------------------------------------- the piece rule shared by both sides

  /** How a data line is read. */
  enum Kind {
    /** A file's whole-content line. */
    FILE,
    /** The next piece of the file of the line before. */
    CONTINUES_LAST,
    /** The next piece of an earlier file that has piece lines only (interleaved hashdeep -p output). */
    CONTINUES_OPEN,
    /** The first piece of a file that has piece lines only (hashdeep -p). */
    STARTS
  }

  /** A file whose piece lines may follow: its path, the next piece offset, and the end pieces may reach. */
  record PieceTarget(String path, long nextOffset, long limit) {
    PieceTarget advance(long length) {
      return new PieceTarget(path, nextOffset + length, limit);
    }

    boolean takes(PieceName p) {
      return path.equals(p.path()) && p.offset() == nextOffset && p.length() <= limit - p.offset();
    }
  }

  /** A name read as a piece: the file's path and the piece. */
  record PieceName(String path, long offset, long length) {}

  /** The name of the piece line of {@code path} for a piece. */
  static String pieceName(String path, long offset, long length) {
    long end = length == 0 ? offset : offset + length - 1;
    return path + " offset " + offset + "-" + end;
  }

  /** The piece a line of this name and size denotes, if its name ends in a consistent offset range. */
  static Optional<PieceName> asPiece(String name, long size) {
    if (!name.contains(" offset ")) {
      return Optional.empty(); // the common case, without the regular expression
    }
    Matcher m = OFFSET.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    long start = Long.parseLong(m.group(2));
    long end = Long.parseLong(m.group(3));
    boolean consistent = size == 0 ? end == start : end >= start && end - start + 1 == size;
    return consistent ? Optional.of(new PieceName(m.group(1), start, size)) : Optional.empty();
  }

  /**
   * How a reader takes a line with this name and size, given the file of the line before ({@code last},
   * null: none) and the files read so far with piece lines only ({@code open}, by path; null: none).
   */
  static Kind classify(String name, long size, PieceTarget last, Function<String, PieceTarget> open) {
    Optional<PieceName> piece = asPiece(name, size);
    if (piece.isEmpty()) {
      return Kind.FILE;
    }
    PieceName p = piece.get();
    if (last != null && last.takes(p)) {
      return Kind.CONTINUES_LAST;
    }
    PieceTarget earlier = open.apply(p.path());
    if (earlier != null && earlier.takes(p)) {
      return Kind.CONTINUES_OPEN;
    }
    return p.offset() == 0 ? Kind.STARTS : Kind.FILE;
  }

  // ---------------------------------------------------------------- writing

  static ManifestWriter writer(OutputStream out, ManifestInfo info) throws IOException {
    info.command().ifPresent(c -> requireOneLine(c, "command line"));
    info.invokedFrom().ifPresent(d -> requireOneLine(d, "invoked-from directory"));
    return new HashdeepWriter(out, info);
  }

  private static void requireOneLine(String text, String what) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "a hashdeep manifest cannot hold a " + what + " with a line break: " + Values.show(text));
    }
  }

  private static final class HashdeepWriter extends OrderedWriter {
    private final Utf8Text w;
    private final List<HashAlgorithm> columns;
    /** What a reader would hold as the line before. */
    private PieceTarget last;
    /**
     * Files written with piece lines only whose path is a prefix of the last path written. Entries come in
     * path order, so a later name {@code "P offset A-B"} can only refer to such a file: this is all of the
     * reader's open files that matter, in memory bounded by the nesting of names, not by their number.
     */
    private final Deque<PieceTarget> open = new ArrayDeque<>();

    HashdeepWriter(OutputStream out, ManifestInfo info) throws IOException {
      this.w = new Utf8Text(out);
      this.columns = info.algorithms();
      StringBuilder h = new StringBuilder(HEADER).append('\n').append(COLUMNS_PREFIX).append("size,");
      for (HashAlgorithm a : columns) {
        h.append(a.id()).append(',');
      }
      h.append("filename\n");
      info.invokedFrom().ifPresent(d -> h.append(INVOKED_FROM).append(d).append('\n'));
      info.command().ifPresent(c -> h.append("## $ ").append(c).append('\n'));
      h.append("##\n");
      w.write(h.toString());
    }

    private PieceTarget openFile(String path) {
      for (PieceTarget t : open) {
        if (t.path().equals(path)) {
          return t;
        }
      }
      return null;
    }

    @Override
    void writeEntry(ManifestEntry e) throws IOException {
      String path = e.path();
      if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
        throw refuse(e, "hashdeep lines cannot hold a newline or carriage return in a file name"
            + " (hashdeep bug #384); use another format");
      }
      List<String> lines = new ArrayList<>();
      PieceTarget t = last;
      boolean piecesOnly = e.digests().isEmpty();
      if (piecesOnly) {
        if (e.pieces().isEmpty()) {
          throw refuse(e, "it has neither digests nor pieces");
        }
        long sum = 0;
        for (Piece p : e.pieces()) {
          sum += p.length();
        }
        if (e.size() != sum) {
          throw refuse(e, "an entry with piece digests only must have the size its pieces cover ("
              + sum + "), not " + e.size());
        }
      } else {
        if (!e.hasSize()) {
          throw refuse(e, "hashdeep lines need the file size, which this entry lacks");
        }
        if (classify(path, e.size(), t, this::openFile) != Kind.FILE) {
          throw refuse(e, "its name ends like a piece line (' offset A-B' matching its size),"
              + " so it would be read back as a piece");
        }
        lines.add(line(e.size(), e.digests(), path, e));
        t = new PieceTarget(path, 0, e.size());
      }
      long expected = 0;
      for (Piece p : e.pieces()) {
        if (p.offset() != expected) {
          throw refuse(e, "hashdeep piece lines must cover the file from offset 0 without gaps; piece at "
              + p.offset() + " should start at " + expected);
        }
        String name = pieceName(path, p.offset(), p.length());
        Kind want = piecesOnly && lines.isEmpty() ? Kind.STARTS : Kind.CONTINUES_LAST;
        if (classify(name, p.length(), t, this::openFile) != want) {
          throw refuse(e, "its piece at offset " + p.offset() + " would not be read back as a piece of it"
              + " (a piece beyond the file size, or a path that repeats an earlier one)");
        }
        lines.add(line(p.length(), p.digests(), name, e));
        t = want == Kind.STARTS ? new PieceTarget(path, p.length(), Long.MAX_VALUE) : t.advance(p.length());
        expected += p.length();
      }
      for (String l : lines) {
        w.write(l);
      }
      last = t;
      while (!open.isEmpty() && !path.startsWith(open.peek().path())) {
        open.pop();
      }
      if (piecesOnly) {
        open.push(t);
      }
    }

    private String line(long size, DigestSet digests, String name, ManifestEntry e) throws IOException {
      StringBuilder b = new StringBuilder(name.length() + 160).append(size);
      for (HashAlgorithm a : columns) {
        Optional<Digest> d = digests.get(a);
        if (d.isEmpty()) {
          throw refuse(e, "it has no " + a.id() + " digest"
              + (name.equals(e.path()) ? "" : " for a piece") + ", which the hashdeep columns need");
        }
        b.append(',').append(d.get().hex());
      }
      return b.append(',').append(name).append('\n').toString();
    }

    private static IOException refuse(ManifestEntry e, String why) {
      return new UnwritableEntryException("cannot write " + Values.show(e.path()) + " to a hashdeep manifest: " + why);
    }

    @Override
    void finish() throws IOException {
      w.flush();
    }
  }

  // ---------------------------------------------------------------- reading

  /** The hash columns of a header; null marks a column of an algorithm this toolkit does not know. */
  private record Columns(List<HashAlgorithm> algorithms, String text) {
    int count() {
      return algorithms.size();
    }
  }

  /** A file being read: lines of its pieces may still follow. */
  private static final class Pending {
    final String path;
    final long size;
    final DigestSet digests;
    final boolean piecesOnly;
    final long line;
    final List<Piece> pieces = new ArrayList<>();
    PieceTarget target;

    Pending(String path, long size, DigestSet digests, boolean piecesOnly, long line) {
      this.path = path;
      this.size = size;
      this.digests = digests;
      this.piecesOnly = piecesOnly;
      this.line = line;
      this.target = new PieceTarget(path, 0, piecesOnly ? Long.MAX_VALUE : size);
    }

    void add(Piece p) {
      pieces.add(p);
      target = target.advance(p.length());
    }

    ManifestEntry entry() {
      return new ManifestEntry(path, piecesOnly ? target.nextOffset() : size, null, digests, pieces);
    }
  }

  static ManifestReadResult read(InputStream in, String source) throws IOException {
    ManifestAssembler a = new ManifestAssembler(source);
    LineReader lines = new LineReader(in);
    LineReader.Line first = nextNonBlank(lines);
    if (first == null) {
      throw new ManifestParseException(source, lines.lineNumber() + 1,
          "expected the hashdeep header '" + HEADER + "', found the end of the file");
    }
    requireHeader(first, source);
    List<HashAlgorithm> algorithms = new ArrayList<>();
    Columns columns = readColumns(lines, a, algorithms);
    String command = null;
    String invokedFrom = null;
    List<Pending> read = new ArrayList<>();
    Map<String, Pending> open = new HashMap<>();
    Function<String, PieceTarget> openTarget = path -> {
      Pending o = open.get(path);
      return o == null ? null : o.target;
    };
    Pending last = null;
    LineReader.Line l;
    while ((l = lines.next()) != null) {
      if (!l.ok()) {
        a.problem(l.number(), l.error());
        continue;
      }
      String text = l.text();
      if (text.isBlank()) {
        continue;
      }
      if (text.startsWith("%%%%")) {
        last = null;
        open.clear();
        if (text.equals(HEADER)) {
          continue;
        }
        try {
          columns = parseColumns(l, a, algorithms);
        } catch (RecordException e) {
          a.problem(l.number(), e.getMessage() + "; the columns before it stay in force");
        }
        continue;
      }
      if (text.startsWith("##")) {
        if (text.startsWith(INVOKED_FROM)) {
          invokedFrom = text.substring(INVOKED_FROM.length());
        } else {
          Matcher m = COMMAND.matcher(text);
          if (m.matches()) {
            command = m.group(1);
          }
        }
        continue;
      }
      Parsed p;
      try {
        p = parse(text, columns);
      } catch (RecordException e) {
        a.problem(l.number(), e.getMessage());
        continue;
      }
      Kind kind = classify(p.name, p.size, last == null ? null : last.target, openTarget);
      if (kind == Kind.FILE) {
        last = new Pending(p.name, p.size, p.digests, false, l.number());
        read.add(last);
        continue;
      }
      PieceName piece = asPiece(p.name, p.size).orElseThrow();
      if (kind == Kind.STARTS) {
        last = new Pending(piece.path(), 0, DigestSet.empty(), true, l.number());
        read.add(last);
        open.put(piece.path(), last);
      } else if (kind == Kind.CONTINUES_OPEN) {
        last = open.get(piece.path());
      }
      last.add(new Piece(piece.offset(), piece.length(), p.digests));
    }
    for (Pending entry : read) {
      a.add(entry.entry(), entry.line);
    }
    return a.result(ManifestFormat.HASHDEEP, algorithms, a.largestPiece(), null, command, invokedFrom, null);
  }

  private static LineReader.Line nextNonBlank(LineReader lines) throws IOException {
    LineReader.Line l;
    do {
      l = lines.next();
    } while (l != null && l.isBlank());
    return l;
  }

  private static void requireHeader(LineReader.Line l, String source) throws ManifestParseException {
    if (!l.ok()) {
      throw new ManifestParseException(source, l.number(), l.error());
    }
    if (!l.text().equals(HEADER)) {
      throw new ManifestParseException(source, l.number(),
          "expected the hashdeep header '" + HEADER + "', found " + Values.show(l.text()));
    }
  }

  private static Columns readColumns(LineReader lines, ManifestAssembler a, List<HashAlgorithm> all)
      throws IOException {
    LineReader.Line l = nextNonBlank(lines);
    if (l == null) {
      throw new ManifestParseException(a.source(), lines.lineNumber() + 1,
          "expected the hashdeep column line '%%%% size,<algorithms>,filename', found the end of the file");
    }
    if (!l.ok()) {
      throw new ManifestParseException(a.source(), l.number(), l.error());
    }
    try {
      return parseColumns(l, a, all);
    } catch (RecordException e) {
      throw new ManifestParseException(a.source(), l.number(), e.getMessage());
    }
  }

  private static Columns parseColumns(LineReader.Line l, ManifestAssembler a, List<HashAlgorithm> all)
      throws RecordException {
    String text = l.text();
    String[] names = text.startsWith(COLUMNS_PREFIX) ? text.substring(COLUMNS_PREFIX.length()).split(",", -1) : null;
    if (names == null || names.length < 2 || !names[0].equals("size") || !names[names.length - 1].equals("filename")) {
      throw new RecordException(
          "expected the hashdeep column line '%%%% size,<algorithms>,filename', found " + Values.show(text));
    }
    List<HashAlgorithm> algorithms = new ArrayList<>();
    boolean any = false;
    for (int i = 1; i < names.length - 1; i++) {
      Optional<HashAlgorithm> alg = HashAlgorithm.lookup(names[i]);
      if (alg.isPresent() && !algorithms.contains(alg.get())) {
        algorithms.add(alg.get());
        any = true;
        if (!all.contains(alg.get())) {
          all.add(alg.get());
        }
      } else {
        algorithms.add(null);
        a.problem(l.number(), alg.isPresent()
            ? "column " + Values.show(names[i]) + " repeats an algorithm; its values are ignored"
            : "column " + Values.show(names[i]) + " is not a supported hash algorithm; its values are ignored");
      }
    }
    if (!any) {
      throw new RecordException(
          "no supported hash algorithm among the columns " + Values.show(text.substring(COLUMNS_PREFIX.length()))
              + " (supported: " + HashAlgorithm.knownNames() + ")");
    }
    return new Columns(algorithms, text.substring(COLUMNS_PREFIX.length()));
  }

  private record Parsed(long size, DigestSet digests, String name) {}

  private static Parsed parse(String text, Columns columns) throws RecordException {
    int fields = columns.count() + 2;
    int[] commas = new int[fields - 1];
    int found = 0;
    for (int i = 0; i < text.length() && found < commas.length; i++) {
      if (text.charAt(i) == ',') {
        commas[found++] = i;
      }
    }
    if (found < commas.length) {
      throw new RecordException("expected " + fields + " comma-separated fields (" + columns.text()
          + "), found " + (found + 1));
    }
    long size = Values.size(text.substring(0, commas[0]), "size column");
    List<Digest> digests = new ArrayList<>();
    for (int c = 0; c < columns.count(); c++) {
      HashAlgorithm alg = columns.algorithms().get(c);
      if (alg != null) {
        digests.add(Values.digest(alg, text.substring(commas[c] + 1, commas[c + 1]), alg.id() + " column"));
      }
    }
    String name = Values.path(text.substring(commas[commas.length - 1] + 1), "filename column");
    return new Parsed(size, DigestSet.of(digests), name);
  }
}
