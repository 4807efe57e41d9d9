package dev.forensics.exercise;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An exercise as a trainer describes it in a scenario file (see {@link ScenarioReader}): what it is, what
 * evidence to make, the background files, the planted artifacts, the questions and the pass mark. Valid as
 * a whole: ids are unique, references resolve, disk-only artifacts have a disk image, the pass mark does not
 * exceed the total.
 */
public record Scenario(
    ExerciseInfo info,
    Evidence evidence,
    List<BackgroundFiles> background,
    List<Artifact> artifacts,
    List<Question> questions,
    BigDecimal passMark) {

  /**
   * @throws IllegalArgumentException when the parts do not fit together (the reader reports the same
   *     problems with their line first)
   */
  public Scenario {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(evidence, "evidence");
    background = List.copyOf(background);
    artifacts = List.copyOf(artifacts);
    questions = List.copyOf(questions);
    Objects.requireNonNull(passMark, "passMark");
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("needs at least one question");
    }
    Set<String> ids = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (Artifact a : artifacts) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException("duplicate artifact id '" + a.id() + "'");
      }
      for (String p : a.paths()) {
        if (!paths.add(p)) {
          throw new IllegalArgumentException("two artifacts at path '" + p + "'");
        }
      }
      if (a.kind().diskOnly() && evidence.diskImage().isEmpty()) {
        throw new IllegalArgumentException("artifact '" + a.id() + "' needs evidence.disk-image");
      }
    }
    for (Artifact a : artifacts) {
      if (a instanceof Artifact.Duplicate d && !ids.contains(d.of())) {
        throw new IllegalArgumentException("artifact '" + d.id() + "' duplicates unknown artifact '" + d.of() + "'");
      }
    }
    Set<String> qids = new HashSet<>();
    for (Question q : questions) {
      if (!qids.add(q.id())) {
        throw new IllegalArgumentException("duplicate question id '" + q.id() + "'");
      }
      for (String ref : q.answer().artifactRefs()) {
        if (!ids.contains(ref)) {
          throw new IllegalArgumentException("question '" + q.id() + "' refers to unknown artifact '" + ref + "'");
        }
      }
    }
    if (passMark.signum() < 0 || passMark.compareTo(totalPoints(questions)) > 0) {
      throw new IllegalArgumentException("pass mark must be between 0 and the total " + totalPoints(questions));
    }
  }

  /** The sum of all questions' points. */
  public BigDecimal totalPoints() {
    return totalPoints(questions);
  }

  private static BigDecimal totalPoints(List<Question> questions) {
    return questions.stream().map(Question::points).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The artifact with this id, if any. */
  public Optional<Artifact> artifact(String id) {
    return artifacts.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The question with this id, if any. */
  public Optional<Question> question(String id) {
    return questions.stream().filter(q -> q.id().equals(id)).findFirst();
  }
}
