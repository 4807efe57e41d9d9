package dev.forensics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.triage.Category;
import dev.forensics.triage.Finding;
import dev.forensics.triage.TriageRecord;
import dev.forensics.triage.TriageResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Prints a triage as a ranked table with reasons, or one JSON/CSV record per file. */
final class TriageRenderer {

  private TriageRenderer() {}

  static void render(TriageResult r, OutputFormat format, boolean all, int top, boolean md5, PrintWriter out)
      throws IOException {
    switch (format) {
      case json -> json(r, md5, out);
      case csv -> csv(r, md5, out);
      default -> text(r, all, top, out);
    }
    out.flush();
  }

  /** A finding's reason from the message bundle. */
  static String reason(Finding f) {
    return Messages.get("triage.finding." + f.kind().id(), f.args().toArray());
  }

  /** A name with control and direction-control characters shown as escapes. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    AuditRenderer.printable(s).codePoints().forEach(c -> {
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || Character.getType(c) == Character.FORMAT) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }

  private static void text(TriageResult r, boolean all, int top, PrintWriter out) {
    List<TriageRecord> ranked = r.ranked();
    List<TriageRecord> shown = all ? ranked : ranked.stream().filter(x -> x.score() > 0).limit(top).toList();
    long withFindings = ranked.stream().filter(x -> x.score() > 0).count();
    if (shown.isEmpty()) {
      out.println(Messages.get("triage.nothing"));
    } else {
      int pathWidth = Math.min(48, Math.max(4, shown.stream().mapToInt(x -> printable(x.path()).length()).max().orElse(4)));
      out.println(String.format(Locale.ROOT, "%5s  %-" + pathWidth + "s  %s", Messages.get("triage.col.score"),
          Messages.get("triage.col.path"), Messages.get("triage.col.type")));
      for (TriageRecord x : shown) {
        out.println(String.format(Locale.ROOT, "%5d  %-" + pathWidth + "s  %s (%s, %s)", x.score(), printable(x.path()),
            x.detection().mediaType(), x.category().id(), x.detection().basis().id()));
        for (Finding f : x.findings()) {
          out.println("       - " + printable(reason(f)));
        }
      }
      if (!all && withFindings > shown.size()) {
        out.println(Messages.get("triage.more", withFindings - shown.size()));
      }
    }
    out.println();
    StringBuilder counts = new StringBuilder();
    for (Map.Entry<Category, Long> c : r.countsByCategory().entrySet()) {
      counts.append(counts.length() == 0 ? "" : ", ").append(c.getKey().id()).append(' ').append(c.getValue());
    }
    out.println(Messages.get("triage.byCategory", counts.length() == 0 ? "-" : counts.toString()));
    out.println(Messages.get("triage.summary", ranked.size(), withFindings,
        r.count(TriageRecord.Status.UNREADABLE), r.count(TriageRecord.Status.SKIPPED)));
  }

  private static String time(Optional<Instant> t) {
    return t.map(Instant::toString).orElse("");
  }

  private static void timeField(JsonGenerator g, String name, Optional<Instant> t) throws IOException {
    if (t.isPresent()) {
      g.writeStringField(name, t.get().toString());
    } else {
      g.writeNullField(name);
    }
  }

  private static String hex(TriageRecord x, HashAlgorithm a) {
    return x.digests().get(a).map(d -> d.hex()).orElse("");
  }

  private static String entropy(double e) {
    return String.format(Locale.ROOT, "%.3f", e);
  }

  private static void json(TriageResult r, boolean md5, PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeObjectFieldStart("categories");
    for (Map.Entry<Category, Long> c : r.countsByCategory().entrySet()) {
      g.writeNumberField(c.getKey().id(), c.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("files");
    for (TriageRecord x : r.records()) {
      g.writeStartObject();
      g.writeStringField("path", x.path());
      g.writeStringField("status", x.status().name().toLowerCase(Locale.ROOT));
      if (x.status() != TriageRecord.Status.TRIAGED) {
        g.writeStringField("error", x.detail());
        g.writeEndObject();
        continue;
      }
      g.writeNumberField("size", x.size());
      timeField(g, "modified", x.modified());
      timeField(g, "accessed", x.accessed());
      timeField(g, "created", x.created());
      g.writeStringField("sha256", hex(x, HashAlgorithm.SHA256));
      if (md5) {
        g.writeStringField("md5", hex(x, HashAlgorithm.MD5));
      }
      g.writeStringField("mediaType", x.detection().mediaType());
      g.writeStringField("category", x.category().id());
      g.writeStringField("decidedBy", x.detection().basis().id());
      g.writeStringField("evidence", x.detection().evidence());
      g.writeStringField("extension", x.extension());
      g.writeBooleanField("extensionMismatch", x.extensionMismatch());
      if (x.digests().isEmpty()) {
        g.writeNullField("entropy"); // --types-only: the content was not read
      } else {
        g.writeNumberField("entropy", new java.math.BigDecimal(entropy(x.entropy())));
      }
      g.writeStringField("known", x.known().name().toLowerCase(Locale.ROOT));
      g.writeArrayFieldStart("knownSets");
      for (String s : x.knownSets()) {
        g.writeString(s);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : x.findings()) {
        g.writeStartObject();
        g.writeStringField("kind", f.kind().id());
        g.writeNumberField("weight", f.kind().weight());
        g.writeStringField("reason", reason(f));
        if (f.offset() >= 0) {
          g.writeNumberField("offset", f.offset());
          g.writeNumberField("length", f.length());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("score", x.score());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.println();
  }

  private static void csv(TriageResult r, boolean md5, PrintWriter out) throws IOException {
    CsvSchema.Builder b = CsvSchema.builder();
    for (String c : new String[] {"path", "status", "error", "size", "modified", "accessed", "created", "sha256"}) {
      b.addColumn(c);
    }
    if (md5) {
      b.addColumn("md5");
    }
    for (String c : new String[] {"media_type", "category", "decided_by", "extension", "extension_mismatch", "entropy",
        "known", "known_sets", "score", "findings"}) {
      b.addColumn(c);
    }
    List<List<String>> rows = new ArrayList<>();
    for (TriageRecord x : r.records()) {
      boolean done = x.status() == TriageRecord.Status.TRIAGED;
      List<String> row = new ArrayList<>(List.of(x.path(), x.status().name().toLowerCase(Locale.ROOT), x.detail(),
          done ? String.valueOf(x.size()) : "", time(x.modified()), time(x.accessed()), time(x.created()),
          hex(x, HashAlgorithm.SHA256)));
      if (md5) {
        row.add(hex(x, HashAlgorithm.MD5));
      }
      List<String> reasons = new ArrayList<>();
      for (Finding f : x.findings()) {
        reasons.add(f.kind().id() + ": " + reason(f));
      }
      row.addAll(List.of(done ? x.detection().mediaType() : "", done ? x.category().id() : "",
          done ? x.detection().basis().id() : "", x.extension(), done ? String.valueOf(x.extensionMismatch()) : "",
          done && !x.digests().isEmpty() ? entropy(x.entropy()) : "", done ? x.known().name().toLowerCase(Locale.ROOT) : "",
          String.join(";", x.knownSets()), done ? String.valueOf(x.score()) : "", String.join(" | ", reasons)));
      rows.add(row);
    }
    new CsvMapper().writerFor(List.class).with(b.setUseHeader(true).build()).writeValues(out).writeAll(rows).flush();
  }
}
