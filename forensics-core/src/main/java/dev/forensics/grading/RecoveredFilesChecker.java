package dev.forensics.grading;

import dev.forensics.exercise.ExpectedAnswer;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.exercise.PlantedArtifact;
import dev.forensics.exercise.SetItem;
import dev.forensics.grading.internal.Refused;
import dev.forensics.grading.internal.Score;
import dev.forensics.grading.internal.SubmissionFolder;
import dev.forensics.grading.internal.SubmissionFolder.Entry;
import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recovered files: every regular file in the submission's {@code recovered/} folder and every file the
 * sheet names (relative to the submission, or to {@code recovered/}) is hashed with SHA-256; each
 * expected artifact whose hash is among them earns its share of the points. Files whose size fits no
 * expected file are not read; no file above {@link #MAX_FILE} bytes is read; links are refused.
 */
final class RecoveredFilesChecker implements Checker {

  /** Largest recovered file hashed when the key does not give the expected sizes. */
  static final long MAX_FILE = 256L * 1024 * 1024;

  @Override
  public QuestionResult check(KeyQuestion q, Context c) {
    ExpectedAnswer.RecoveredFiles e = (ExpectedAnswer.RecoveredFiles) q.expected();
    SubmissionFolder folder = c.submission().folder;
    List<Feedback> f = new ArrayList<>();
    Map<String, Entry> candidates = new LinkedHashMap<>();
    if (c.submission().hasRecovered) {
      try {
        for (Entry x : folder.list(Submission.RECOVERED, f)) {
          candidates.put(x.name(), x);
        }
      } catch (Refused r) {
        f.add(r.feedback());
      }
    }
    for (String name : c.items()) {
      String n = name.strip().replace('\\', '/');
      Optional<Entry> x = find(folder, n, f);
      x.ifPresent(entry -> candidates.putIfAbsent(entry.name(), entry));
    }
    if (candidates.isEmpty()) {
      f.add(0, Feedback.of(Reason.RECOVERED_NONE, Submission.RECOVERED + "/"));
      f.addAll(c.sheetProblems(q));
      return Checker.zero(q, f);
    }
    Set<Long> sizes = new HashSet<>();
    boolean allSizes = true;
    for (SetItem i : e.items()) {
      Optional<Long> size = c.key().artifact(i.artifact()).flatMap(PlantedArtifact::size);
      if (size.isPresent()) {
        sizes.add(size.get());
      } else {
        allSizes = false;
      }
    }
    Set<Digest> hashes = new HashSet<>();
    for (Entry x : candidates.values()) {
      c.deadline().check();
      if (x.type() == SubmissionFolder.Type.LINK) {
        f.add(Feedback.of(Reason.FILE_SYMLINK, x.name()));
        continue;
      }
      if (x.type() != SubmissionFolder.Type.FILE) {
        continue;
      }
      if (allSizes && !sizes.contains(x.size())) {
        continue;
      }
      hash(folder, x, c, f).ifPresent(hashes::add);
    }
    int matched = 0;
    List<String> missed = new ArrayList<>();
    Set<String> credited = new HashSet<>();
    for (SetItem i : e.items()) {
      if (!credited.add(i.artifact())) {
        continue;
      }
      if (hashes.contains(i.sha256().orElseThrow())) {
        matched++;
      } else {
        missed.add(i.artifact() + i.path().map(p -> " (" + p + ")").orElse(""));
      }
    }
    int total = credited.size();
    f.add(0, Feedback.of(Reason.RECOVERED_SCORE, matched, total));
    if (!missed.isEmpty()) {
      f.add(1, Feedback.of(Reason.RECOVERED_MISSED, FileSetChecker.list(missed)));
    } else {
      f.add(0, Feedback.of(Reason.CORRECT));
    }
    return new QuestionResult(q.id(), e.kind(), Score.share(q.points(), matched, total), q.points(), f);
  }

  private static Optional<Entry> find(SubmissionFolder folder, String name, List<Feedback> f) {
    try {
      return Optional.of(folder.file(name));
    } catch (Refused r) {
      if (r.feedback().reason() == Reason.FILE_NOT_FOUND && !name.startsWith(Submission.RECOVERED + "/")) {
        try {
          return Optional.of(folder.file(Submission.RECOVERED + "/" + name));
        } catch (Refused r2) {
          f.add(r2.feedback().reason() == Reason.FILE_NOT_FOUND ? r.feedback() : r2.feedback());
          return Optional.empty();
        }
      }
      f.add(r.feedback());
      return Optional.empty();
    }
  }

  private static Optional<Digest> hash(SubmissionFolder folder, Entry x, Context c, List<Feedback> f) {
    MessageDigest md = Submission.digest();
    try (InputStream in = folder.open(x, MAX_FILE)) {
      byte[] buf = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > MAX_FILE) {
          f.add(Feedback.of(Reason.FILE_TOO_LARGE, x.name(), total + "+", MAX_FILE));
          return Optional.empty();
        }
        md.update(buf, 0, n);
        c.deadline().check();
      }
      return Optional.of(new Digest(HashAlgorithm.SHA256, md.digest()));
    } catch (Refused r) {
      f.add(r.feedback());
    } catch (IOException e) {
      f.add(Feedback.of(Reason.FILE_UNREADABLE, x.name(), Submission.oneLine(e)));
    }
    return Optional.empty();
  }
}
