package dev.forensics.cli;

import dev.forensics.custody.CustodyReport;
import dev.forensics.custody.ItemRehash;
import dev.forensics.custody.ItemStatus;
import dev.forensics.custody.LedgerEntry;
import dev.forensics.custody.LedgerProblem;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The printable custody report: one self-contained HTML file (inline CSS, no scripts, no network), the
 * ledger's verification result on top, then one section per exhibit laid out like a paper
 * chain-of-custody form. Every text from the ledger is HTML-escaped. The same ledger gives the same bytes.
 */
final class CustodyReportHtml {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT);

  /** Fields shown in their own column, not under "details". */
  private static final Set<String> OWN_COLUMN = Set.of("released-by", "received-by", "from", "to", "location", "seal",
      "seal-intact", "hashes", "rehash", "custodians", "description");

  private static final String CSS = """
      body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10pt;color:#000;background:#fff;margin:1.5em}
      h1{font-size:16pt;margin:0 0 .4em}h2{font-size:13pt;margin:1.2em 0 .4em;border-bottom:2px solid #000}
      table{border-collapse:collapse;width:100%;margin:.4em 0}
      th,td{border:1px solid #444;padding:3px 5px;vertical-align:top;text-align:left;white-space:pre-wrap;overflow-wrap:break-word}
      th{background:#eee}table.meta th{width:14em}table.events th{white-space:normal}
      table.events td:first-child{white-space:nowrap}table.sign th{width:8em}table.sign td{width:25%}
      .hex{font-family:"DejaVu Sans Mono",monospace;font-size:8pt;word-break:break-all}
      .verdict{border:3px solid;padding:.5em;font-weight:bold;font-size:12pt;margin:.6em 0}
      .ok{border-color:#060;color:#060}.bad{border-color:#b00;color:#b00}
      .mismatch{color:#b00;font-weight:bold}.match{color:#060}
      .sign td{height:2.2em}
      footer{margin-top:2em;font-size:8pt;color:#333}
      @media print{body{margin:0;font-size:9pt}section.exhibit{break-before:page}section.exhibit:first-of-type{break-before:auto}
      tr,td{break-inside:avoid}thead{display:table-header-group}.verdict{border-width:2px}}
      @page{size:A4 landscape;margin:12mm}
      """;

  private CustodyReportHtml() {}

  static void write(CustodyReport r, Writer w) throws IOException {
    LedgerVerification v = r.verification();
    String caseNo = r.caseNumber().orElse("?");
    w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    w.write("<title>" + HtmlText.escape(Messages.get("custody.export.html.title", caseNo)) + "</title>\n");
    w.write("<style>\n" + CSS + "</style>\n</head>\n<body>\n<header>\n");
    w.write("<h1>" + HtmlText.escape(Messages.get("custody.export.html.title", caseNo)) + "</h1>\n");
    w.write("<table class=\"meta\">\n");
    row(w, Messages.get("custody.export.html.case"), HtmlText.escape(caseNo));
    if (r.title().isPresent()) {
      row(w, Messages.get("custody.export.html.caseTitle"), HtmlText.escape(r.title().get()));
    }
    row(w, Messages.get("custody.export.html.ledger"), HtmlText.escape(r.ledgerName()));
    row(w, Messages.get("custody.export.html.custodians"), HtmlText.escape(String.join(", ",
        r.init().map(i -> i.custodians().stream().map(c -> c.name()).toList()).orElse(List.of()))));
    row(w, Messages.get("custody.export.html.entries"), HtmlText.escape(Long.toString(v.entries())));
    row(w, Messages.get("custody.export.html.head"), "<span class=\"hex\">" + HtmlText.escape(v.head().map(Object::toString).orElse("-")) + "</span>");
    w.write("</table>\n");
    if (v.intact()) {
      w.write("<div class=\"verdict ok\">" + HtmlText.escape(Messages.get("custody.export.html.intact", v.entries())) + "</div>\n");
    } else {
      w.write("<div class=\"verdict bad\">" + HtmlText.escape(Messages.get("custody.export.html.notIntact",
          v.problem().map(Object::toString).orElse(""), v.entries())) + "</div>\n");
    }
    for (CustodyReport.Event ev : r.events()) {
      LedgerEntry e = ev.entry();
      if (e.rehash().isPresent() && e.rehash().get().result() == ItemRehash.Result.MISMATCH) {
        w.write("<div class=\"verdict bad\">" + HtmlText.escape(Messages.get("custody.export.html.mismatch",
            e.item().orElse("?"), e.seq(), e.rehash().get().path())) + "</div>\n");
      }
      if (e.field("seal-intact").equals(java.util.Optional.of("no"))) {
        w.write("<div class=\"verdict bad\">" + HtmlText.escape(Messages.get("custody.export.html.sealBroken",
            e.item().orElse("?"), e.seq())) + "</div>\n");
      }
    }
    if (!v.warnings().isEmpty()) {
      w.write("<ul class=\"warnings\">\n");
      for (LedgerProblem p : v.warnings()) {
        w.write("<li>" + HtmlText.escape(Messages.get("custody.verify.warning", p)) + "</li>\n");
      }
      w.write("</ul>\n");
    }
    w.write("</header>\n");
    for (CustodyReport.Exhibit x : r.exhibits()) {
      exhibit(w, x);
    }
    if (!r.caseNotes().isEmpty()) {
      w.write("<section class=\"notes\">\n<h2>" + HtmlText.escape(Messages.get("custody.export.html.caseNotes")) + "</h2>\n");
      eventTable(w, r.caseNotes());
      w.write("</section>\n");
    }
    w.write("<footer>" + HtmlText.escape(Messages.get("custody.export.html.footer", r.ledgerName())) + "</footer>\n");
    w.write("</body>\n</html>\n");
  }

  private static void exhibit(Writer w, CustodyReport.Exhibit x) throws IOException {
    LedgerEntry reg = x.register();
    w.write("<section class=\"exhibit\">\n<h2>" + HtmlText.escape(Messages.get("custody.export.html.exhibit", x.item())) + "</h2>\n");
    w.write("<table class=\"meta\">\n");
    row(w, Messages.get("custody.export.html.description"), HtmlText.escape(x.description()));
    for (String f : List.of("make", "model", "serial", "condition", "seal")) {
      if (reg.field(f).isPresent()) {
        row(w, label(f), HtmlText.escape(reg.field(f).get()));
      }
    }
    row(w, Messages.get("custody.export.html.registered"), HtmlText.escape(Messages.get("custody.export.html.registeredBy",
        reg.actor(), reg.field("location").orElse(""), time(reg))));
    if (x.status().isPresent()) {
      ItemStatus s = x.status().get();
      if (!s.reference().isEmpty()) {
        row(w, Messages.get("custody.export.html.reference", s.referenceSeq().getAsLong()), digests(s.reference()));
      }
      row(w, Messages.get("custody.export.html.now"), HtmlText.escape(Messages.get("custody.export.html.nowValue",
          s.state().id(), s.holder(), s.location())));
      row(w, Messages.get("custody.export.html.lastRehash"), s.lastRehash().isPresent()
          ? rehash(s.lastRehash().get()) + HtmlText.escape(" (#" + s.lastRehashSeq().getAsLong() + ")")
          : HtmlText.escape(Messages.get("custody.export.html.never")));
    }
    w.write("</table>\n");
    eventTable(w, x.events());
    w.write("<table class=\"sign\"><tr><th>" + HtmlText.escape(Messages.get("custody.export.html.checkedBy")) + "</th><td></td><th>"
        + HtmlText.escape(Messages.get("custody.export.html.signature")) + "</th><td></td><th>"
        + HtmlText.escape(Messages.get("custody.export.html.date")) + "</th><td></td></tr></table>\n");
    w.write("</section>\n");
  }

  private static void eventTable(Writer w, List<CustodyReport.Event> events) throws IOException {
    w.write("<table class=\"events\">\n<thead><tr>");
    for (String h : List.of("seq", "time", "event", "releasedBy", "receivedBy", "place", "seal", "details", "hashes", "signed")) {
      w.write("<th>" + HtmlText.escape(Messages.get("custody.export.html.col." + h)) + "</th>");
    }
    w.write("</tr></thead>\n<tbody>\n");
    for (CustodyReport.Event ev : events) {
      LedgerEntry e = ev.entry();
      w.write("<tr>");
      cell(w, HtmlText.escape(Long.toString(e.seq())));
      cell(w, HtmlText.escape(time(e)) + "<br>" + HtmlText.escape(Messages.get("custody.export.html.utc", LOCAL.format(e.time().atOffset(java.time.ZoneOffset.UTC)))));
      cell(w, HtmlText.escape(label("type." + e.type().id())));
      cell(w, HtmlText.escape(ev.releasedBy().orElse("\u2014")));
      cell(w, HtmlText.escape(ev.receivedBy().orElse(e.field("returned-to").map(t -> t).orElse("\u2014"))));
      StringBuilder place = new StringBuilder();
      if (e.field("from").isPresent() && e.field("to").isPresent()) {
        place.append(HtmlText.escape(e.field("from").get() + " \u2192 " + e.field("to").get()));
      } else {
        place.append(HtmlText.escape(ev.location().orElse("")));
      }
      cell(w, place.toString());
      StringBuilder seal = new StringBuilder(HtmlText.escape(ev.seal().orElse("")));
      if (e.field("seal-intact").isPresent()) {
        String intact = HtmlText.escape(Messages.get("custody.export.html.sealIntact", label("yesno." + e.field("seal-intact").get())));
        seal.append(seal.length() > 0 ? "<br>" : "")
            .append(e.field("seal-intact").get().equals("no") ? "<span class=\"mismatch\">" + intact + "</span>" : intact);
      }
      cell(w, seal.toString());
      StringBuilder details = new StringBuilder();
      for (String f : e.fieldNames()) {
        if (!OWN_COLUMN.contains(f) || (f.equals("description") && e.item().isEmpty())) {
          details.append(details.length() > 0 ? "<br>" : "").append("<b>").append(HtmlText.escape(label(f))).append(":</b> ")
              .append(HtmlText.escape(e.field(f).orElse("")));
        }
      }
      cell(w, details.toString());
      StringBuilder hashes = new StringBuilder();
      if (!e.hashes().isEmpty()) {
        hashes.append(digests(e.hashes()));
      }
      if (e.rehash().isPresent()) {
        ItemRehash rh = e.rehash().get();
        hashes.append(rehash(rh)).append("<br>").append(HtmlText.escape(rh.path())).append("<br>").append(digests(rh.hashes()));
      }
      cell(w, hashes.toString());
      cell(w, HtmlText.escape(String.join(", ", e.signatures().stream().map(LedgerEntry.Signature::by).toList())));
      w.write("</tr>\n");
    }
    w.write("</tbody>\n</table>\n");
  }

  private static String time(LedgerEntry e) {
    return Messages.get("custody.export.html.local", LOCAL.format(e.time().atOffset(e.offset())), e.offset().getId().equals("Z") ? "+00:00" : e.offset().getId());
  }

  private static String rehash(ItemRehash r) {
    return switch (r.result()) {
      case MATCH -> "<span class=\"match\">" + HtmlText.escape(Messages.get("custody.rehash.match")) + "</span>";
      case MISMATCH -> "<span class=\"mismatch\">" + HtmlText.escape(Messages.get("custody.rehash.mismatch")) + "</span>";
      case NO_REFERENCE -> HtmlText.escape(Messages.get("custody.rehash.noReference"));
    };
  }

  private static String digests(DigestSet ds) {
    StringBuilder sb = new StringBuilder();
    for (Digest d : ds.digests()) {
      sb.append("<span class=\"hex\">").append(HtmlText.escape(d.algorithm().id())).append(' ').append(HtmlText.escape(d.hex())).append("</span><br>");
    }
    return sb.toString();
  }

  private static String label(String key) {
    return Messages.get("custody.export.field." + key);
  }

  private static void row(Writer w, String header, String html) throws IOException {
    w.write("<tr><th>" + HtmlText.escape(header) + "</th><td>" + html + "</td></tr>\n");
  }

  private static void cell(Writer w, String html) throws IOException {
    w.write("<td>" + html + "</td>");
  }

}
