package dev.forensics.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forensics.exercise.AnswerKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWritersTest {

  private static final BigDecimal PASS = new BigDecimal("3");

  private static StudentResult student(String name, String q1, String q2) {
    return StudentResult.of(name, List.of(
        new QuestionResult("q1", AnswerKind.HASH, new BigDecimal(q1), new BigDecimal("2"),
            List.of(Feedback.of(new BigDecimal(q1).compareTo(new BigDecimal("2")) == 0 ? Reason.CORRECT : Reason.HASH_MISMATCH, "ab", "cd"))),
        new QuestionResult("q2", AnswerKind.FILE_SET, new BigDecimal(q2), new BigDecimal("2.5"),
            List.of(Feedback.of(Reason.SET_SCORE, 1, 2, 2, 50, 50), Feedback.of(Reason.SET_MISSED, "a/<b>&\u0001c")))),
        List.of(Feedback.of(Reason.FILE_SYMLINK, "x")), PASS, StudentResult.Fingerprints.none());
  }

  private static ClassResult klass() {
    List<StudentResult> s = List.of(student("=cmd|' /C calc'!A0", "2", "1.25"), student("bob <&>\u0007", "0", "2.5"));
    return new ClassResult("ex1", "Ex", new BigDecimal("4.5"), PASS, List.of("q1", "q2"), s, List.of(), List.of());
  }

  private static String text(Feedback f) {
    return f.reason().id() + ": " + String.join(" | ", f.args());
  }

  @Test
  void gradescope_followsTheDocumentedFormat() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GradescopeResults.write(student("alice", "0", "1.25"), Map.of("q1", "What is the hash?"), ReportWritersTest::text, out);
    JsonNode root = new ObjectMapper().readTree(out.toByteArray());
    assertThat(fields(root)).containsExactly("score", "output", "visibility", "tests");
    assertThat(root.get("score").isNumber()).isTrue();
    assertThat(root.get("score").decimalValue()).isEqualByComparingTo("1.25");
    assertThat(root.get("output").textValue()).isEqualTo("file-symlink: x");
    assertThat(root.get("tests").isArray()).isTrue();
    assertThat(root.get("tests")).hasSize(2);
    Set<String> statuses = Set.of("passed", "failed");
    Set<String> visibilities = Set.of("hidden", "after_due_date", "after_published", "visible");
    for (JsonNode t : root.get("tests")) {
      assertThat(fields(t)).containsExactly("name", "score", "max_score", "status", "output", "visibility");
      assertThat(t.get("name").isTextual()).isTrue();
      assertThat(t.get("score").isNumber()).isTrue();
      assertThat(t.get("max_score").isNumber()).isTrue();
      assertThat(statuses).contains(t.get("status").textValue());
      assertThat(t.get("output").isTextual()).isTrue();
      assertThat(visibilities).contains(t.get("visibility").textValue());
    }
    JsonNode t0 = root.get("tests").get(0);
    assertThat(t0.get("name").textValue()).isEqualTo("q1: What is the hash?");
    assertThat(t0.get("status").textValue()).isEqualTo("failed");
    assertThat(t0.get("max_score").decimalValue()).isEqualByComparingTo("2");
    assertThat(root.get("tests").get(1).get("output").textValue())
        .isEqualTo("set-score: 1 | 2 | 2 | 50 | 50\nset-missed: a/<b>&\u0001c");
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void junit_isWellFormedXml_oneTestcasePerQuestion_withWeights() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JUnitReport.write(klass(), ReportWritersTest::text, out);
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    Element root = d.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    NodeList suites = root.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element bob = (Element) suites.item(1);
    assertThat(bob.getAttribute("name")).isEqualTo("bob <&>\uFFFD");
    NodeList cases = bob.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(2);
    Element q1 = (Element) cases.item(0);
    assertThat(q1.getAttribute("name")).isEqualTo("q1");
    assertThat(q1.getAttribute("classname")).isEqualTo("ex1.bob <&>\uFFFD");
    assertThat(q1.getElementsByTagName("property").getLength()).isZero();
    NodeList props = bob.getElementsByTagName("property");
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      pairs.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
    }
    assertThat(pairs).containsExactly("total=2.5", "max=4.5", "passed=false", "q1.points=0", "q1.max_points=2",
        "q1.weight=0.4444", "q2.points=2.5", "q2.max_points=2.5", "q2.weight=0.5556");
    Element failure = (Element) q1.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("hash-mismatch");
    assertThat(failure.getAttribute("message")).isEqualTo("hash-mismatch: ab | cd");
    assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
    Element alice = (Element) suites.item(0);
    assertThat(((Element) alice.getElementsByTagName("testcase").item(1)).getElementsByTagName("failure").item(0)
        .getTextContent()).isEqualTo("set-score: 1 | 2 | 2 | 50 | 50\nset-missed: a/<b>&\uFFFDc");
  }

  @Test
  void gradebook_csv_oneRowPerStudent_formulasNeutralised() throws Exception {
    StringWriter w = new StringWriter();
    Gradebook.write(klass(), w);
    assertThat(w.toString()).isEqualTo("""
        student,q1,q2,total,max,passed
        "'=cmd|' /C calc'!A0",2,1.25,3.25,4.5,yes
        "bob <&>\u0007",0,2.5,2.5,4.5,no
        """);
    assertThat(w.toString().getBytes(StandardCharsets.UTF_8)).doesNotContain((byte) '\r');
  }
}
