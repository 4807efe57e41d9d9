package dev.forensics.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.forensics.exercise.AnswerKey;
import dev.forensics.grading.internal.Deadline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submissions are untrusted: every bad case scores zero for what it touches, with a reason, and never crashes. */
class UntrustedSubmissionTest {

  @TempDir Path dir;

  private static final AnswerKey KEY = GradingFixture.key();

  private static StudentResult grade(Path folder) {
    return Grader.grade(KEY, folder, GradingOptions.defaults());
  }

  private static QuestionResult question(StudentResult r, String id) {
    return r.questions().stream().filter(x -> x.question().equals(id)).findFirst().orElseThrow();
  }

  private static List<Reason> noteReasons(StudentResult r) {
    return r.notes().stream().map(Feedback::reason).toList();
  }

  private static void assertZero(StudentResult r) {
    assertThat(r.total()).isEqualByComparingTo("0");
    for (QuestionResult q : r.questions()) {
      assertThat(q.feedback()).as(q.question()).isNotEmpty();
    }
  }

  private static void sparse(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
  }

  @Test
  void missingFolder_scoresZero() {
    StudentResult r = grade(dir.resolve("nobody"));
    assertZero(r);
    assertThat(r.notes()).containsExactly(Feedback.of(Reason.FILE_NOT_FOUND, "nobody"));
  }

  @Test
  void emptyFolder_scoresZero_sayingSo() throws IOException {
    StudentResult r = grade(Files.createDirectories(dir.resolve("s")));
    assertZero(r);
    assertThat(noteReasons(r)).containsExactly(Reason.SUBMISSION_EMPTY, Reason.SHEET_MISSING);
    assertThat(question(r, "q1-image-hash").feedback()).containsExactly(Feedback.of(Reason.BLANK));
    assertThat(question(r, "q11-custody").feedback()).containsExactly(Feedback.of(Reason.CUSTODY_NO_LEDGER));
    assertThat(question(r, "q9-recover").feedback()).containsExactly(Feedback.of(Reason.RECOVERED_NONE, "recovered/"));
  }

  @Test
  void binaryGarbage_everywhere_scoresZero_withMessages() throws IOException {
    Path s = Files.createDirectories(dir.resolve("s"));
    byte[] junk = new byte[10_000];
    new Random(7).nextBytes(junk);
    Files.write(s.resolve("answer-sheet.yaml"), junk);
    Files.write(s.resolve("evidence.sha256"), junk);
    Files.write(s.resolve("custody.jsonl"), junk);
    Files.write(s.resolve("s.pub"), junk);
    Files.createDirectories(s.resolve("recovered"));
    Files.write(s.resolve("recovered/chat.html"), junk);
    StudentResult r = grade(s);
    assertZero(r);
    assertThat(r.notes()).contains(Feedback.of(Reason.SHEET_PROBLEM, 0, "not UTF-8 text"));
    assertThat(noteReasons(r)).contains(Reason.FILE_NOT_RECOGNISED, Reason.FILE_UNREADABLE);
    assertThat(question(r, "q9-recover").feedback()).contains(Feedback.of(Reason.RECOVERED_SCORE, 0, 2));
  }

  @Test
  void malformedSheet_andLedgerNamedOnIt_scoreZero() throws IOException {
    Path s = Files.createDirectories(dir.resolve("s"));
    Files.writeString(s.resolve("answer-sheet.yaml"), "answers:\n  q11-custody: notes.txt\n  q1-image-hash: [unclosed\n");
    Files.writeString(s.resolve("notes.txt"), "{\"seq\":0, this is not a ledger}\n");
    StudentResult r = grade(s);
    assertZero(r);
    assertThat(noteReasons(r)).contains(Reason.SHEET_PROBLEM);

    Files.writeString(s.resolve("answer-sheet.yaml"), "answers:\n  q11-custody: notes.txt\n");
    Files.writeString(s.resolve("k.pub"), "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n");
    QuestionResult c = question(grade(s), "q11-custody");
    assertThat(c.points()).isEqualByComparingTo("0");
    assertThat(c.feedback().get(0).reason()).isEqualTo(Reason.CUSTODY_NOT_LEDGER);
  }

  @Test
  void hugeFiles_areNotRead() throws IOException {
    Path s = Files.createDirectories(dir.resolve("s"));
    long gib = 1L << 30;
    sparse(s.resolve("answer-sheet.yaml"), gib);
    sparse(s.resolve("manifest.md5"), gib);
    sparse(s.resolve("custody.jsonl"), gib);
    Files.createDirectories(s.resolve("recovered"));
    sparse(s.resolve("recovered/chat.html"), gib);
    StudentResult r = grade(s);
    assertZero(r);
    assertThat(r.notes()).contains(
        Feedback.of(Reason.FILE_TOO_LARGE, "answer-sheet.yaml", gib, 256 * 1024),
        Feedback.of(Reason.FILE_TOO_LARGE, "manifest.md5", gib, 32L * 1024 * 1024),
        Feedback.of(Reason.FILE_TOO_LARGE, "custody.jsonl", gib, 32L * 1024 * 1024));
  }

  @Test
  void symlinks_toSystemFilesAndOtherStudents_areRefused() throws IOException {
    Path bob = GradingFixture.perfect(dir, "bob");
    Path s = Files.createDirectories(dir.resolve("mallory"));
    try {
      Files.createSymbolicLink(s.resolve("answer-sheet.yaml"), bob.resolve("answer-sheet.yaml"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links not supported here: " + e);
    }
    Files.createSymbolicLink(s.resolve("recovered"), bob.resolve("recovered"));
    Files.createSymbolicLink(s.resolve("custody.jsonl"), bob.resolve("custody.jsonl"));
    Files.createSymbolicLink(s.resolve("bob.pub"), bob.resolve("bob.pub"));
    Files.createSymbolicLink(s.resolve("passwd.md5"), Path.of("/etc/passwd"));
    Files.createDirectories(s.resolve("keys"));
    Files.createSymbolicLink(s.resolve("keys/bob.pub"), bob.resolve("bob.pub"));
    StudentResult r = grade(s);
    assertZero(r);
    assertThat(r.notes()).contains(
        Feedback.of(Reason.FILE_SYMLINK, "answer-sheet.yaml"),
        Feedback.of(Reason.FILE_SYMLINK, "recovered"),
        Feedback.of(Reason.FILE_SYMLINK, "custody.jsonl"),
        Feedback.of(Reason.FILE_SYMLINK, "bob.pub"),
        Feedback.of(Reason.FILE_SYMLINK, "passwd.md5"),
        Feedback.of(Reason.FILE_SYMLINK, "keys/bob.pub"));
  }

  @Test
  void symlinkInsideRecovered_andNamedThroughALinkedFolder_areRefused() throws IOException {
    Path bob = GradingFixture.perfect(dir, "bob");
    Map<String, String> answers = new LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put("q9-recover", "[\"link/chat.html\", \"carved.jpg\"]");
    answers.put("q11-custody", "\"link/custody.jsonl\"");
    Path s = GradingFixture.submission(dir, "eve", answers, List.of(), GradingFixture.hashes("x"));
    Files.delete(s.resolve("recovered/carved.jpg"));
    Files.delete(s.resolve("recovered/chat.html"));
    try {
      Files.createSymbolicLink(s.resolve("recovered/carved.jpg"), bob.resolve("recovered/carved.jpg"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links not supported here: " + e);
    }
    Files.createSymbolicLink(s.resolve("link"), bob);
    StudentResult r = grade(s);
    QuestionResult q9 = question(r, "q9-recover");
    assertThat(q9.points()).isEqualByComparingTo("0");
    assertThat(q9.feedback()).contains(Feedback.of(Reason.FILE_SYMLINK, "recovered/carved.jpg"), Feedback.of(Reason.FILE_SYMLINK, "link"));
    assertThat(question(r, "q11-custody").feedback()).containsExactly(Feedback.of(Reason.FILE_SYMLINK, "link"));
  }

  @Test
  void submissionFolderThatIsALink_isRefused() throws IOException {
    Path bob = GradingFixture.perfect(dir, "bob");
    Path link = dir.resolve("mallory");
    try {
      Files.createSymbolicLink(link, bob);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links not supported here: " + e);
    }
    StudentResult r = grade(link);
    assertZero(r);
    assertThat(r.notes()).containsExactly(Feedback.of(Reason.FILE_SYMLINK, "mallory"));
  }

  @Test
  void pathTraversal_onTheSheet_isRefused() throws IOException {
    GradingFixture.perfect(dir, "bob");
    Map<String, String> answers = new LinkedHashMap<>(GradingFixture.rightAnswers());
    answers.put("q9-recover", "[\"../bob/recovered/chat.html\", \"/etc/passwd\", \"..\\\\..\\\\etc\\\\passwd\", \"recovered/../../bob/recovered/carved.jpg\"]");
    answers.put("q11-custody", "\"/etc/passwd\"");
    Path s = GradingFixture.submission(dir, "eve", answers, List.of(), GradingFixture.hashes("x"));
    Files.delete(s.resolve("recovered/carved.jpg"));
    Files.delete(s.resolve("recovered/chat.html"));
    StudentResult r = grade(s);
    QuestionResult q9 = question(r, "q9-recover");
    assertThat(q9.points()).isEqualByComparingTo("0");
    assertThat(q9.feedback()).contains(
        Feedback.of(Reason.FILE_UNSAFE_NAME, "../bob/recovered/chat.html"),
        Feedback.of(Reason.FILE_UNSAFE_NAME, "/etc/passwd"),
        Feedback.of(Reason.FILE_UNSAFE_NAME, "../../etc/passwd"),
        Feedback.of(Reason.FILE_UNSAFE_NAME, "recovered/../../bob/recovered/carved.jpg"));
    assertThat(question(r, "q11-custody").feedback()).containsExactly(Feedback.of(Reason.FILE_UNSAFE_NAME, "/etc/passwd"));
  }

  @Test
  void zipBomb_isNotUnpacked() throws IOException {
    Path s = Files.createDirectories(dir.resolve("s"));
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(s.resolve("submission.zip")))) {
      z.putNextEntry(new ZipEntry("answer-sheet.yaml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    Files.createDirectories(s.resolve("recovered"));
    Files.copy(s.resolve("submission.zip"), s.resolve("recovered/chat.zip"));
    StudentResult r = grade(s);
    assertZero(r);
    assertThat(r.notes()).contains(Feedback.of(Reason.FILE_ARCHIVE_IGNORED, "submission.zip"));
  }

  @Test
  void fifo_isNotOpened() throws Exception {
    Path s = GradingFixture.perfect(dir, "s");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", s.resolve("pipe.md5").toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo not available");
      return;
    }
    assumeTrue(p.waitFor() == 0, "mkfifo failed");
    StudentResult r = grade(s);
    assertThat(r.total()).isEqualByComparingTo("36");
    assertThat(r.notes()).containsExactly(Feedback.of(Reason.FILE_NOT_REGULAR, "pipe.md5"));
  }

  @Test
  void grading_neverWritesIntoTheSubmission() throws IOException {
    Path s = GradingFixture.perfect(dir, "s");
    List<String> before = listing(s);
    grade(s);
    assertThat(listing(s)).isEqualTo(before);
  }

  private static List<String> listing(Path s) throws IOException {
    try (Stream<Path> w = Files.walk(s)) {
      return w.map(p -> {
        try {
          return s.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
        } catch (IOException e) {
          return p.toString();
        }
      }).sorted().toList();
    }
  }

  @Test
  void regexMatching_checksTheDeadline_asItReads() throws InterruptedException {
    // no timing: a deadline already passed stops any match that reads more than a few thousand characters
    Deadline passed = Deadline.after(Duration.ofNanos(1));
    Thread.sleep(1);
    assertThat(passed.passed()).isTrue();
    CharSequence text = passed.guard("x".repeat(10_000));
    assertThatThrownBy(() -> Pattern.compile("(x+x+)+y").matcher(text).matches()).isInstanceOf(Deadline.Expired.class);
    assertThat(Pattern.compile("x{3}").matcher(passed.guard("xxx")).matches()).isTrue();
    assertThat(Pattern.compile("(x+x+)+").matcher(Deadline.after(Duration.ofMinutes(1)).guard("x".repeat(10_000))).matches())
        .isTrue();
  }

  @Test
  void manySubmissionFiles_areCapped() throws IOException {
    Path s = GradingFixture.perfect(dir, "s");
    Path rec = s.resolve("recovered");
    for (int i = 0; i < 1_005; i++) {
      try (OutputStream o = Files.newOutputStream(rec.resolve("f" + i))) {
        o.write(i);
      }
    }
    QuestionResult q9 = question(grade(s), "q9-recover");
    assertThat(q9.feedback()).contains(Feedback.of(Reason.FILE_TOO_MANY, "recovered", 1000));
  }
}
