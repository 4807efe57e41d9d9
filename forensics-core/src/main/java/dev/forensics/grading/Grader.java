package dev.forensics.grading;

import dev.forensics.custody.Custodian;
import dev.forensics.exercise.AnswerKey;
import dev.forensics.exercise.AnswerKind;
import dev.forensics.exercise.AnswerSheet;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.grading.internal.Deadline;
import dev.forensics.grading.internal.Refused;
import dev.forensics.grading.internal.SubmissionFolder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grades submissions against an answer key. A submission is one folder per student (see {@code
 * docs/formats.md}, "Submissions"); its content is untrusted: whatever it holds, grading gives each
 * question between 0 and its points with feedback, never reads outside the folder and stops after the
 * time limit.
 */
public final class Grader {

  private static final Map<AnswerKind, Checker> CHECKERS = new EnumMap<>(Map.of(
      AnswerKind.HASH, new HashChecker(),
      AnswerKind.FILE_SET, new FileSetChecker(),
      AnswerKind.COUNT, new CountChecker(),
      AnswerKind.TIMESTAMP, new TimestampChecker(),
      AnswerKind.TEXT, new TextChecker(),
      AnswerKind.RECOVERED_FILES, new RecoveredFilesChecker(),
      AnswerKind.CUSTODY, new CustodyChecker()));

  private Grader() {}

  /** Grades one student's folder; the student is named after the folder. */
  public static StudentResult grade(AnswerKey key, Path submission, GradingOptions options) {
    String student = submission.getFileName() == null ? submission.toString() : submission.getFileName().toString();
    Deadline deadline = Deadline.after(options.timeLimit());
    SubmissionFolder folder;
    try {
      folder = SubmissionFolder.open(submission);
    } catch (Refused r) {
      return unreadable(key, student, r.feedback());
    }
    Submission s = Submission.read(folder, key);
    List<QuestionResult> results = new ArrayList<>();
    for (KeyQuestion q : key.questions()) {
      AnswerSheet.Value v = s.sheet.map(sh -> sh.answer(q.id())).orElse(new AnswerSheet.Blank());
      Checker.Context c = new Checker.Context(key, s, v, deadline);
      QuestionResult r;
      try {
        deadline.check();
        r = CHECKERS.get(q.expected().kind()).check(q, c);
      } catch (Deadline.Expired e) {
        r = Checker.zero(q, List.of(Feedback.of(Reason.TIME_LIMIT, options.timeLimit())));
      }
      results.add(r);
    }
    List<String> keys = s.keys.stream().map(Custodian::key).map(k -> k.base64()).distinct().sorted().toList();
    StudentResult.Fingerprints prints = new StudentResult.Fingerprints(
        s.manifestPrints, s.ledgerPrints.stream().filter(x -> !x.isEmpty()).toList(), keys);
    return StudentResult.of(student, results, s.notes, key.passMark(), prints);
  }

  private static StudentResult unreadable(AnswerKey key, String student, Feedback why) {
    List<QuestionResult> results = new ArrayList<>();
    for (KeyQuestion q : key.questions()) {
      results.add(Checker.zero(q, List.of(Feedback.of(Reason.BLANK))));
    }
    return StudentResult.of(student, results, List.of(why), key.passMark(), StudentResult.Fingerprints.none());
  }

  /**
   * Grades a class: every folder in {@code submissions} is one student's (links are refused, files
   * ignored); when {@code submissions} itself holds an answer sheet it is graded as the only student.
   *
   * @throws IOException when the submissions folder cannot be listed
   */
  public static ClassResult gradeAll(AnswerKey key, Path submissions, GradingOptions options) throws IOException {
    List<Path> folders = new ArrayList<>();
    if (Submission.SHEET_NAMES.stream().anyMatch(n -> Files.exists(submissions.resolve(n), LinkOption.NOFOLLOW_LINKS))) {
      folders.add(submissions);
    } else {
      List<Path> skip = new ArrayList<>();
      for (Path p : options.skip()) {
        skip.add(p.toAbsolutePath().normalize());
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(submissions)) {
        for (Path p : ds) {
          if (skip.contains(p.toAbsolutePath().normalize())) {
            continue;
          }
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
            folders.add(p);
          }
        }
      }
      folders.sort(null);
    }
    List<StudentResult> students = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), Math.max(1, folders.size())), r -> {
      Thread t = new Thread(r, "forensics-grade");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<StudentResult>> futures = new ArrayList<>();
      for (Path p : folders) {
        futures.add(pool.submit(() -> grade(key, p, options)));
      }
      for (Future<StudentResult> f : futures) {
        students.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("grading interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return summarise(key, students);
  }

  /**
   * The class result of these students: per-question summary and collusion hints. A manifest, ledger or
   * key shared by more than half of a class of four or more is not a hint (it is what everyone handed in).
   */
  public static ClassResult summarise(AnswerKey key, List<StudentResult> students) {
    List<StudentResult> sorted = new ArrayList<>(students);
    sorted.sort(java.util.Comparator.comparing(StudentResult::student));
    List<QuestionSummary> summary = new ArrayList<>();
    for (int i = 0; i < key.questions().size(); i++) {
      KeyQuestion q = key.questions().get(i);
      BigDecimal sum = BigDecimal.ZERO;
      int full = 0;
      int zero = 0;
      for (StudentResult s : sorted) {
        QuestionResult r = s.questions().get(i);
        sum = sum.add(r.points());
        full += r.full() ? 1 : 0;
        zero += r.points().signum() == 0 ? 1 : 0;
      }
      BigDecimal avg = sorted.isEmpty() ? BigDecimal.ZERO
          : sum.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP);
      summary.add(new QuestionSummary(q.id(), q.points(), avg, full, zero, sorted.size()));
    }
    List<CollusionHint> hints = new ArrayList<>();
    hints(sorted, CollusionHint.Kind.IDENTICAL_MANIFEST, s -> s.fingerprints().manifests(), hints);
    hints(sorted, CollusionHint.Kind.IDENTICAL_LEDGER, s -> s.fingerprints().ledgers(), hints);
    hints(sorted, CollusionHint.Kind.SHARED_KEY, s -> s.fingerprints().keys(), hints);
    return new ClassResult(key.exerciseId(), key.title(), key.totalPoints(), key.passMark(),
        key.questions().stream().map(KeyQuestion::id).toList(), sorted, summary, hints);
  }

  private static void hints(List<StudentResult> students, CollusionHint.Kind kind,
      java.util.function.Function<StudentResult, List<String>> prints, List<CollusionHint> out) {
    Map<String, TreeSet<String>> by = new TreeMap<>();
    for (StudentResult s : students) {
      for (String p : prints.apply(s)) {
        by.computeIfAbsent(p, x -> new TreeSet<>()).add(s.student());
      }
    }
    int common = students.size() >= 4 ? students.size() / 2 : students.size();
    by.forEach((what, who) -> {
      // what more than half of a class shares is the norm (everyone hashed the same evidence), not a hint
      if (who.size() > 1 && who.size() <= common) {
        out.add(new CollusionHint(kind, what, List.copyOf(who)));
      }
    });
  }
}
