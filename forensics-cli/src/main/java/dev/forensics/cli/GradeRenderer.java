package dev.forensics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.forensics.grading.ClassResult;
import dev.forensics.grading.CollusionHint;
import dev.forensics.grading.Feedback;
import dev.forensics.grading.Gradebook;
import dev.forensics.grading.QuestionResult;
import dev.forensics.grading.QuestionSummary;
import dev.forensics.grading.Reason;
import dev.forensics.grading.StudentResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Renders grades: feedback lines from the bundle, per-student Markdown and HTML, the class summary and stdout. */
final class GradeRenderer {
  private GradeRenderer() {}

  /** Reasons whose text names an expected answer, and have a {@code .hidden} form that does not. */
  static final java.util.Set<Reason> REVEALING = java.util.EnumSet.of(Reason.HASH_MISMATCH, Reason.HASH_OTHER_FILE,
      Reason.COUNT_OFF, Reason.TIME_OUTSIDE_WINDOW, Reason.SET_MISSED, Reason.RECOVERED_MISSED,
      Reason.CUSTODY_HASH_MISMATCH);

  /** A feedback line in the student's language. */
  static String text(Feedback f) {
    String key = "grade.reason." + f.reason().id();
    if ((f.reason() == Reason.SHEET_PROBLEM && f.args().get(0).equals("0"))
        || (f.reason() == Reason.CUSTODY_STEP_MISSING && f.args().get(1).isEmpty())) {
      key += ".first";
    }
    return Messages.get(key, f.args().toArray());
  }

  /** Feedback lines that name expected answers ({@link #text}), or that never do (for resubmittable work). */
  static Function<Feedback, String> texts(boolean hideExpected) {
    if (!hideExpected) {
      return GradeRenderer::text;
    }
    return f -> REVEALING.contains(f.reason())
        ? Messages.get("grade.reason." + f.reason().id() + ".hidden", f.args().toArray())
        : text(f);
  }

  static String points(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  private static String verdict(StudentResult s) {
    return Messages.get(s.passed() ? "grade.passed" : "grade.failed");
  }

  // ------------------------------------------------------------------ Markdown

  /** Text safe inside Markdown: HTML and Markdown's inline markup characters escaped, one line. */
  static String md(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.replaceAll("[\\r\\n\\t]+", " ").toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '~' -> b.append('\\').append(c);
        default -> b.append(c < 0x20 || c == 0x7f ? '?' : c);
      }
    }
    return b.toString();
  }

  static String markdown(ClassResult c, StudentResult s, Map<String, String> questionTexts, Function<Feedback, String> text) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(md(Messages.get("grade.fb.title", c.title()))).append("\n\n");
    b.append(md(Messages.get("grade.fb.exercise", c.exerciseId()))).append("  \n");
    b.append(md(Messages.get("grade.fb.student", s.student()))).append("  \n");
    b.append("**").append(md(Messages.get("grade.fb.score", points(s.total()), points(s.max()), verdict(s), points(c.passMark()))))
        .append("**\n");
    for (QuestionResult q : s.questions()) {
      b.append("\n## ").append(md(Messages.get("grade.fb.question", q.question(), points(q.points()), points(q.max())))).append("\n\n");
      String qt = questionTexts.getOrDefault(q.question(), "");
      if (!qt.isBlank()) {
        b.append("> ").append(md(qt.strip())).append("\n\n");
      }
      for (Feedback f : q.feedback()) {
        b.append("- ").append(md(text.apply(f))).append('\n');
      }
    }
    if (!s.notes().isEmpty()) {
      b.append("\n## ").append(md(Messages.get("grade.fb.notes"))).append("\n\n");
      for (Feedback f : s.notes()) {
        b.append("- ").append(md(text.apply(f))).append('\n');
      }
    }
    return b.toString();
  }

  static String summaryMarkdown(ClassResult c) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(md(Messages.get("grade.summary.title", c.title()))).append("\n\n");
    b.append(md(Messages.get("grade.classLine", c.students().size(), c.passed(), points(c.passMark()), points(c.totalPoints()))))
        .append("\n\n## ").append(md(Messages.get("grade.summary.questions"))).append("\n\n");
    b.append("| ").append(Messages.get("grade.summary.col.question")).append(" | ").append(Messages.get("grade.summary.col.average"))
        .append(" | ").append(Messages.get("grade.summary.col.max")).append(" | % | ").append(Messages.get("grade.summary.col.full"))
        .append(" | ").append(Messages.get("grade.summary.col.zero")).append(" |\n|---|---:|---:|---:|---:|---:|\n");
    for (QuestionSummary q : byAverage(c)) {
      b.append("| ").append(md(q.question())).append(" | ").append(points(q.average())).append(" | ").append(points(q.max()))
          .append(" | ").append(q.students() == 0 ? 0 : q.averagePercent()).append(" | ").append(q.full()).append(" | ")
          .append(q.zero()).append(" |\n");
    }
    b.append("\n## ").append(md(Messages.get("grade.summary.students"))).append("\n\n");
    for (StudentResult s : c.students()) {
      b.append("- ").append(md(s.student())).append(": ").append(points(s.total())).append(" / ").append(points(s.max()))
          .append(" (").append(md(verdict(s))).append(")\n");
    }
    b.append("\n## ").append(md(Messages.get("grade.hintsHeading"))).append("\n\n");
    if (c.hints().isEmpty()) {
      b.append(md(Messages.get("grade.noHints"))).append('\n');
    }
    for (CollusionHint h : c.hints()) {
      b.append("- ").append(md(hint(h))).append('\n');
    }
    return b.toString();
  }

  private static List<QuestionSummary> byAverage(ClassResult c) {
    return c.summary().stream()
        .sorted(Comparator.comparingInt((QuestionSummary q) -> q.students() == 0 ? 0 : q.averagePercent())
            .thenComparing(QuestionSummary::question))
        .toList();
  }

  static String hint(CollusionHint h) {
    String what = h.what().length() > 16 ? h.what().substring(0, 16) + "…" : h.what();
    return Messages.get("grade.hint." + h.kind().id(), what, String.join(", ", h.students()));
  }

  // ------------------------------------------------------------------ HTML

  /** Self-contained HTML (XHTML syntax, written with StAX so that every text is escaped). */
  static void html(ClassResult c, StudentResult s, Map<String, String> questionTexts, Function<Feedback, String> text,
      OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeDTD("<!DOCTYPE html>");
      x.writeCharacters("\n");
      x.writeStartElement("html");
      x.writeDefaultNamespace("http://www.w3.org/1999/xhtml");
      x.writeStartElement("head");
      x.writeEmptyElement("meta");
      x.writeAttribute("charset", "utf-8");
      element(x, "title", Messages.get("grade.fb.title", c.title()) + " - " + s.student());
      element(x, "style", "body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
          + ".full{color:#176117}.part{color:#8a5a00}.zero{color:#a11}blockquote{color:#444}");
      x.writeEndElement();
      x.writeStartElement("body");
      element(x, "h1", Messages.get("grade.fb.title", c.title()));
      element(x, "p", Messages.get("grade.fb.exercise", c.exerciseId()) + " · " + Messages.get("grade.fb.student", s.student()));
      x.writeStartElement("p");
      element(x, "strong", Messages.get("grade.fb.score", points(s.total()), points(s.max()), verdict(s), points(c.passMark())));
      x.writeEndElement();
      for (QuestionResult q : s.questions()) {
        x.writeStartElement("h2");
        x.writeAttribute("class", q.full() ? "full" : q.points().signum() > 0 ? "part" : "zero");
        x.writeCharacters(safe(Messages.get("grade.fb.question", q.question(), points(q.points()), points(q.max()))));
        x.writeEndElement();
        String qt = questionTexts.getOrDefault(q.question(), "");
        if (!qt.isBlank()) {
          element(x, "blockquote", qt.strip());
        }
        list(x, q.feedback(), text);
      }
      if (!s.notes().isEmpty()) {
        element(x, "h2", Messages.get("grade.fb.notes"));
        list(x, s.notes(), text);
      }
      x.writeEndElement();
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write HTML: " + e.getMessage(), e);
    }
    out.flush();
  }

  private static void list(XMLStreamWriter x, List<Feedback> feedback, Function<Feedback, String> text)
      throws XMLStreamException {
    x.writeStartElement("ul");
    for (Feedback f : feedback) {
      element(x, "li", text.apply(f));
    }
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(safe(text));
    x.writeEndElement();
  }

  /** Text without the characters XML cannot hold. */
  static String safe(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(
        cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
            || cp >= 0x10000 ? cp : 0xFFFD));
    return b.toString();
  }

  // ------------------------------------------------------------------ stdout

  static void render(ClassResult c, OutputFormat format, Function<Feedback, String> text, PrintWriter out)
      throws IOException {
    switch (format) {
      case csv -> Gradebook.write(c, out);
      case json -> json(c, text, out);
      case text -> text(c, out);
    }
    out.flush();
  }

  private static String printable(String s) {
    return s.replaceAll("[\\x00-\\x1f\\x7f]", "?");
  }

  private static void text(ClassResult c, PrintWriter out) {
    int w = Math.max(Messages.get("grade.col.student").length(),
        c.students().stream().mapToInt(s -> printable(s.student()).length()).max().orElse(0));
    String fmt = "%-" + w + "s  %12s  %s%n";
    out.printf(fmt, Messages.get("grade.col.student"), Messages.get("grade.col.score"), Messages.get("grade.col.result"));
    for (StudentResult s : c.students()) {
      out.printf(fmt, printable(s.student()), points(s.total()) + " / " + points(s.max()), verdict(s));
    }
    out.println();
    for (QuestionSummary q : c.summary()) {
      out.println(Messages.get("grade.questionLine", q.question(), points(q.average()), points(q.max()),
          q.students() == 0 ? 0 : q.averagePercent(), q.full(), q.zero()));
    }
    out.println();
    out.println(Messages.get("grade.classLine", c.students().size(), c.passed(), points(c.passMark()), points(c.totalPoints())));
    if (!c.hints().isEmpty()) {
      out.println(Messages.get("grade.hintsHeading"));
      for (CollusionHint h : c.hints()) {
        out.println("  " + printable(hint(h)));
      }
    }
  }

  private static void json(ClassResult c, Function<Feedback, String> text, PrintWriter out) throws IOException {
    JsonFactory f = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    try (JsonGenerator g = f.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("exercise", c.exerciseId());
      g.writeNumberField("totalPoints", c.totalPoints());
      g.writeNumberField("passMark", c.passMark());
      g.writeArrayFieldStart("students");
      for (StudentResult s : c.students()) {
        g.writeStartObject();
        g.writeStringField("student", s.student());
        g.writeNumberField("total", s.total());
        g.writeBooleanField("passed", s.passed());
        g.writeArrayFieldStart("questions");
        for (QuestionResult q : s.questions()) {
          g.writeStartObject();
          g.writeStringField("id", q.question());
          g.writeNumberField("points", q.points());
          g.writeNumberField("max", q.max());
          g.writeArrayFieldStart("feedback");
          for (Feedback fb : q.feedback()) {
            g.writeStartObject();
            g.writeStringField("reason", fb.reason().id());
            g.writeStringField("text", text.apply(fb));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (Feedback fb : s.notes()) {
          g.writeStartObject();
          g.writeStringField("reason", fb.reason().id());
          g.writeStringField("text", text.apply(fb));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("summary");
      for (QuestionSummary q : c.summary()) {
        g.writeStartObject();
        g.writeStringField("id", q.question());
        g.writeNumberField("average", q.average());
        g.writeNumberField("max", q.max());
        g.writeNumberField("full", q.full());
        g.writeNumberField("zero", q.zero());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("hints");
      for (CollusionHint h : c.hints()) {
        g.writeStartObject();
        g.writeStringField("kind", h.kind().id());
        g.writeStringField("what", h.what());
        g.writeArrayFieldStart("students");
        for (String s : h.students()) {
          g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.println();
  }
}
