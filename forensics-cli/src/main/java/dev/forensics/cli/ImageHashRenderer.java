package dev.forensics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.Piece;
import dev.forensics.image.DamagedChunk;
import dev.forensics.image.ImageHash;
import dev.forensics.image.SegmentHash;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the result of {@code forensics image hash}: a table, JSON, or hash logs shaped like dc3dd's
 * {@code hlog=} and dcfldd's {@code hashlog=} files (see docs/formats.md).
 */
final class ImageHashRenderer {

  private static final DateTimeFormatter DC3DD_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(ZoneOffset.UTC);

  private final ImageHash hash;
  private final String command;
  private final Instant started;
  private final Instant completed;

  /**
   * @param command the command line, for the dc3dd log
   * @param started when hashing started, for the dc3dd log
   * @param completed when it completed, for the dc3dd log
   */
  ImageHashRenderer(ImageHash hash, String command, Instant started, Instant completed) {
    this.hash = hash;
    this.command = command;
    this.started = started;
    this.completed = completed;
  }

  void render(ImageHashFormat format, PrintWriter out) throws IOException {
    switch (format) {
      case json -> json(out);
      case dc3dd -> dc3dd(out);
      case dcfldd -> dcfldd(out);
      default -> text(out);
    }
    out.flush();
  }

  private String sectors(long offset, long length) {
    return length == 0 ? "-" : hash.sectorOf(offset) + "-" + hash.lastSectorOf(offset, length);
  }

  private static String name(Path file) {
    return AuditRenderer.printable(file.getFileName().toString());
  }

  // ---- text ------------------------------------------------------------------------------------

  private void text(PrintWriter out) {
    long full = hash.mediaSize() / hash.bytesPerSector();
    long rest = hash.mediaSize() % hash.bytesPerSector();
    String sectorCount = rest == 0 ? Messages.get("imageHash.sectors", String.valueOf(full))
        : Messages.get("imageHash.sectorsAndBytes", String.valueOf(full), String.valueOf(rest));
    List<String[]> head = new ArrayList<>();
    head.add(new String[] {Messages.get("imageHash.label.image") + ":", Messages.get("imageHash.imageValue",
        AuditRenderer.printable(hash.segmentFiles().get(0).toString()), Messages.get("imageFormat." + hash.format().name()),
        hash.segmentFiles().size())});
    head.add(new String[] {Messages.get("imageHash.label.mediaSize") + ":", Messages.get("imageHash.mediaValue",
        String.valueOf(hash.mediaSize()), sectorCount, String.valueOf(hash.bytesPerSector()),
        Messages.get(hash.sectorSizeFromImage() ? "imageHash.sectorSize.image" : "imageHash.sectorSize.assumed"))});
    for (Digest d : hash.digests().digests()) {
      head.add(new String[] {d.algorithm().id(), d.hex()});
    }
    table(out, head);
    for (DamagedChunk d : hash.damaged()) {
      out.println(Messages.get("image.damaged", String.valueOf(d.firstSector()), String.valueOf(d.lastSector()),
          d.reason()));
    }
    if (!hash.segments().isEmpty()) {
      out.println();
      out.println(Messages.get("imageHash.segmentsHeading"));
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {Messages.get("imageHash.column.segment"), Messages.get("imageHash.column.sectors"),
          Messages.get("imageHash.column.algorithm"), Messages.get("imageHash.column.hash")});
      for (SegmentHash s : hash.segments()) {
        addDigestRows(rows, s.digests(), name(s.file()), sectors(s.offset(), s.length()));
      }
      table(out, rows);
    }
    if (hash.pieceSize() > 0) {
      out.println();
      out.println(Messages.get("imageHash.piecesHeading", String.valueOf(hash.pieceSize())));
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {Messages.get("imageHash.column.bytes"), Messages.get("imageHash.column.sectors"),
          Messages.get("imageHash.column.algorithm"), Messages.get("imageHash.column.hash")});
      for (Piece p : hash.pieces()) {
        addDigestRows(rows, p.digests(), p.offset() + "-" + p.lastByte(), sectors(p.offset(), p.length()));
      }
      table(out, rows);
    }
  }

  /** One row per digest; the range's cells only on the first. */
  private static void addDigestRows(List<String[]> rows, DigestSet digests, String what, String sectors) {
    boolean first = true;
    for (Digest d : digests.digests()) {
      rows.add(new String[] {first ? what : "", first ? sectors : "", d.algorithm().id(), d.hex()});
      first = false;
    }
  }

  /** Columns padded to their widest cell, two spaces apart; the last column is not padded. */
  private static void table(PrintWriter out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns - 1; i++) {
        width[i] = Math.max(width[i], row[i].codePointCount(0, row[i].length()));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(width[i] - row[i].codePointCount(0, row[i].length()) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  // ---- json ------------------------------------------------------------------------------------

  private void json(PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("image", hash.segmentFiles().get(0).toString());
    g.writeStringField("format", hash.format().name());
    g.writeArrayFieldStart("segmentFiles");
    for (Path s : hash.segmentFiles()) {
      g.writeString(s.toString());
    }
    g.writeEndArray();
    g.writeNumberField("mediaSize", hash.mediaSize());
    g.writeNumberField("bytesPerSector", hash.bytesPerSector());
    g.writeBooleanField("sectorSizeFromImage", hash.sectorSizeFromImage());
    writeHashes(g, hash.digests());
    g.writeNumberField("pieceSize", hash.pieceSize());
    g.writeArrayFieldStart("pieces");
    for (Piece p : hash.pieces()) {
      g.writeStartObject();
      writeRange(g, p.offset(), p.length());
      writeHashes(g, p.digests());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("segments");
    for (SegmentHash s : hash.segments()) {
      g.writeStartObject();
      g.writeStringField("file", s.file().toString());
      writeRange(g, s.offset(), s.length());
      writeHashes(g, s.digests());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("damaged");
    for (DamagedChunk d : hash.damaged()) {
      g.writeStartObject();
      g.writeNumberField("chunk", d.chunkIndex());
      g.writeNumberField("firstSector", d.firstSector());
      g.writeNumberField("lastSector", d.lastSector());
      g.writeStringField("reason", d.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("complete", hash.complete());
    g.writeEndObject();
    g.flush();
    out.println();
  }

  private void writeRange(JsonGenerator g, long offset, long length) throws IOException {
    g.writeNumberField("offset", offset);
    g.writeNumberField("length", length);
    g.writeNumberField("firstSector", hash.sectorOf(offset));
    g.writeNumberField("lastSector", hash.lastSectorOf(offset, length));
  }

  private static void writeHashes(JsonGenerator g, DigestSet digests) throws IOException {
    g.writeObjectFieldStart("hashes");
    for (Digest d : digests.digests()) {
      g.writeStringField(d.algorithm().id(), d.hex());
    }
    g.writeEndObject();
  }

  // ---- dc3dd hlog ------------------------------------------------------------------------------

  /**
   * dc3dd's {@code hlog=} layout: the total of each algorithm, then its piece hashes as dc3dd lists
   * {@code ofsz=} pieces under "input results"; segment hashes as dc3dd lists its output files, in a
   * block of their own. Lines end in {@code \n} whatever the platform, as dc3dd writes them.
   */
  private void dc3dd(PrintWriter out) {
    String first = AuditRenderer.printable(hash.segmentFiles().get(0).toString());
    StringBuilder b = new StringBuilder();
    b.append('\n');
    b.append("forensics ").append(VersionProvider.version()).append(" image hash started at ")
        .append(DC3DD_TIME.format(started)).append('\n');
    b.append("command line: ").append(AuditRenderer.printable(command)).append('\n');
    b.append("sector size: ").append(hash.bytesPerSector())
        .append(hash.sectorSizeFromImage() ? " bytes (from the image)" : " bytes (assumed)").append('\n');
    b.append('\n');
    b.append("input results for ").append(hash.segmentFiles().size() == 1 ? "file `" : "files `").append(first)
        .append("':\n");
    long full = hash.mediaSize() / hash.bytesPerSector();
    long rest = hash.mediaSize() % hash.bytesPerSector();
    b.append("   ").append(full).append(" sectors").append(rest == 0 ? "" : " + " + rest + " bytes").append(" in\n");
    for (DamagedChunk d : hash.damaged()) {
      b.append("   [!!] sectors ").append(d.firstSector()).append(" - ").append(d.lastSector())
          .append(" unreadable, hashed as zeros: ").append(d.reason()).append('\n');
    }
    for (HashAlgorithm a : hash.digests().algorithms()) {
      b.append("   ").append(hash.digests().get(a).orElseThrow().hex()).append(" (").append(a.id()).append(")\n");
      for (Piece p : hash.pieces()) {
        b.append("      ").append(p.digests().get(a).orElseThrow().hex()).append(", sectors ")
            .append(dc3ddSectors(p.offset(), p.length())).append('\n');
      }
    }
    if (!hash.segments().isEmpty()) {
      b.append('\n');
      b.append("segment results for files `").append(first).append("':\n");
      for (HashAlgorithm a : hash.digests().algorithms()) {
        b.append("   ").append(hash.digests().get(a).orElseThrow().hex()).append(" (").append(a.id()).append(")\n");
        for (SegmentHash s : hash.segments()) {
          b.append("      ").append(s.digests().get(a).orElseThrow().hex()).append(", sectors ")
              .append(dc3ddSectors(s.offset(), s.length())).append(", `").append(name(s.file()))
              .append("'\n");
        }
      }
    }
    b.append('\n');
    b.append("forensics completed at ").append(DC3DD_TIME.format(completed)).append('\n');
    b.append('\n');
    out.print(b);
  }

  private String dc3ddSectors(long offset, long length) {
    return hash.sectorOf(offset) + " - " + hash.lastSectorOf(offset, length);
  }

  // ---- dcfldd hashlog --------------------------------------------------------------------------

  /**
   * dcfldd's {@code hashlog=} layout with {@code hashwindow=}: per piece and algorithm {@code START -
   * END: HEX} with END exclusive, then a blank line and {@code Total (ALG): HEX} per algorithm.
   */
  private void dcfldd(PrintWriter out) {
    StringBuilder b = new StringBuilder();
    for (Piece p : hash.pieces()) {
      for (Digest d : p.digests().digests()) {
        b.append(p.offset()).append(" - ").append(p.offset() + p.length()).append(": ").append(d.hex()).append('\n');
      }
    }
    for (Digest d : hash.digests().digests()) {
      b.append('\n').append("Total (").append(d.algorithm().id()).append("): ").append(d.hex()).append('\n');
    }
    out.print(b);
  }
}
