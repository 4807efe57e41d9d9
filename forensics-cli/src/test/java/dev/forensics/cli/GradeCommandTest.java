package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forensics.exercise.AnswerKey;
import dev.forensics.exercise.AnswerKeyJson;
import dev.forensics.exercise.ExpectedAnswer;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {

  @TempDir Path dir;
  private Path key;
  private Path subs;
  private String sha;

  @BeforeEach
  void setUp() throws Exception {
    sha = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("x".getBytes(StandardCharsets.UTF_8)));
    AnswerKey k = new AnswerKey("mini", "Mini exercise", 1, Optional.empty(), 1, ZoneId.of("UTC"),
        new BigDecimal("6"), new BigDecimal("4"), List.of(
            new KeyQuestion("q1", "What is the hash?", new BigDecimal("2"), new ExpectedAnswer.Hash(
                Digest.ofHex(HashAlgorithm.SHA256, sha), ExpectedAnswer.HashSource.LITERAL, Optional.empty())),
            new KeyQuestion("q2", "How many?", new BigDecimal("1.5"), new ExpectedAnswer.Count(5, 0)),
            new KeyQuestion("q3", "Which company?", new BigDecimal("2.5"),
                new ExpectedAnswer.Text(List.of("Danube Logistics"), List.of(), false))),
        List.of());
    key = dir.resolve("answer-key.json");
    try (OutputStream o = Files.newOutputStream(key)) {
      AnswerKeyJson.write(k, o);
    }
    subs = Files.createDirectories(dir.resolve("subs"));
    sheet("alice", "q1: \"" + sha.toUpperCase() + "\"\n  q2: \"5\"\n  q3: \"danube logistics\"\n");
    sheet("bob", "q1: \"" + sha + "\"\n  q2: \"7 files\"\n  q3: \"<script>alert(1)</script> *bold*\"\n");
    Files.createDirectories(subs.resolve("carol"));
  }

  private void sheet(String student, String answers) throws IOException {
    Path s = Files.createDirectories(subs.resolve(student));
    Files.writeString(s.resolve("answer-sheet.yaml"), "exercise: mini\nanswers:\n  " + answers);
  }

  @Test
  void grade_writesFeedbackGradebookSummaryAndJunit() throws Exception {
    Path out = dir.resolve("out");
    CliRun r = CliRun.run("grade", "--key", key.toString(), subs.toString(), "-o", out.toString(),
        "--junit", dir.resolve("grades.xml").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains(
        "STUDENT         SCORE  RESULT",
        "alice           6 / 6  passed",
        "bob             2 / 6  not passed",
        "carol           0 / 6  not passed",
        "q2: average 0.5 of 1.5 (33%), 1 full, 2 zero",
        "3 students, 1 passed (pass mark 4 of 6)");
    assertThat(r.err()).contains("Wrote feedback for 3 students, gradebook.csv and summary.md to " + out);
    assertThat(Files.readString(out.resolve("gradebook.csv"))).isEqualTo("""
        student,q1,q2,q3,total,max,passed
        alice,2,1.5,2.5,6,6,yes
        bob,2,0,0,2,6,no
        carol,0,0,0,0,6,no
        """);
    String md = Files.readString(out.resolve("feedback/bob.md"));
    assertThat(md).contains("## q2: 0 of 1.5 points",
        "- You answered 7; the right number is 5 (answers within 0 of it are accepted).",
        "- \"&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\*\" is not the right answer.");
    String html = Files.readString(out.resolve("feedback/bob.html"));
    assertThat(html).startsWith("<!DOCTYPE html>\n<html").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("feedback/bob.html").toFile());
    assertThat(Files.readString(out.resolve("feedback/carol.md"))).contains("- No answer sheet found (looked for answer-sheet.yaml, answer-sheet.yml, answer-sheet.json).");
    assertThat(Files.readString(out.resolve("summary.md"))).contains("| q3 | 0.83 | 2.5 | 33 | 1 | 2 |", "No collusion hints.");
    assertThat(Files.readString(dir.resolve("grades.xml"))).contains("<testcase classname=\"mini.bob\" name=\"q2\" time=\"0\">", "<testcase classname=\"mini.bob\" name=\"q1\" time=\"0\"/>");
  }

  @Test
  void gradescope_writesResultsJson() throws Exception {
    Path results = dir.resolve("results/results.json");
    CliRun r = CliRun.run("grade", "--key", key.toString(), "--gradescope",
        "--gradescope-submission", subs.resolve("bob").toString(), "--gradescope-results", results.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    JsonNode root = new ObjectMapper().readTree(results.toFile());
    assertThat(root.get("score").decimalValue()).isEqualByComparingTo("2");
    assertThat(root.get("tests")).hasSize(3);
    assertThat(root.get("tests").get(1).get("name").textValue()).isEqualTo("q2: How many?");
    assertThat(root.get("tests").get(1).get("status").textValue()).isEqualTo("failed");
    assertThat(root.get("tests").get(1).get("output").textValue())
        .isEqualTo("You answered 7; the right number is 5 (answers within 0 of it are accepted).");
    assertThat(Files.exists(dir.resolve("grades"))).isFalse();
  }

  @Test
  void csvFormat_printsTheGradebook() {
    CliRun r = CliRun.run("grade", "--key", key.toString(), "-f", "csv", "-o", dir.resolve("o").toString(), subs.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("student,q1,q2,q3,total,max,passed\nalice,2,1.5,2.5,6,6,yes\n");
  }

  @Test
  void badKey_isAUsageError() throws IOException {
    Files.writeString(key, "{\"format\": \"nope\"}");
    CliRun r = CliRun.run("grade", "--key", key.toString(), subs.toString(), "-o", dir.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(key.toString());
  }

  @Test
  void missingSubmissions_isUnreadable_andMissingArgument_isUsage() {
    assertThat(CliRun.run("grade", "--key", key.toString(), dir.resolve("none").toString(), "-o", dir.resolve("o").toString()).exit())
        .isEqualTo(ExitCodes.UNREADABLE);
    assertThat(CliRun.run("grade", "--key", key.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.run("grade", "--key", key.toString(), "--time-limit", "soon", subs.toString()).exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void outputFolderInsideSubmissions_isNotAStudent() {
    CliRun r = CliRun.run("grade", "--key", key.toString(), subs.toString(), "-o", subs.resolve("grades").toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    CliRun again = CliRun.run("grade", "--key", key.toString(), subs.toString(), "-o", subs.resolve("grades").toString());
    assertThat(again.out()).contains("3 students").doesNotContain("grades ");
  }

  @Test
  void help_hasExamplesAndExitCodes() {
    CliRun r = CliRun.run("grade", "--help");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("forensics grade --key answer-key.json submissions -o grades", "Exit codes:", "--gradescope");
  }

  @Test
  void everyReason_hasAFeedbackText() {
    for (dev.forensics.grading.Reason r : dev.forensics.grading.Reason.values()) {
      java.util.List<String> args = java.util.List.of("a", "b", "c", "d", "e");
      String t = GradeRenderer.text(new dev.forensics.grading.Feedback(r, args));
      assertThat(t).as(r.id()).isNotBlank().doesNotContain("{");
    }
    assertThat(GradeRenderer.text(dev.forensics.grading.Feedback.of(dev.forensics.grading.Reason.CUSTODY_STEP_MISSING, "sealed", "")))
        .isEqualTo("Step missing: sealed (expected first).");
    assertThat(GradeRenderer.text(dev.forensics.grading.Feedback.of(dev.forensics.grading.Reason.CUSTODY_NO_KEY, "c.jsonl")))
        .contains("'forensics custody keygen'");
  }

  @Test
  void hideExpected_neverNamesTheAnswer() throws Exception {
    Path results = dir.resolve("r.json");
    CliRun r = CliRun.run("grade", "--key", key.toString(), "--gradescope", "--hide-expected",
        "--gradescope-submission", subs.resolve("bob").toString(), "--gradescope-results", results.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(results)).contains("You answered 7; that is not the right number.")
        .doesNotContain("the right number is 5");
    for (dev.forensics.grading.Reason reason : GradeRenderer.REVEALING) {
      String t = GradeRenderer.texts(true).apply(new dev.forensics.grading.Feedback(reason, java.util.List.of("a", "b", "c", "EXPECTED")));
      assertThat(t).as(reason.id()).doesNotContain("EXPECTED").doesNotContain("{");
    }
  }
}
