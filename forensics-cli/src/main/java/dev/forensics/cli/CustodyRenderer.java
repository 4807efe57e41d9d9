package dev.forensics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.forensics.custody.ItemRehash;
import dev.forensics.custody.ItemStatus;
import dev.forensics.custody.LedgerEntry;
import dev.forensics.custody.LedgerProblem;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Text and JSON output of the custody commands. */
final class CustodyRenderer {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

  private CustodyRenderer() {}

  static void verification(LedgerVerification v, OutputFormat format, PrintWriter out) throws IOException {
    if (format == OutputFormat.json) {
      JsonGenerator g = json(out);
      g.writeStartObject();
      header(g, v);
      g.writeArrayFieldStart("items");
      for (ItemStatus s : v.items()) {
        item(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
      return;
    }
    out.println(Messages.get("custody.verify.ledger", v.ledger(), v.caseNumber().orElse("?")));
    out.println(Messages.get("custody.verify.entries", v.entries(), v.head().map(Object::toString).orElse("-")));
    v.root().ifPresent(r -> out.println(Messages.get("custody.verify.root", r.base64())));
    for (LedgerProblem w : v.warnings()) {
      out.println(Messages.get("custody.verify.warning", w));
    }
    out.println(Messages.get("custody.verify.items", v.items().size()));
    v.problem().ifPresent(p -> out.println(Messages.get("custody.verify.firstBad", p)));
    out.println(Messages.get(v.intact() ? "custody.verify.intact" : "custody.verify.failed"));
  }

  static void status(LedgerVerification v, OutputFormat format, PrintWriter out) throws IOException {
    if (format == OutputFormat.json) {
      verification(v, format, out);
      return;
    }
    if (format == OutputFormat.csv) {
      out.println("item,state,holder,location,last_seq,last_rehash,last_rehash_seq,description");
      for (ItemStatus s : v.items()) {
        out.println(String.join(",", csv(s.item()), s.state().id(), csv(s.holder()), csv(s.location()),
            Long.toString(s.lastSeq()), s.lastRehash().map(r -> r.result().id()).orElse(""),
            s.lastRehashSeq().isPresent() ? Long.toString(s.lastRehashSeq().getAsLong()) : "", csv(s.description())));
      }
      return;
    }
    out.println(Messages.get("custody.verify.ledger", v.ledger(), v.caseNumber().orElse("?")));
    for (ItemStatus s : v.items()) {
      out.println();
      out.println(Messages.get("custody.status.item", s.item(), s.description()));
      out.println(Messages.get("custody.status.state", s.state().id(), s.holder(), s.location()));
      for (Digest d : s.reference().digests()) {
        out.println(Messages.get("custody.status.reference", d.algorithm().id(), d.hex(), s.referenceSeq().getAsLong()));
      }
      if (s.lastRehash().isPresent()) {
        ItemRehash r = s.lastRehash().get();
        out.println(Messages.get("custody.status.rehash", rehashWord(r), s.lastRehashSeq().getAsLong(), r.path()));
      } else {
        out.println(Messages.get("custody.status.noRehash"));
      }
    }
    out.println();
    v.problem().ifPresent(p -> out.println(Messages.get("custody.verify.firstBad", p)));
    out.println(Messages.get(v.intact() ? "custody.verify.intact" : "custody.verify.failed"));
  }

  static void timelines(LedgerVerification v, Map<String, List<LedgerEntry>> timelines, List<LedgerEntry> caseNotes,
      OutputFormat format, PrintWriter out) throws IOException {
    if (format == OutputFormat.json) {
      JsonGenerator g = json(out);
      g.writeStartObject();
      header(g, v);
      g.writeObjectFieldStart("timelines");
      for (Map.Entry<String, List<LedgerEntry>> t : timelines.entrySet()) {
        g.writeArrayFieldStart(t.getKey());
        for (LedgerEntry e : t.getValue()) {
          entry(g, e);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("caseNotes");
      for (LedgerEntry e : caseNotes) {
        entry(g, e);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.println();
      return;
    }
    out.println(Messages.get("custody.verify.ledger", v.ledger(), v.caseNumber().orElse("?")));
    for (Map.Entry<String, List<LedgerEntry>> t : timelines.entrySet()) {
      out.println();
      ItemStatus s = v.items().stream().filter(i -> i.item().equals(t.getKey())).findFirst().orElse(null);
      out.println(Messages.get("custody.status.item", t.getKey(), s == null ? "" : s.description()));
      for (LedgerEntry e : t.getValue()) {
        out.println(line(e));
      }
      if (s != null) {
        out.println(Messages.get("custody.status.state", s.state().id(), s.holder(), s.location()));
      }
    }
    if (!caseNotes.isEmpty()) {
      out.println();
      out.println(Messages.get("custody.show.caseNotes"));
      for (LedgerEntry e : caseNotes) {
        out.println(line(e));
      }
    }
    out.println();
    v.problem().ifPresent(p -> out.println(Messages.get("custody.verify.firstBad", p)));
    out.println(Messages.get(v.intact() ? "custody.verify.intact" : "custody.verify.failed"));
  }

  /** One timeline line: seq, local time with offset, type, actor, then the fields. */
  private static String line(LedgerEntry e) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("  %5d  %s  %-9s %-12s", e.seq(), LOCAL.format(e.time().atOffset(e.offset())), e.type().id(), e.actor()));
    for (String f : e.fieldNames()) {
      if (f.equals("hashes")) {
        for (Digest d : e.hashes().digests()) {
          sb.append(' ').append(d.algorithm().id()).append('=').append(d.hex());
        }
      } else if (f.equals("rehash")) {
        e.rehash().ifPresent(r -> sb.append(" rehash=").append(rehashWord(r)));
      } else if (!f.equals("custodians")) {
        sb.append(' ').append(f).append("=\"").append(e.field(f).orElse("")).append('"');
      }
    }
    return sb.toString();
  }

  private static String rehashWord(ItemRehash r) {
    return switch (r.result()) {
      case MATCH -> Messages.get("custody.rehash.match");
      case MISMATCH -> Messages.get("custody.rehash.mismatch");
      case NO_REFERENCE -> Messages.get("custody.rehash.noReference");
    };
  }

  private static void header(JsonGenerator g, LedgerVerification v) throws IOException {
    g.writeStringField("ledger", v.ledger());
    g.writeStringField("case", v.caseNumber().orElse(null));
    g.writeBooleanField("intact", v.intact());
    g.writeNumberField("entries", v.entries());
    g.writeStringField("head", v.head().map(Object::toString).orElse(null));
    g.writeStringField("merkleRoot", v.root().map(r -> r.base64()).orElse(null));
    g.writeFieldName("problem");
    if (v.problem().isPresent()) {
      problem(g, v.problem().get());
    } else {
      g.writeNull();
    }
    g.writeArrayFieldStart("warnings");
    for (LedgerProblem w : v.warnings()) {
      problem(g, w);
    }
    g.writeEndArray();
  }

  private static void problem(JsonGenerator g, LedgerProblem p) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", p.kind().id());
    g.writeNumberField("line", p.line());
    if (p.seq() >= 0) {
      g.writeNumberField("seq", p.seq());
    } else {
      g.writeNullField("seq");
    }
    g.writeStringField("message", p.message());
    g.writeEndObject();
  }

  private static void item(JsonGenerator g, ItemStatus s) throws IOException {
    g.writeStartObject();
    g.writeStringField("item", s.item());
    g.writeStringField("description", s.description());
    g.writeStringField("state", s.state().id());
    g.writeStringField("holder", s.holder());
    g.writeStringField("location", s.location());
    g.writeNumberField("lastSeq", s.lastSeq());
    g.writeFieldName("reference");
    digests(g, s.reference());
    if (s.referenceSeq().isPresent()) {
      g.writeNumberField("referenceSeq", s.referenceSeq().getAsLong());
    } else {
      g.writeNullField("referenceSeq");
    }
    if (s.lastRehash().isPresent()) {
      g.writeObjectFieldStart("lastRehash");
      g.writeNumberField("seq", s.lastRehashSeq().getAsLong());
      g.writeStringField("result", s.lastRehash().get().result().id());
      g.writeStringField("path", s.lastRehash().get().path());
      g.writeFieldName("hashes");
      digests(g, s.lastRehash().get().hashes());
      g.writeEndObject();
    } else {
      g.writeNullField("lastRehash");
    }
    g.writeEndObject();
  }

  private static void entry(JsonGenerator g, LedgerEntry e) throws IOException {
    g.writeStartObject();
    g.writeNumberField("seq", e.seq());
    g.writeStringField("time", e.time().toString());
    g.writeStringField("localTime", e.time().atOffset(e.offset()).toString());
    g.writeStringField("type", e.type().id());
    g.writeStringField("actor", e.actor());
    g.writeObjectFieldStart("fields");
    for (String f : e.fieldNames()) {
      if (e.field(f).isPresent()) {
        g.writeStringField(f, e.field(f).get());
      }
    }
    g.writeEndObject();
    g.writeFieldName("hashes");
    digests(g, e.hashes());
    if (e.rehash().isPresent()) {
      g.writeStringField("rehash", e.rehash().get().result().id());
    }
    g.writeStringField("hash", e.hashHex());
    g.writeEndObject();
  }

  private static void digests(JsonGenerator g, DigestSet ds) throws IOException {
    g.writeStartObject();
    for (Digest d : ds.digests()) {
      g.writeStringField(d.algorithm().id(), d.hex());
    }
    g.writeEndObject();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static JsonGenerator json(PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }
}
