package dev.forensics.grading;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One student's grade as Gradescope autograder {@code results.json}: {@code score} (the total), {@code
 * output} (notes about the submission), and {@code tests[]}, one per question in key order, each with
 * {@code name}, {@code score}, {@code max_score}, {@code status} ({@code passed} with all points, else
 * {@code failed}), {@code output} (the feedback lines) and {@code visibility} ({@code visible}).
 */
public final class GradescopeResults {

  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private GradescopeResults() {}

  /**
   * Writes the results; the stream is flushed, not closed.
   *
   * @param text turns a feedback line into the student's language
   * @param questionTexts the question texts by id, shown after the id in each test's name
   */
  public static void write(StudentResult s, java.util.Map<String, String> questionTexts,
      Function<Feedback, String> text, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("score", s.total());
      g.writeStringField("output", lines(s.notes(), text));
      g.writeStringField("visibility", "visible");
      g.writeArrayFieldStart("tests");
      for (QuestionResult q : s.questions()) {
        g.writeStartObject();
        String qt = questionTexts.getOrDefault(q.question(), "").strip().replaceAll("\\s+", " ");
        g.writeStringField("name", q.question() + (qt.isEmpty() ? "" : ": " + (qt.length() > 100 ? qt.substring(0, 97) + "..." : qt)));
        g.writeNumberField("score", q.points());
        g.writeNumberField("max_score", q.max());
        g.writeStringField("status", q.full() ? "passed" : "failed");
        g.writeStringField("output", lines(q.feedback(), text));
        g.writeStringField("visibility", "visible");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.flush();
  }

  private static String lines(List<Feedback> f, Function<Feedback, String> text) {
    return f.stream().map(text).collect(Collectors.joining("\n"));
  }
}
