package dev.forensics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.forensics.hash.AuditEntry;
import dev.forensics.hash.AuditResult;
import dev.forensics.hash.AuditStatus;
import dev.forensics.hash.ManifestProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints an audit as a table, JSON or CSV. */
final class AuditRenderer {

  private AuditRenderer() {}

  static void render(AuditResult r, OutputFormat format, boolean quiet, boolean ignoreNew, PrintWriter out)
      throws IOException {
    switch (format) {
      case json:
        json(r, ignoreNew, out);
        break;
      case csv:
        csv(r, out);
        break;
      default:
        text(r, quiet, out);
    }
    out.flush();
  }

  private static void text(AuditResult r, boolean quiet, PrintWriter out) {
    for (ManifestProblem p : r.manifestProblems()) {
      out.println(Messages.get("verify.manifestProblem", p.toString()));
    }
    int width = 0;
    for (AuditStatus s : AuditStatus.values()) {
      width = Math.max(width, label(s).length());
    }
    for (AuditEntry e : r.entries()) {
      if (quiet && e.status() == AuditStatus.MATCHED) {
        continue;
      }
      StringBuilder line = new StringBuilder(pad(label(e.status()), width)).append("  ").append(printable(e.path()));
      if (!e.detail().isEmpty()) {
        line.append("  (").append(printable(e.detail())).append(')');
      }
      out.println(line);
    }
    List<String> counts = new ArrayList<>();
    for (Map.Entry<AuditStatus, Long> c : r.counts().entrySet()) {
      counts.add(label(c.getKey()) + " " + c.getValue());
    }
    out.println(Messages.get("verify.summary", String.join(", ", counts)));
  }

  /** A path with control characters shown as escapes, so a crafted name cannot forge report lines. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (c == '\n') {
                sb.append("\\n");
              } else if (c == '\r') {
                sb.append("\\r");
              } else if (c == '\t') {
                sb.append("\\t");
              } else if (Character.isISOControl(c) || c == 0x202E || c == 0x202D) {
                sb.append(String.format("\\u%04x", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }

  static String label(AuditStatus s) {
    return Messages.get("status." + s.name());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static void json(AuditResult r, boolean ignoreNew, PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeBooleanField("passed", r.passed(ignoreNew));
    g.writeObjectFieldStart("counts");
    for (Map.Entry<AuditStatus, Long> c : r.counts().entrySet()) {
      g.writeNumberField(c.getKey().name(), c.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("manifestProblems");
    for (ManifestProblem p : r.manifestProblems()) {
      g.writeStartObject();
      g.writeStringField("source", p.source());
      g.writeNumberField("line", p.line());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("files");
    for (AuditEntry e : r.entries()) {
      g.writeStartObject();
      g.writeStringField("status", e.status().name());
      g.writeStringField("path", e.path());
      if (e.expectedPath().isPresent()) {
        g.writeStringField("expectedPath", e.expectedPath().get());
      }
      if (e.actualPath().isPresent()) {
        g.writeStringField("actualPath", e.actualPath().get());
      }
      g.writeStringField("detail", e.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.println();
  }

  private static void csv(AuditResult r, PrintWriter out) throws IOException {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("status")
            .addColumn("path")
            .addColumn("expected_path")
            .addColumn("actual_path")
            .addColumn("detail")
            .setUseHeader(true)
            .build();
    List<List<String>> rows = new ArrayList<>();
    for (AuditEntry e : r.entries()) {
      rows.add(
          List.of(
              e.status().name(),
              e.path(),
              e.expectedPath().orElse(""),
              e.actualPath().orElse(""),
              e.detail()));
    }
    mapper.writerFor(List.class).with(schema).writeValues(out).writeAll(rows).flush();
  }

}
