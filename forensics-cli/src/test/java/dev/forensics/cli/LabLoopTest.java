package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A lab's full loop, as issue 7 asks: the trainer builds the bundled {@code triage} exercise, students work it
 * with the toolkit only ({@code forensics hash}, {@code forensics triage}; never the answer key), and the
 * trainer grades the class with {@code forensics grade}, also for Gradescope and JUnit.
 */
class LabLoopTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void triageLab_buildWorkWithTheToolkitGrade(@TempDir Path t) throws Exception {
    // 1. Trainer builds the set.
    Path set = t.resolve("set");
    CliRun build = CliRun.run("exercise", "build", "triage", "-o", set.toString());
    assertThat(build.exit()).as(build.err()).isEqualTo(ExitCodes.OK);
    String handout = Files.readString(set.resolve("handout.md"));
    assertThat(handout).contains("forensics triage", "notable hash set `notable-hashes.txt`");

    // 2. Two students work with the toolkit. Ada does everything right; Bui copies the notable hash with a typo.
    Path submissions = t.resolve("submissions");
    Sheet ada = studentWorks(set, Files.createDirectories(submissions.resolve("ada")));
    Sheet bui = studentWorks(set, Files.createDirectories(submissions.resolve("bui")));
    String typo = ada.notableSha256.substring(0, 10)
        + (ada.notableSha256.charAt(10) == '0' ? '1' : '0') + ada.notableSha256.substring(11);
    writeSheet(submissions.resolve("ada"), "ada", ada);
    writeSheet(submissions.resolve("bui"), "bui", new Sheet(bui.mismatched, bui.encrypted, bui.note, typo, bui.jpegs));

    // Cai hands in the toolkit's outputs and an empty sheet: the grader falls back on them where the key allows.
    Path cai = Files.createDirectories(submissions.resolve("cai"));
    studentWorks(set, cai);
    Files.copy(set.resolve("answer-sheet.yaml"), cai.resolve("answer-sheet.yaml"));

    // What the toolkit told the students, as the scenario says it should (checked against the handout's story,
    // not the key): two renamed files, one encrypted blob, nine JPEG pictures.
    assertThat(ada.mismatched).containsExactlyInAnyOrder("Music/track03.mp3", "Pictures/Holiday/DSC_0100.jpg");
    assertThat(ada.encrypted).containsExactly("AppData/cache/thumbs.db");
    assertThat(ada.jpegs).isEqualTo(9);
    assertThat(ada.note).isNotBlank();

    // 3. Trainer grades the class.
    Path grades = t.resolve("grades");
    Path junit = t.resolve("junit.xml");
    Path key = set.resolve("answer-key.json");
    CliRun g = CliRun.run("grade", "--key", key.toString(), submissions.toString(), "-o", grades.toString(),
        "--junit", junit.toString(), "-f", "json");
    assertThat(g.exit()).as(g.out() + g.err()).isEqualTo(ExitCodes.OK);
    JsonNode result = JSON.readTree(g.out());
    assertThat(result.get("totalPoints").asInt()).isEqualTo(12);
    JsonNode adaResult = student(result, "ada");
    JsonNode buiResult = student(result, "bui");
    assertThat(adaResult.get("total").asDouble()).as(adaResult.toPrettyString()).isEqualTo(12.0);
    assertThat(adaResult.get("passed").asBoolean()).isTrue();
    for (JsonNode q : adaResult.get("questions")) {
      assertThat(q.get("points").asDouble()).as(q.get("id").asText()).isEqualTo(q.get("max").asDouble());
    }
    // Bui loses exactly q4's 2 points, and the feedback says why.
    assertThat(buiResult.get("total").asDouble()).as(buiResult.toPrettyString()).isEqualTo(10.0);
    for (JsonNode q : buiResult.get("questions")) {
      double lost = q.get("max").asDouble() - q.get("points").asDouble();
      assertThat(lost).as(q.get("id").asText()).isEqualTo(q.get("id").asText().equals("q4-notable") ? 2.0 : 0.0);
    }
    JsonNode q4 = question(buiResult, "q4-notable");
    assertThat(q4.get("feedback").get(0).get("reason").asText()).isEqualTo("hash-mismatch");
    assertThat(q4.get("feedback").get(0).get("text").asText()).contains(typo, ada.notableSha256);

    // Cai does not pass on the tools' outputs alone; what needed reading or counting is lost as blank.
    JsonNode caiResult = student(result, "cai");
    assertThat(caiResult.get("passed").asBoolean()).as(caiResult.toPrettyString()).isFalse();
    assertThat(caiResult.get("total").asDouble()).isLessThan(result.get("passMark").asDouble());
    for (String id : List.of("q3-appended", "q5-pictures")) {
      JsonNode q = question(caiResult, id);
      assertThat(q.get("points").asDouble()).as(id).isZero();
      assertThat(q.get("feedback").get(0).get("reason").asText()).as(id).isEqualTo("blank");
    }
    JsonNode q2 = question(caiResult, "q2-encrypted");
    assertThat(q2.get("points").asDouble()).isGreaterThan(0).isLessThan(2);
    assertThat(q2.get("feedback").findValuesAsText("reason")).contains("set-from-triage", "set-false-alarms");

    // Outputs: feedback pages, gradebook, summary.
    for (String s : List.of("ada", "bui", "cai")) {
      assertThat(grades.resolve("feedback/" + s + ".md")).isRegularFile();
      assertThat(grades.resolve("feedback/" + s + ".html")).isRegularFile();
    }
    assertThat(grades.resolve("feedback/bui.md")).content(StandardCharsets.UTF_8)
        .contains("q4-notable", "The hash " + typo + " is not the right one");
    assertThat(grades.resolve("summary.md")).isRegularFile();
    List<String> book = Files.readAllLines(grades.resolve("gradebook.csv"), StandardCharsets.UTF_8);
    assertThat(book).hasSize(4).startsWith(
        "student,q1-mismatch,q2-encrypted,q3-appended,q4-notable,q5-pictures,total,max,passed",
        "ada,4,2,3,2,1,12,12,yes",
        "bui,4,2,3,0,1,10,12,yes");
    assertThat(book.get(3)).startsWith("cai,").endsWith(",12,no");

    // JUnit XML: one testcase per question and student; of Ada's and Bui's, only Bui's q4 failed.
    Document doc = parseXml(junit);
    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(15);
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (!c.getAttribute("classname").contains("cai") && c.getElementsByTagName("failure").getLength() > 0) {
        failed.add(c.getAttribute("classname") + " " + c.getAttribute("name"));
      }
    }
    assertThat(failed).singleElement().asString().contains("bui", "q4-notable");

    // Gradescope: Bui's folder as /autograder/submission.
    Path results = t.resolve("autograder/results/results.json");
    CliRun gs = CliRun.run("grade", "--key", key.toString(), "--gradescope", "--hide-expected",
        "--gradescope-submission", submissions.resolve("bui").toString(), "--gradescope-results", results.toString());
    assertThat(gs.exit()).as(gs.err()).isEqualTo(ExitCodes.OK);
    JsonNode r = JSON.readTree(results.toFile());
    assertThat(r.get("score").asDouble()).isEqualTo(10.0);
    assertThat(r.get("tests")).hasSize(5);
    for (JsonNode test : r.get("tests")) {
      assertThat(test.has("name") && test.has("score") && test.has("max_score") && test.has("status")
          && test.has("output") && test.has("visibility")).as(test.toString()).isTrue();
      boolean isQ4 = test.get("name").asText().contains("q4-notable");
      assertThat(test.get("status").asText()).as(test.toString()).isEqualTo(isQ4 ? "failed" : "passed");
      if (isQ4) {
        assertThat(test.get("score").asDouble()).isZero();
        assertThat(test.get("max_score").asDouble()).isEqualTo(2.0);
        assertThat(test.get("output").asText()).contains(typo).doesNotContain(ada.notableSha256);
      }
    }
  }

  @Test
  void chainOfCustodyLab_studentsKeepTheirOwnLedger_aForgottenSealCostsItsShare(@TempDir Path t) throws Exception {
    Path set = t.resolve("set");
    CliRun build = CliRun.run("exercise", "build", "chain-of-custody", "-o", set.toString());
    assertThat(build.exit()).as(build.err()).isEqualTo(ExitCodes.OK);
    Path submissions = t.resolve("submissions");
    // Ada plays every role; Bui forgets to seal the exhibit. Neither can read the card's file times with the
    // toolkit (q3), so both leave it blank.
    keepLedger(set, t.resolve("work/ada"), Files.createDirectories(submissions.resolve("ada")), "ada", true);
    keepLedger(set, t.resolve("work/bui"), Files.createDirectories(submissions.resolve("bui")), "bui", false);

    Path grades = t.resolve("grades");
    CliRun g = CliRun.run("grade", "--key", set.resolve("answer-key.json").toString(), submissions.toString(),
        "-o", grades.toString(), "-f", "json");
    assertThat(g.exit()).as(g.out() + g.err()).isEqualTo(ExitCodes.OK);
    JsonNode result = JSON.readTree(g.out());
    JsonNode ada = student(result, "ada");
    JsonNode bui = student(result, "bui");
    assertThat(question(ada, "q1-image-hash").get("points").asDouble()).isEqualTo(2.0);
    assertThat(question(ada, "q2-custody").get("points").asDouble()).as(ada.toPrettyString()).isEqualTo(6.0);
    assertThat(question(ada, "q2-custody").get("feedback").findValuesAsText("reason")).contains("custody-intact");
    for (JsonNode s : List.of(ada, bui)) {
      JsonNode q3 = question(s, "q3-note-time");
      assertThat(q3.get("points").asDouble()).isZero();
      assertThat(q3.get("feedback").get(0).get("reason").asText()).isEqualTo("blank");
    }
    assertThat(ada.get("total").asDouble()).isEqualTo(8.0);
    // Five steps and the hashes: six shares of the six points; Bui loses the seal's one.
    JsonNode q2 = question(bui, "q2-custody");
    assertThat(q2.get("points").asDouble()).as(bui.toPrettyString()).isEqualTo(5.0);
    assertThat(q2.get("feedback").findValuesAsText("reason")).contains("custody-step-missing");
    assertThat(q2.toString()).contains("seal");
    assertThat(bui.get("total").asDouble()).isEqualTo(7.0);
    assertThat(grades.resolve("feedback/bui.md")).content(StandardCharsets.UTF_8).contains("q2-custody");
    assertThat(Files.readAllLines(grades.resolve("gradebook.csv"), StandardCharsets.UTF_8)).containsExactly(
        "student,q1-image-hash,q2-custody,q3-note-time,total,max,passed",
        "ada,2,6,0,8,10,yes",
        "bui,2,5,0,7,10,yes");
  }

  /**
   * A student keeps the exhibit's custody ledger with two keys of their own (officer and examiner), hashing
   * the image and re-hashing it on transfer, and hands in the ledger, the public keys and the sheet.
   */
  private static void keepLedger(Path set, Path work, Path submission, String name, boolean seals) throws Exception {
    Path image = set.resolve("memory-card.img");
    Files.createDirectories(work);
    for (String k : List.of(name, name + "-lab")) {
      assertThat(CliRun.run("custody", "keygen", "--name", k, "-d", work.toString()).exit()).isEqualTo(ExitCodes.OK);
    }
    CliRun hash = CliRun.run("hash", "-c", "sha256", "-f", "gnu", image.toString());
    assertThat(hash.exit()).as(hash.err()).isEqualTo(ExitCodes.OK);
    String sha256 = hash.out().substring(0, 64);
    String ledger = submission.resolve("custody.jsonl").toString();
    String officer = work.resolve(name + ".key").toString();
    String examiner = work.resolve(name + "-lab.key").toString();
    List<String[]> steps = new ArrayList<>();
    steps.add(new String[] {"custody", "init", ledger, "--case", "coc-" + name, "--title", "memory card", "--key",
        officer, "--custodian", work.resolve(name + "-lab.pub").toString()});
    steps.add(new String[] {"custody", "add", ledger, "register", "-i", "EX-1", "--key", officer, "-s",
        "description=camera memory card image", "-s", "location=warehouse", "--hash", "sha256:" + sha256});
    if (seals) {
      steps.add(new String[] {"custody", "add", ledger, "seal", "-i", "EX-1", "--key", officer, "-s", "seal=S-1"});
    }
    steps.add(new String[] {"custody", "add", ledger, "transfer", "-i", "EX-1", "--key", officer, "--receiver-key",
        examiner, "-s", "purpose=examination", "-s", "to=lab", "-s", "seal-intact=yes", "-s", "condition=sealed",
        "--verify-item", image.toString()});
    steps.add(new String[] {"custody", "add", ledger, "examine", "-i", "EX-1", "--key", examiner, "-s",
        "tool=forensics", "-s", "purpose=examination"});
    steps.add(new String[] {"custody", "add", ledger, "return", "-i", "EX-1", "--key", examiner, "-s",
        "returned-to=owner", "-s", "authorizer=prosecutor", "-s", "method=handed over", "-s", "witness=clerk"});
    for (String[] step : steps) {
      CliRun r = CliRun.run(step);
      assertThat(r.exit()).as(String.join(" ", step) + "\n" + r.out() + r.err()).isEqualTo(ExitCodes.OK);
    }
    assertThat(CliRun.run("custody", "verify", ledger).exit()).isEqualTo(ExitCodes.OK);
    Path keys = Files.createDirectories(submission.resolve("keys"));
    for (String k : List.of(name, name + "-lab")) {
      Files.copy(work.resolve(k + ".pub"), keys.resolve(k + ".pub"));
    }
    Files.writeString(submission.resolve("answer-sheet.yaml"), "exercise: chain-of-custody\nstudent-id: \"" + name
        + "\"\nanswers:\n  q1-image-hash: \"" + sha256 + "\"\n  q2-custody: \"custody.jsonl\"\n  q3-note-time: \"\"\n",
        StandardCharsets.UTF_8);
  }

  /** The answers a student gets from the toolkit's outputs. */
  private record Sheet(List<String> mismatched, List<String> encrypted, String note, String notableSha256, int jpegs) {}

  /**
   * What a student does, following the handout: hash the evidence into a manifest, triage it with the notable
   * hash set, and read the answers off those two outputs (and off the bytes triage points at).
   */
  private static Sheet studentWorks(Path set, Path submission) throws Exception {
    Path evidence = set.resolve("evidence");
    Path manifest = submission.resolve("manifest.json");
    CliRun hash = CliRun.run("hash", "-f", "json", "-c", "sha256", "--root", evidence.toString(), "-o",
        manifest.toString(), evidence.toString());
    assertThat(hash.exit()).as(hash.err()).isEqualTo(ExitCodes.OK);
    CliRun triage = CliRun.run("triage", "--format", "json", "--notable",
        set.resolve("notable-hashes.txt").toString(), "--root", evidence.toString(), evidence.toString());
    assertThat(triage.exit()).as(triage.err()).isEqualTo(ExitCodes.OK);
    Files.writeString(submission.resolve("triage.json"), triage.out());

    JsonNode files = JSON.readTree(triage.out()).get("files");
    List<String> mismatched = new ArrayList<>();
    List<String> encrypted = new ArrayList<>();
    String notablePath = null;
    String note = null;
    int jpegs = 0;
    for (JsonNode f : files) {
      String path = f.get("path").asText();
      if (f.path("extensionMismatch").asBoolean()) {
        mismatched.add(path);
      }
      if ("encrypted".equals(f.path("category").asText())) {
        encrypted.add(path);
      }
      if ("notable".equals(f.path("known").asText())) {
        assertThat(notablePath).as("one notable file").isNull();
        notablePath = path;
      }
      if ("image/jpeg".equals(f.path("mediaType").asText())) {
        jpegs++;
      }
      for (JsonNode finding : f.path("findings")) {
        if ("appended-data".equals(finding.get("kind").asText())) {
          // Carve the bytes triage names (as with dd skip=OFFSET count=LENGTH) and read the note's last line.
          note = lastLine(evidence.resolve(path), finding.get("offset").asLong(), finding.get("length").asInt());
        }
      }
    }
    assertThat(notablePath).as("triage flags the notable file").isNotNull();
    String sha256 = null;
    for (JsonNode e : JSON.readTree(manifest.toFile()).get("entries")) {
      if (e.get("path").asText().equals(notablePath)) {
        sha256 = e.get("hashes").get("sha256").asText();
      }
    }
    assertThat(sha256).as("the manifest lists " + notablePath).isNotNull();
    return new Sheet(mismatched, encrypted, note, sha256, jpegs);
  }

  private static String lastLine(Path file, long offset, int length) throws Exception {
    byte[] carved = new byte[length];
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(offset);
      in.readNBytes(carved, 0, length);
    }
    List<String> lines = new String(carved, StandardCharsets.UTF_8).strip().lines().toList();
    return lines.get(lines.size() - 1).strip();
  }

  /** Fills the exercise's own answer sheet, keeping its comments and ids. */
  private static void writeSheet(Path submission, String student, Sheet s) throws Exception {
    StringBuilder y = new StringBuilder("exercise: triage\nstudent-id: \"").append(student)
        .append("\"\nname: \"").append(student).append("\"\nanswers:\n");
    y.append("  q1-mismatch:\n");
    s.mismatched.forEach(p -> y.append("    - \"").append(p).append("\"\n"));
    y.append("  q2-encrypted:\n");
    s.encrypted.forEach(p -> y.append("    - \"").append(p).append("\"\n"));
    y.append("  q3-appended: \"").append(s.note).append("\"\n");
    y.append("  q4-notable: \"").append(s.notableSha256).append("\"\n");
    y.append("  q5-pictures: \"").append(s.jpegs).append(" pictures\"\n");
    Files.writeString(submission.resolve("answer-sheet.yaml"), y, StandardCharsets.UTF_8);
  }

  private static JsonNode student(JsonNode result, String name) {
    for (JsonNode s : result.get("students")) {
      if (s.get("student").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no student " + name + " in " + result);
  }

  private static JsonNode question(JsonNode student, String id) {
    for (JsonNode q : student.get("questions")) {
      if (q.get("id").asText().equals(id)) {
        return q;
      }
    }
    throw new AssertionError("no question " + id + " in " + student);
  }

  private static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }
}
