package dev.forensics.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.forensics.custody.CustodyReport;
import dev.forensics.custody.ItemRehash;
import dev.forensics.custody.LedgerEntry;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The custody ledger as RFC 4180 CSV (CRLF line ends, fields quoted where needed, UTF-8), one row per
 * verified event in ledger order; the column names are fixed (docs/formats.md) and not translated.
 */
final class CustodyReportCsv {

  /** The columns, in order. */
  static final List<String> COLUMNS = List.of("case", "item", "seq", "type", "time_utc", "time_local", "actor",
      "released_by", "received_by", "from", "to", "location", "purpose", "seal", "seal_intact", "condition",
      "description", "hashes", "rehash_result", "rehash_against", "rehash_path", "rehash_hashes", "details",
      "signed_by", "entry_hash");

  private static final Set<String> OWN_COLUMN = Set.of("released-by", "received-by", "from", "to", "location",
      "purpose", "seal", "seal-intact", "condition", "description", "hashes", "rehash", "custodians");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);

  private CustodyReportCsv() {}

  static void write(CustodyReport r, Writer w) throws IOException {
    CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
    COLUMNS.forEach(b::addColumn);
    List<List<String>> rows = new ArrayList<>();
    String caseNo = r.caseNumber().orElse("");
    for (CustodyReport.Event ev : r.events()) {
      rows.add(row(caseNo, ev));
    }
    new CsvMapper().writerFor(List.class).with(b.build()).writeValues(w).writeAll(rows).flush();
  }

  private static List<String> row(String caseNo, CustodyReport.Event ev) {
    LedgerEntry e = ev.entry();
    List<String> details = new ArrayList<>();
    for (String f : e.fieldNames()) {
      if (!OWN_COLUMN.contains(f)) {
        details.add(f + "=" + e.field(f).orElse(""));
      }
    }
    ItemRehash rh = e.rehash().orElse(null);
    return List.of(
        caseNo,
        e.item().orElse(""),
        Long.toString(e.seq()),
        e.type().id(),
        UTC.format(e.time().atOffset(ZoneOffset.UTC)),
        LOCAL.format(e.time().atOffset(e.offset())),
        e.actor(),
        ev.releasedBy().orElse(""),
        ev.receivedBy().orElse(""),
        e.field("from").orElse(""),
        e.field("to").orElse(""),
        ev.location().orElse(""),
        e.field("purpose").orElse(""),
        ev.seal().orElse(""),
        e.field("seal-intact").orElse(""),
        e.field("condition").orElse(""),
        e.field("description").orElse(""),
        digests(e.hashes()),
        rh == null ? "" : rh.result().id(),
        rh == null || rh.against().isEmpty() ? "" : Long.toString(rh.against().getAsLong()),
        rh == null ? "" : rh.path(),
        rh == null ? "" : digests(rh.hashes()),
        String.join("; ", details),
        String.join(" ", e.signatures().stream().map(LedgerEntry.Signature::by).toList()),
        e.hashHex());
  }

  private static String digests(DigestSet ds) {
    List<String> out = new ArrayList<>();
    for (Digest d : ds.digests()) {
      out.add(d.algorithm().id() + ":" + d.hex());
    }
    return String.join(" ", out);
  }
}
