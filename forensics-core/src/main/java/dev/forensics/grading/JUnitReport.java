package dev.forensics.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A class's grades as JUnit XML (junit-4.xsd, which CI dashboards read): one {@code testsuite} per
 * student ({@code name} the student) whose {@code properties} give the total, the maximum, whether the
 * student passed, and per question {@code ID.points}, {@code ID.max_points} and {@code ID.weight} (the
 * question's share of the total; JUnit has no points field); one {@code testcase} per question ({@code
 * classname} the exercise id and student, {@code name} the question id); a question without all its
 * points has a {@code failure} whose message is the first feedback line and whose text is all of them.
 * Written with StAX.
 */
public final class JUnitReport {
  private JUnitReport() {}

  /** Writes the report; the stream is flushed, not closed. */
  public static void write(ClassResult c, Function<Feedback, String> text, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", c.exerciseId());
      x.writeAttribute("tests", String.valueOf(c.students().size() * c.questionIds().size()));
      x.writeAttribute("failures", String.valueOf(
          c.students().stream().mapToLong(s -> s.questions().stream().filter(q -> !q.full()).count()).sum()));
      for (StudentResult s : c.students()) {
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", xml(s.student()));
        x.writeAttribute("tests", String.valueOf(s.questions().size()));
        x.writeAttribute("failures", String.valueOf(s.questions().stream().filter(q -> !q.full()).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("time", "0");
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        property(x, "total", Gradebook.plain(s.total()), "      ");
        property(x, "max", Gradebook.plain(s.max()), "      ");
        property(x, "passed", String.valueOf(s.passed()), "      ");
        for (QuestionResult q : s.questions()) {
          property(x, q.question() + ".points", Gradebook.plain(q.points()), "      ");
          property(x, q.question() + ".max_points", Gradebook.plain(q.max()), "      ");
          property(x, q.question() + ".weight", weight(q, c), "      ");
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        for (QuestionResult q : s.questions()) {
          x.writeCharacters("\n    ");
          if (q.full()) {
            x.writeEmptyElement("testcase");
          } else {
            x.writeStartElement("testcase");
          }
          x.writeAttribute("classname", c.exerciseId() + "." + xml(s.student()));
          x.writeAttribute("name", q.question());
          x.writeAttribute("time", "0");
          if (!q.full()) {
            List<String> lines = q.feedback().stream().map(text).toList();
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            x.writeAttribute("message", lines.isEmpty() ? "" : xml(lines.get(0)));
            x.writeAttribute("type", q.feedback().isEmpty() ? "" : q.feedback().get(0).reason().id());
            x.writeCharacters(xml(lines.stream().collect(Collectors.joining("\n"))));
            x.writeEndElement();
            x.writeCharacters("\n    ");
            x.writeEndElement();
          }
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    out.flush();
  }

  private static String weight(QuestionResult q, ClassResult c) {
    return c.totalPoints().signum() == 0 ? "0"
        : Gradebook.plain(q.max().divide(c.totalPoints(), 4, java.math.RoundingMode.HALF_UP));
  }

  /** Text with the characters XML 1.0 cannot hold replaced by U+FFFD. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      b.appendCodePoint(ok ? cp : 0xFFFD);
    });
    return b.toString();
  }

  private static void property(XMLStreamWriter x, String name, String value, String indent) throws XMLStreamException {
    x.writeCharacters("\n" + indent);
    x.writeEmptyElement("property");
    x.writeAttribute("name", name);
    x.writeAttribute("value", value);
  }
}
