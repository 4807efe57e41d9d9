package dev.forensics.grading;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradebook as CSV (RFC 4180, UTF-8, header row, LF): {@code student}, one column of points per
 * question id in key order, {@code total}, {@code max}, {@code passed} ({@code yes}/{@code no}); one
 * row per student, sorted. Points are plain decimals ({@code 2.66}). Cells that a spreadsheet would
 * read as a formula ({@code = + - @} first) are prefixed with {@code '}.
 */
public final class Gradebook {
  private Gradebook() {}

  /** Writes the gradebook; the writer is flushed, not closed. */
  public static void write(ClassResult c, Writer out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().addColumn("student");
    for (String q : c.questionIds()) {
      schema.addColumn(q);
    }
    schema.addColumn("total").addColumn("max").addColumn("passed");
    CsvMapper mapper = new CsvMapper();
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    try (var w = mapper.writer(schema.build().withHeader().withLineSeparator("\n")).writeValues(out)) {
      for (StudentResult s : c.students()) {
        List<String> row = new ArrayList<>();
        row.add(cell(s.student()));
        for (QuestionResult q : s.questions()) {
          row.add(plain(q.points()));
        }
        row.add(plain(s.total()));
        row.add(plain(s.max()));
        row.add(s.passed() ? "yes" : "no");
        w.write(row);
      }
    }
    out.flush();
  }

  static String plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** Neutralises spreadsheet formulas in text that came from a submission. */
  static String cell(String s) {
    return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }

}
