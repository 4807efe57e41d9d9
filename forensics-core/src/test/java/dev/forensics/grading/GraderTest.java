package dev.forensics.grading;

import static dev.forensics.grading.GradingFixture.content;
import static dev.forensics.grading.GradingFixture.hex;
import static dev.forensics.grading.GradingFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.exercise.AnswerKey;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GraderTest {

  @TempDir Path dir;

  private static final AnswerKey KEY = GradingFixture.key();

  private static StudentResult grade(Path folder) {
    return Grader.grade(KEY, folder, GradingOptions.defaults());
  }

  private static QuestionResult question(StudentResult r, String id) {
    return r.questions().stream().filter(x -> x.question().equals(id)).findFirst().orElseThrow();
  }

  private static BigDecimal points(String id) {
    return KEY.question(id).orElseThrow().points();
  }

  @Test
  void perfectSubmission_scoresTheMaximum() throws IOException {
    StudentResult r = grade(GradingFixture.perfect(dir, "alice"));
    for (QuestionResult q : r.questions()) {
      assertThat(q.full()).as(q.question() + " " + q.feedback()).isTrue();
      assertThat(q.feedback().get(0).reason()).as(q.question()).isEqualTo(Reason.CORRECT);
    }
    assertThat(r.total()).isEqualByComparingTo(KEY.totalPoints()).isEqualByComparingTo("36");
    assertThat(r.max()).isEqualByComparingTo("36");
    assertThat(r.passed()).isTrue();
    assertThat(r.notes()).isEmpty();
    assertThat(r.student()).isEqualTo("alice");
  }

  static Stream<Arguments> sheetMistakes() {
    String sha256Image = hex(GradingFixture.IMAGE_CONTENT, HashAlgorithm.SHA256);
    return Stream.of(
        Arguments.of("q1-image-hash", q(sha256Image.replace('a', 'b').replace('0', '1')), Reason.HASH_MISMATCH),
        Arguments.of("q1-image-hash", q(hex(GradingFixture.IMAGE_CONTENT, HashAlgorithm.MD5)), Reason.HASH_WRONG_ALGORITHM),
        Arguments.of("q1-image-hash", q("sha1: " + sha256Image), Reason.HASH_WRONG_ALGORITHM),
        Arguments.of("q1-image-hash", q("not a hash at all"), Reason.HASH_NOT_HEX),
        Arguments.of("q2-note-hash", q(hex(content("exploit-kit"), HashAlgorithm.SHA256)), Reason.HASH_OTHER_FILE),
        Arguments.of("q2-note-hash", "\"\"", Reason.BLANK),
        Arguments.of("q5-jpeg-count", q("24"), Reason.COUNT_OFF),
        Arguments.of("q5-jpeg-count", q("many"), Reason.COUNT_NOT_NUMBER),
        Arguments.of("q6-letter-time", q("2026-02-14T21:37:12Z"), Reason.TIME_OUTSIDE_WINDOW),
        Arguments.of("q6-letter-time", q("14 February, evening"), Reason.TIME_UNPARSEABLE),
        Arguments.of("q12-chat-time", q("2026-02-20 10:02:44"), Reason.TIME_NO_ZONE),
        Arguments.of("q7-password", q("Tr0ub4dor&4"), Reason.TEXT_WRONG),
        Arguments.of("q8-company", q("Danube Shipping"), Reason.TEXT_WRONG),
        Arguments.of("q9-recover", "[\"carved.jpg\"]", null),
        Arguments.of("q10-known-bad", q(hex(content("exploit-kit"), HashAlgorithm.SHA256)), Reason.HASH_WRONG_ALGORITHM),
        Arguments.of("q11-custody", q("../bob/custody.jsonl"), Reason.FILE_UNSAFE_NAME),
        Arguments.of("q11-custody", q("nowhere.jsonl"), Reason.FILE_NOT_FOUND),
        Arguments.of("q4-hidden", "[\".config/.wallet\", \"Pictures/cat.png\"]", Reason.SET_SCORE));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("sheetMistakes")
  void singleMistake_losesThatQuestionsPointsOnly_withTheReason(String question, String answer, Reason reason)
      throws IOException {
    Map<String, String> answers = new java.util.LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put(question, answer);
    if (question.equals("q9-recover")) {
      // the sheet names one file; the folder holds only that one
      Path s = GradingFixture.submission(dir, "s", answers, List.of("received", "image-verified", "analysed", "sealed"),
          GradingFixture.hashes(GradingFixture.IMAGE_CONTENT));
      Files.delete(s.resolve("recovered/chat.html"));
      StudentResult r = grade(s);
      QuestionResult q9 = question(r, question);
      assertThat(q9.points()).isEqualByComparingTo("2");
      assertThat(q9.feedback()).extracting(Feedback::reason).contains(Reason.RECOVERED_SCORE, Reason.RECOVERED_MISSED);
      assertThat(q9.feedback().get(1).args().get(0)).contains("deleted-chat");
      assertOthersFull(r, question);
      return;
    }
    StudentResult r = grade(GradingFixture.submission(dir, "s", answers,
        List.of("received", "image-verified", "analysed", "sealed"), GradingFixture.hashes(GradingFixture.IMAGE_CONTENT)));
    QuestionResult got = question(r, question);
    assertThat(got.feedback().get(0).reason()).as(got.feedback().toString()).isEqualTo(reason);
    if (question.equals("q4-hidden")) {
      // per-item: 2 of 4 found
      assertThat(got.points()).isEqualByComparingTo("3");
      assertThat(got.feedback()).contains(Feedback.of(Reason.SET_MISSED,
          "Documents/old/backup/2019/misc/drivers.txt, DCIM/100CANON/IMG_0100.jpg"));
    } else {
      assertThat(got.points()).isEqualByComparingTo("0");
    }
    assertOthersFull(r, question);
    assertThat(r.total()).isEqualByComparingTo(KEY.totalPoints().subtract(points(question)).add(got.points()));
  }

  private static void assertOthersFull(StudentResult r, String except) {
    for (QuestionResult q : r.questions()) {
      if (!q.question().equals(except)) {
        assertThat(q.full()).as(q.question() + " " + q.feedback()).isTrue();
      }
    }
  }

  @Test
  void fileSet_f1_namesMissesAndFalseAlarms() throws IOException {
    Map<String, String> answers = new java.util.LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put("q3-mismatch", "[\"Music/track07.mp3\", \"Documents/letter.txt\", \"/evidence/Music/track07.MP3\"]");
    QuestionResult r = question(grade(GradingFixture.submission(dir, "s", answers, List.of("received"),
        GradingFixture.hashes(GradingFixture.IMAGE_CONTENT))), "q3-mismatch");
    // tp 1, fp 1, fn 0: F1 = 2/3 of 4 points
    assertThat(r.points()).isEqualByComparingTo("2.66");
    assertThat(r.feedback()).containsExactly(
        Feedback.of(Reason.SET_SCORE, 1, 1, 3, 50, 100),
        Feedback.of(Reason.SET_FALSE_ALARMS, "Documents/letter.txt"));
  }

  @Test
  void timestamp_withoutZone_isReadInTheAssumedZone() throws IOException {
    Map<String, String> answers = new java.util.LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put("q6-letter-time", q("14.02.2026 21:37:13"));
    QuestionResult r = question(grade(GradingFixture.submission(dir, "s", answers, List.of(),
        GradingFixture.hashes(GradingFixture.IMAGE_CONTENT))), "q6-letter-time");
    assertThat(r.full()).isTrue();
    assertThat(r.feedback()).containsExactly(Feedback.of(Reason.CORRECT), Feedback.of(Reason.TIME_ZONE_ASSUMED, "Europe/Vienna"));
  }

  static Stream<Arguments> custodyMistakes() {
    DigestSet good = GradingFixture.hashes(GradingFixture.IMAGE_CONTENT);
    DigestSet wrong = GradingFixture.hashes("another image\n");
    return Stream.of(
        Arguments.of(List.of("received", "image-verified", "sealed"), good, "2.4", Reason.CUSTODY_STEP_MISSING),
        Arguments.of(List.of("received", "image-verified", "sealed", "analysed"), good, "2.4", Reason.CUSTODY_STEP_MISSING),
        Arguments.of(List.of("received", "image-verified", "analysed", "sealed"), wrong, "2.4", Reason.CUSTODY_HASH_MISMATCH),
        Arguments.of(List.of("received", "analysed", "sealed"),
            DigestSet.of(new Digest(HashAlgorithm.SHA512, new byte[64])), "1.8", Reason.CUSTODY_NO_HASHES));
  }

  @ParameterizedTest
  @MethodSource("custodyMistakes")
  void custody_partialCredit_perStepAndHashes(List<String> steps, DigestSet recorded, String points, Reason reason)
      throws IOException {
    StudentResult r = grade(GradingFixture.submission(dir, "s", GradingFixture.rightAnswers(), steps, recorded));
    QuestionResult c = question(r, "q11-custody");
    assertThat(c.points()).as(c.feedback().toString()).isEqualByComparingTo(points);
    assertThat(c.feedback().get(0).reason()).isEqualTo(Reason.CUSTODY_INTACT);
    assertThat(c.feedback()).extracting(Feedback::reason).contains(reason);
    assertOthersFull(r, "q11-custody");
  }

  @Test
  void custody_tamperedLedger_scoresZero_namingTheLine() throws IOException {
    Path s = GradingFixture.perfect(dir, "s");
    Path ledger = s.resolve("custody.jsonl");
    String text = Files.readString(ledger).replace("Lab 2", "Lab 3");
    Files.writeString(ledger, text);
    QuestionResult c = question(grade(s), "q11-custody");
    assertThat(c.points()).isEqualByComparingTo("0");
    assertThat(c.feedback().get(0).reason()).isEqualTo(Reason.CUSTODY_BROKEN);
    assertThat(c.feedback().get(0).args().get(0)).isEqualTo("2");
  }

  @Test
  void custody_withoutTheStudentsKey_scoresZero() throws IOException {
    Path s = GradingFixture.perfect(dir, "s");
    Files.delete(s.resolve("s.pub"));
    QuestionResult c = question(grade(s), "q11-custody");
    assertThat(c.points()).isEqualByComparingTo("0");
    assertThat(c.feedback()).containsExactly(Feedback.of(Reason.CUSTODY_NO_KEY, "custody.jsonl"));
  }

  @Test
  void custody_keyOfAnotherStudent_doesNotVerify() throws IOException {
    Path a = GradingFixture.perfect(dir, "a");
    Path b = GradingFixture.perfect(dir, "b");
    Files.copy(a.resolve("a.pub"), b.resolve("a.pub"));
    Files.delete(b.resolve("b.pub"));
    QuestionResult c = question(grade(b), "q11-custody");
    assertThat(c.points()).isEqualByComparingTo("0");
    assertThat(c.feedback().get(0).reason()).isEqualTo(Reason.CUSTODY_NOT_SIGNED_BY_STUDENT);
  }

  @Test
  void fileSet_perItem_eachFalseAlarmCancelsAFind_neverBelowZero() throws IOException {
    Map<String, String> answers = new java.util.LinkedHashMap<>(GradingFixture.rightAnswers());
    // 3 of the 4 hidden files and 2 false alarms: (3 - 2) of 4 shares of 6 points
    answers.put("q4-hidden", "[\".config/.wallet\", \"DCIM/100CANON/IMG_0100.jpg\", \"Pictures/cat.png\","
        + " \"Music/track07.mp3\", \"Documents/letter.txt\"]");
    StudentResult r = grade(GradingFixture.submission(dir, "s", answers,
        List.of("received", "image-verified", "analysed", "sealed"), GradingFixture.hashes(GradingFixture.IMAGE_CONTENT)));
    QuestionResult q4 = question(r, "q4-hidden");
    assertThat(q4.points()).isEqualByComparingTo("1.5");
    assertThat(q4.feedback()).extracting(Feedback::reason).contains(Reason.SET_MISSED, Reason.SET_FALSE_ALARMS);

    // listing everything earns nothing
    StringBuilder all = new StringBuilder("[\".config/.wallet\"");
    for (int i = 0; i < 20; i++) {
      all.append(", \"Documents/file").append(i).append(".txt\"");
    }
    answers.put("q4-hidden", all.append("]").toString());
    StudentResult r2 = grade(GradingFixture.submission(dir, "t", answers,
        List.of("received", "image-verified", "analysed", "sealed"), GradingFixture.hashes(GradingFixture.IMAGE_CONTENT)));
    assertThat(question(r2, "q4-hidden").points()).isEqualByComparingTo("0");
  }

  @Test
  void hash_blankOnSheet_isTakenFromTheManifest_onlyForTheDiskImage() throws IOException {
    Map<String, String> answers = new java.util.LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put("q2-note-hash", "\"\"");
    answers.put("q1-image-hash", "\"\"");
    Path s = GradingFixture.submission(dir, "s", answers, List.of(), GradingFixture.hashes(GradingFixture.IMAGE_CONTENT));
    Files.writeString(s.resolve("evidence.sha256"),
        hex(content("ransom-note"), HashAlgorithm.SHA256) + "  evidence/Documents/letter.txt\n"
            + hex(content("vault"), HashAlgorithm.SHA256) + "  evidence/Windows/System32/drivers/etc/hosts.bak\n"
            + hex(GradingFixture.IMAGE_CONTENT, HashAlgorithm.SHA256) + "  usb-stick.img\n");
    StudentResult r = grade(s);
    assertThat(question(r, "q1-image-hash").full()).isTrue();
    assertThat(question(r, "q1-image-hash").feedback())
        .contains(Feedback.of(Reason.HASH_FROM_MANIFEST, "evidence.sha256", "usb-stick.img"));
    // which planted file the question means is the skill: a manifest of every file must not answer it
    assertThat(question(r, "q2-note-hash").points()).isEqualByComparingTo("0");
    assertThat(question(r, "q2-note-hash").feedback().get(0).reason()).isEqualTo(Reason.BLANK);
  }

  @Test
  void hash_blankOnSheet_manifestWithAWrongImageHash_isAMismatch() throws IOException {
    Map<String, String> answers = new java.util.LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put("q1-image-hash", "\"\"");
    Path s = GradingFixture.submission(dir, "s", answers, List.of(), GradingFixture.hashes(GradingFixture.IMAGE_CONTENT));
    Files.writeString(s.resolve("evidence.sha256"), hex("wrong\n", HashAlgorithm.SHA256) + "  usb-stick.img\n");
    assertThat(question(grade(s), "q1-image-hash").feedback().get(0).reason()).isEqualTo(Reason.HASH_MISMATCH);
  }

  @Test
  void fileSet_blankOnSheet_isTakenFromTheTriageExport() throws IOException {
    Map<String, String> answers = new java.util.LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put("q3-mismatch", "[]");
    Path s = GradingFixture.submission(dir, "s", answers, List.of(), GradingFixture.hashes(GradingFixture.IMAGE_CONTENT));
    Files.writeString(s.resolve("triage.json"), """
        {"categories": {"audio": 1},
         "files": [
          {"path": "Music/track07.mp3", "status": "triaged", "sha256": "00", "score": 40},
          {"path": "Music/ok.mp3", "status": "triaged", "sha256": "01", "score": 0}]}
        """);
    QuestionResult r = question(grade(s), "q3-mismatch");
    assertThat(r.full()).as(r.feedback().toString()).isTrue();
    assertThat(r.feedback()).contains(Feedback.of(Reason.SET_FROM_TRIAGE, "triage.json", 1));
  }

  @Test
  void fileSet_blankOnSheet_isTakenFromATriageCsvExport() throws IOException {
    Map<String, String> answers = new java.util.LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put("q3-mismatch", "[]");
    Path s = GradingFixture.submission(dir, "s", answers, List.of(), GradingFixture.hashes(GradingFixture.IMAGE_CONTENT));
    Files.writeString(s.resolve("triage.csv"), """
        path,status,error,size,modified,accessed,created,sha256,media_type,category,decided_by,extension,extension_mismatch,entropy,known,known_sets,score,findings
        Music/ok.mp3,triaged,,10,,,,01,audio/mpeg,audio,magic,mp3,false,4.0,unknown,,0,
        Music/track07.mp3,triaged,,10,,,,00,application/zip,archive,magic,mp3,true,4.0,unknown,,40,"extension-mismatch: x"
        """);
    QuestionResult r = question(grade(s), "q3-mismatch");
    assertThat(r.full()).as(r.feedback().toString()).isTrue();
    assertThat(r.feedback()).contains(Feedback.of(Reason.SET_FROM_TRIAGE, "triage.csv", 1));
  }

  @Test
  void class_summaryAveragesAndCollusionHints() throws IOException {
    Path a = GradingFixture.perfect(dir, "a");
    Path b = GradingFixture.perfect(dir, "b");
    Files.createDirectories(dir.resolve("c"));
    // b hands in a's ledger and key
    Files.copy(a.resolve("custody.jsonl"), b.resolve("custody.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(a.resolve("a.pub"), b.resolve("a.pub"));
    Files.writeString(a.resolve("m.md5"), "d41d8cd98f00b204e9800998ecf8427e  x\n");
    Files.copy(a.resolve("m.md5"), b.resolve("m.md5"));
    Files.createDirectories(dir.resolve("out"));
    ClassResult c = Grader.gradeAll(KEY, dir, GradingOptions.defaults().skipping(dir.resolve("out")));
    assertThat(c.students()).extracting(StudentResult::student).containsExactly("a", "b", "c");
    assertThat(c.students().get(2).total()).isEqualByComparingTo("0");
    assertThat(c.summary().get(0).average()).isEqualByComparingTo("1.33");
    assertThat(c.summary().get(0).full()).isEqualTo(2);
    assertThat(c.summary().get(0).zero()).isEqualTo(1);
    assertThat(c.hints()).extracting(CollusionHint::kind, CollusionHint::students).containsExactly(
        org.assertj.core.groups.Tuple.tuple(CollusionHint.Kind.IDENTICAL_MANIFEST, List.of("a", "b")),
        org.assertj.core.groups.Tuple.tuple(CollusionHint.Kind.IDENTICAL_LEDGER, List.of("a", "b")),
        org.assertj.core.groups.Tuple.tuple(CollusionHint.Kind.SHARED_KEY, List.of("a", "b")));
    assertThat(c.passed()).isEqualTo(2);
  }

  @Test
  void collusionHints_ignoreWhatMostOfTheClassShares() {
    List<StudentResult> students = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      students.add(StudentResult.of("s" + i, List.of(), List.of(), BigDecimal.ZERO, new StudentResult.Fingerprints(
          List.of("everyone"), i < 2 ? List.of("pair") : List.of("own" + i), List.of())));
    }
    ClassResult c = Grader.summarise(KEY, List.of());
    assertThat(c.hints()).isEmpty();
    List<CollusionHint> hints = new java.util.ArrayList<>();
    Grader.summarise(new AnswerKey(KEY.exerciseId(), KEY.title(), KEY.scenarioSeed(), KEY.variant(), KEY.seed(),
        KEY.timeZone(), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of()), students).hints().forEach(hints::add);
    assertThat(hints).containsExactly(new CollusionHint(CollusionHint.Kind.IDENTICAL_LEDGER, "pair", List.of("s0", "s1")));
  }

  @Test
  void oneFolder_withASheet_isGradedAsTheOnlyStudent() throws IOException {
    Path a = GradingFixture.perfect(dir, "alice");
    ClassResult c = Grader.gradeAll(KEY, a, GradingOptions.defaults());
    assertThat(c.students()).extracting(StudentResult::student).containsExactly("alice");
    assertThat(c.students().get(0).total()).isEqualByComparingTo("36");
  }

  static void write(Path p, Consumer<Path> w) {
    w.accept(p);
  }

  static KeyQuestion kq(String id) {
    return KEY.question(id).orElseThrow();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
