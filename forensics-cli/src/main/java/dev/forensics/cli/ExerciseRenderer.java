package dev.forensics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.exercise.BundledScenarios;
import dev.forensics.exercise.ExerciseCheck;
import dev.forensics.exercise.ExerciseSet;
import dev.forensics.exercise.Scenario;
import dev.forensics.hash.AuditEntry;
import dev.forensics.hash.AuditStatus;
import dev.forensics.hash.ManifestProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the results of {@code forensics exercise build|check|list}. */
final class ExerciseRenderer {

  private ExerciseRenderer() {}

  /** One line per set built, and a note when the ledger is signed with the training key. */
  static void built(List<ExerciseSet> sets, PrintWriter out) {
    for (ExerciseSet s : sets) {
      out.println(Messages.get("exercise.built", s.folder(), s.variant().map(v -> v.label()).orElse("-"),
          Long.toString(s.seed()), s.evidenceFiles(), s.manifestEntries(), s.ledgerHead()));
    }
    if (sets.stream().anyMatch(ExerciseSet::trainingKey)) {
      out.println(Messages.get("exercise.trainingKey"));
    }
    out.flush();
  }

  static void check(ExerciseCheck c, OutputFormat format, PrintWriter out) throws IOException {
    switch (format) {
      case json -> checkJson(c, out);
      case csv -> {
        out.println("status,path,detail");
        for (AuditEntry e : c.entries()) {
          out.println(e.status() + "," + csv(e.path()) + "," + csv(e.detail()));
        }
      }
      default -> {
        for (AuditEntry e : c.problems()) {
          out.println(Messages.get("exercise.check.line", e.status(), e.path(), e.detail()));
        }
        for (ManifestProblem p : c.manifestProblems()) {
          out.println(Messages.get("exercise.check.manifestProblem", p.source(), p.line(), p.message()));
        }
        out.println(Messages.get("exercise.check.summary", c.folder(), c.count(AuditStatus.MATCHED),
            c.count(AuditStatus.CHANGED), c.count(AuditStatus.MISSING), c.count(AuditStatus.MOVED),
            c.count(AuditStatus.NEW), c.count(AuditStatus.UNREADABLE)));
        c.ledger().ifPresentOrElse(l -> out.println(l.intact()
                ? Messages.get("exercise.check.ledgerIntact", l.entries())
                : Messages.get("exercise.check.ledgerBroken", l.problem().orElseThrow().toString())),
            () -> out.println(Messages.get("exercise.check.noLedger")));
        out.println(Messages.get(c.passed() ? "exercise.check.passed" : "exercise.check.failed"));
      }
    }
    out.flush();
  }

  private static void checkJson(ExerciseCheck c, PrintWriter out) throws IOException {
    JsonGenerator g = json(out);
    g.writeStartObject();
    g.writeStringField("folder", c.folder().toString());
    g.writeBooleanField("passed", c.passed());
    g.writeObjectFieldStart("counts");
    for (AuditStatus s : AuditStatus.values()) {
      g.writeNumberField(s.name().toLowerCase(java.util.Locale.ROOT), c.count(s));
    }
    g.writeEndObject();
    g.writeArrayFieldStart("problems");
    for (AuditEntry e : c.problems()) {
      g.writeStartObject();
      g.writeStringField("status", e.status().name());
      g.writeStringField("path", e.path());
      g.writeStringField("detail", e.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("manifestProblems");
    for (ManifestProblem p : c.manifestProblems()) {
      g.writeStartObject();
      g.writeNumberField("line", p.line());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (c.ledger().isPresent()) {
      LedgerVerification l = c.ledger().get();
      g.writeObjectFieldStart("ledger");
      g.writeBooleanField("intact", l.intact());
      g.writeNumberField("entries", l.entries());
      if (l.problem().isPresent()) {
        g.writeStringField("problem", l.problem().get().toString());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.flush();
    out.println();
  }

  static void list(List<BundledScenarios.Entry> entries, OutputFormat format, PrintWriter out) throws IOException {
    switch (format) {
      case json -> {
        JsonGenerator g = json(out);
        g.writeStartArray();
        for (BundledScenarios.Entry e : entries) {
          Scenario s = e.scenario();
          g.writeStartObject();
          g.writeStringField("name", e.name());
          g.writeStringField("id", s.info().id());
          g.writeStringField("title", s.info().title());
          g.writeStringField("topic", s.info().topic());
          g.writeStringField("evidence", evidence(s));
          g.writeNumberField("questions", s.questions().size());
          g.writeStringField("points", s.totalPoints().toPlainString());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.flush();
        out.println();
      }
      case csv -> {
        out.println("name,title,topic,evidence,questions,points");
        for (BundledScenarios.Entry e : entries) {
          Scenario s = e.scenario();
          out.println(String.join(",", csv(e.name()), csv(s.info().title()), csv(s.info().topic()), csv(evidence(s)),
              Integer.toString(s.questions().size()), s.totalPoints().toPlainString()));
        }
      }
      default -> {
        int w = entries.stream().mapToInt(e -> e.name().length()).max().orElse(4);
        out.println(pad(Messages.get("exercise.list.col.name"), w) + "  " + Messages.get("exercise.list.col.what"));
        for (BundledScenarios.Entry e : entries) {
          Scenario s = e.scenario();
          out.println(pad(e.name(), w) + "  " + s.info().title());
          out.println(pad("", w) + "  " + Messages.get("exercise.list.detail", s.info().topic(), evidence(s),
              s.questions().size(), s.totalPoints().toPlainString()));
        }
        out.println(Messages.get("exercise.list.hint"));
      }
    }
    out.flush();
  }

  private static String evidence(Scenario s) {
    List<String> parts = new ArrayList<>();
    s.evidence().folder().ifPresent(f -> parts.add(f + "/"));
    s.evidence().diskImage().ifPresent(d -> parts.add(d.fileName() + " (" + d.fat().name() + ")"));
    return String.join(" + ", parts);
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
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
