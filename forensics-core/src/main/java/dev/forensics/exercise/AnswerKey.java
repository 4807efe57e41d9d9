package dev.forensics.exercise;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The grader's input for one exercise (or one variant of it): every question with its expected answer,
 * points and grading rule; every planted artifact with its paths, offsets, hashes and what a student
 * should find; the total and the pass mark. Written as {@code answer-key.json} by {@link AnswerKeyJson}.
 *
 * @param scenarioSeed the scenario's seed
 * @param variant the variant, if this key is for one
 * @param seed the seed the evidence was generated from ({@link Variant#seed(long)}, or the scenario seed)
 * @param timeZone the zone the handout states times in (times in the key are UTC)
 */
public record AnswerKey(
    String exerciseId,
    String title,
    long scenarioSeed,
    Optional<Variant> variant,
    long seed,
    ZoneId timeZone,
    BigDecimal totalPoints,
    BigDecimal passMark,
    List<KeyQuestion> questions,
    List<PlantedArtifact> artifacts) {

  /**
   * @throws IllegalArgumentException when the total is not the sum of the points, the pass mark is out of
   *     range, ids repeat, or the seed does not follow from the variant
   */
  public AnswerKey {
    Ids.require(exerciseId);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(totalPoints, "totalPoints");
    Objects.requireNonNull(passMark, "passMark");
    totalPoints = Points.normalize(totalPoints);
    passMark = Points.normalize(passMark);
    questions = List.copyOf(questions);
    artifacts = List.copyOf(artifacts);
    BigDecimal sum = questions.stream().map(KeyQuestion::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(totalPoints) != 0) {
      throw new IllegalArgumentException(
          "total points " + totalPoints.toPlainString() + " is not the sum of the questions' points " + sum.toPlainString());
    }
    if (passMark.signum() < 0 || passMark.compareTo(totalPoints) > 0) {
      throw new IllegalArgumentException("pass mark must be between 0 and the total " + totalPoints.toPlainString());
    }
    long expectedSeed = variant.map(v -> v.seed(scenarioSeed)).orElse(scenarioSeed);
    if (seed != expectedSeed) {
      throw new IllegalArgumentException("seed " + seed + " does not follow from the scenario seed and variant");
    }
    Set<String> ids = new HashSet<>();
    for (KeyQuestion q : questions) {
      if (!ids.add(q.id())) {
        throw new IllegalArgumentException("duplicate question id '" + q.id() + "'");
      }
    }
    ids.clear();
    for (PlantedArtifact a : artifacts) {
      if (!ids.add(a.id())) {
        throw new IllegalArgumentException("duplicate artifact id '" + a.id() + "'");
      }
    }
  }

  /** The question with this id, if any. */
  public Optional<KeyQuestion> question(String id) {
    return questions.stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** The artifact with this id, if any. */
  public Optional<PlantedArtifact> artifact(String id) {
    return artifacts.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /**
   * Resolves a scenario's answers against what the builder generated: artifact references become their
   * hashes, paths, timestamps and secrets; counts of kinds and types become numbers.
   *
   * @throws IllegalArgumentException naming the question and the missing fact when the facts lack
   *     something an answer needs (an artifact, a hash of the asked algorithm, a timestamp, a secret)
   */
  public static AnswerKey resolve(Scenario scenario, Optional<Variant> variant, EvidenceFacts facts) {
    for (Artifact a : scenario.artifacts()) {
      PlantedArtifact p = planted(facts, a.id(), "");
      if (p.kind() != a.kind()) {
        throw new IllegalArgumentException(
            "artifact '" + a.id() + "' is " + a.kind().id() + " in the scenario but " + p.kind().id() + " in the facts");
      }
    }
    List<KeyQuestion> questions = new ArrayList<>();
    for (Question q : scenario.questions()) {
      questions.add(new KeyQuestion(q.id(), q.text(), q.points(), expected(q, scenario, facts)));
    }
    long scenarioSeed = scenario.info().seed();
    List<PlantedArtifact> artifacts = new ArrayList<>();
    for (Artifact a : scenario.artifacts()) {
      artifacts.add(facts.artifact(a.id()).orElseThrow());
    }
    return new AnswerKey(
        scenario.info().id(),
        scenario.info().title(),
        scenarioSeed,
        variant,
        variant.map(v -> v.seed(scenarioSeed)).orElse(scenarioSeed),
        scenario.info().timeZone(),
        scenario.totalPoints(),
        scenario.passMark(),
        questions,
        artifacts);
  }

  private static ExpectedAnswer expected(Question q, Scenario scenario, EvidenceFacts facts) {
    String where = "question '" + q.id() + "': ";
    Answer a = q.answer();
    if (a instanceof Answer.Hash h) {
      HashAlgorithm alg = h.algorithm();
      if (h.target() instanceof Answer.LiteralDigest d) {
        return new ExpectedAnswer.Hash(d.value(), ExpectedAnswer.HashSource.LITERAL, Optional.empty());
      } else if (h.target() instanceof Answer.OfArtifact r) {
        Digest d = planted(facts, r.artifact(), where).hashes().get(alg).orElseThrow(() ->
            new IllegalArgumentException(where + "artifact '" + r.artifact() + "' has no " + alg.id() + " in the facts"));
        return new ExpectedAnswer.Hash(d, ExpectedAnswer.HashSource.ARTIFACT, Optional.of(r.artifact()));
      } else {
        Digest d = facts.diskImage().get(alg).orElseThrow(() ->
            new IllegalArgumentException(where + "the disk image has no " + alg.id() + " in the facts"));
        return new ExpectedAnswer.Hash(d, ExpectedAnswer.HashSource.DISK_IMAGE, Optional.empty());
      }
    } else if (a instanceof Answer.FileSet s) {
      Set<String> ids = new LinkedHashSet<>(s.artifacts());
      for (Artifact art : scenario.artifacts()) {
        if (s.kinds().contains(art.kind())) {
          ids.add(art.id());
        }
      }
      return new ExpectedAnswer.FileSet(items(ids, facts, where), s.scoring());
    } else if (a instanceof Answer.Count c) {
      long value;
      if (c.value().isPresent()) {
        value = c.value().get();
      } else if (!c.kinds().isEmpty()) {
        value = scenario.artifacts().stream().filter(x -> c.kinds().contains(x.kind())).count();
      } else {
        value = 0;
        for (FileType t : c.types()) {
          Long n = facts.filesByType().get(t);
          if (n == null) {
            throw new IllegalArgumentException(where + "the facts have no count of " + t.id() + " files");
          }
          value += n;
        }
      }
      return new ExpectedAnswer.Count(value, c.tolerance());
    } else if (a instanceof Answer.Timestamp t) {
      java.time.Instant value = t.value().orElseGet(() -> {
        String id = t.artifact().orElseThrow();
        return planted(facts, id, where).times().get(t.time()).orElseThrow(() ->
            new IllegalArgumentException(where + "artifact '" + id + "' has no " + t.time().id() + " time in the facts"));
      });
      return new ExpectedAnswer.Timestamp(value, t.window(), t.assumeZone());
    } else if (a instanceof Answer.Text t) {
      List<String> accepted = new ArrayList<>(t.accepted());
      t.artifact().ifPresent(id -> accepted.add(planted(facts, id, where).secret().orElseThrow(() ->
          new IllegalArgumentException(where + "artifact '" + id + "' has no secret text in the facts"))));
      return new ExpectedAnswer.Text(accepted, t.regex(), t.caseSensitive());
    } else if (a instanceof Answer.RecoveredFiles r) {
      return new ExpectedAnswer.RecoveredFiles(items(new LinkedHashSet<>(r.artifacts()), facts, where));
    } else {
      Answer.Custody c = (Answer.Custody) a;
      return new ExpectedAnswer.Custody(c.steps(), c.hashesMustMatch(), facts.diskImage());
    }
  }

  private static List<SetItem> items(Set<String> ids, EvidenceFacts facts, String where) {
    List<SetItem> items = new ArrayList<>();
    for (String id : ids) {
      PlantedArtifact p = planted(facts, id, where);
      Optional<Digest> sha = p.hashes().get(HashAlgorithm.SHA256);
      if (p.paths().isEmpty()) {
        items.add(new SetItem(id, Optional.empty(), sha));
      }
      for (String path : p.paths()) {
        items.add(new SetItem(id, Optional.of(path), sha));
      }
    }
    return items;
  }

  private static PlantedArtifact planted(EvidenceFacts facts, String id, String where) {
    return facts.artifact(id).orElseThrow(() ->
        new IllegalArgumentException(where + "artifact '" + id + "' is missing from the evidence facts"));
  }
}
