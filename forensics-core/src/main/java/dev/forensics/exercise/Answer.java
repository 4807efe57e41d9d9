package dev.forensics.exercise;

import dev.forensics.exercise.FileTimes.TimeKind;
import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a question expects, as the trainer specified it: a literal value or a reference to a planted
 * artifact (resolved to a value when the evidence is built). One record type per {@link AnswerKind}.
 */
public sealed interface Answer {

  /** The answer's kind. */
  AnswerKind kind();

  /** Ids of the artifacts this answer refers to (checked to exist when the scenario is read). */
  List<String> artifactRefs();

  /** What a hash answer is the hash of. */
  sealed interface HashTarget {}

  /** The hash of a planted artifact's file. */
  record OfArtifact(String artifact) implements HashTarget {
    public OfArtifact {
      Ids.require(artifact);
    }
  }

  /** The hash of the whole disk image. */
  record OfDiskImage() implements HashTarget {}

  /** A literal digest given by the trainer. */
  record LiteralDigest(Digest value) implements HashTarget {
    public LiteralDigest {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A digest; graded case-insensitively as hex of the stated algorithm. */
  record Hash(HashAlgorithm algorithm, HashTarget target) implements Answer {
    public Hash {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(target, "target");
      if (target instanceof LiteralDigest d && d.value().algorithm() != algorithm) {
        throw new IllegalArgumentException(
            "is a " + d.value().algorithm().id() + " digest but the answer asks for " + algorithm.id());
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.HASH;
    }

    @Override
    public List<String> artifactRefs() {
      return target instanceof OfArtifact a ? List.of(a.artifact()) : List.of();
    }
  }

  /**
   * A set of files: the listed artifacts plus every artifact of the listed kinds. Graded by precision and
   * recall of the student's paths.
   */
  record FileSet(List<String> artifacts, List<ArtifactKind> kinds, SetScoring scoring) implements Answer {
    public FileSet {
      artifacts = List.copyOf(artifacts);
      kinds = List.copyOf(kinds);
      Objects.requireNonNull(scoring, "scoring");
      artifacts.forEach(Ids::require);
      if (artifacts.isEmpty() && kinds.isEmpty()) {
        throw new IllegalArgumentException("needs artifacts or kinds");
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.FILE_SET;
    }

    @Override
    public List<String> artifactRefs() {
      return artifacts;
    }
  }

  /**
   * A number within {@code ± tolerance}: a literal value, the number of planted artifacts of the given
   * kinds, or the number of evidence files (background and planted) whose content is of the given types.
   */
  record Count(Optional<Long> value, List<ArtifactKind> kinds, List<FileType> types, long tolerance)
      implements Answer {
    public Count {
      Objects.requireNonNull(value, "value");
      kinds = List.copyOf(kinds);
      types = List.copyOf(types);
      int given = (value.isPresent() ? 1 : 0) + (kinds.isEmpty() ? 0 : 1) + (types.isEmpty() ? 0 : 1);
      if (given != 1) {
        throw new IllegalArgumentException("needs exactly one of value, kinds, types");
      }
      if (value.isPresent() && value.get() < 0) {
        throw new IllegalArgumentException("must be >= 0");
      }
      if (tolerance < 0) {
        throw new IllegalArgumentException("must be >= 0");
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.COUNT;
    }

    @Override
    public List<String> artifactRefs() {
      return List.of();
    }
  }

  /**
   * A moment: literal, or one of a planted artifact's timestamps; accepted within {@code ± window}. When
   * {@code assumeZone} is empty a student's answer must state its zone; otherwise a time without zone is
   * read in that zone.
   */
  record Timestamp(
      Optional<Instant> value, Optional<String> artifact, TimeKind time, Duration window,
      Optional<ZoneId> assumeZone)
      implements Answer {
    public Timestamp {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(artifact, "artifact");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(assumeZone, "assumeZone");
      if (value.isPresent() == artifact.isPresent()) {
        throw new IllegalArgumentException("needs exactly one of value, artifact");
      }
      artifact.ifPresent(Ids::require);
      if (window.isNegative()) {
        throw new IllegalArgumentException("must be >= 0");
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.TIMESTAMP;
    }

    @Override
    public List<String> artifactRefs() {
      return artifact.map(List::of).orElse(List.of());
    }
  }

  /**
   * Free text: accepted if equal to one of the accepted forms (after trimming and collapsing white space;
   * case-insensitive unless {@code caseSensitive}), fully matching one of the regular expressions, or
   * equal to the secret text of the referenced artifact.
   */
  record Text(List<String> accepted, List<String> regex, Optional<String> artifact, boolean caseSensitive)
      implements Answer {
    public Text {
      accepted = List.copyOf(accepted);
      regex = List.copyOf(regex);
      Objects.requireNonNull(artifact, "artifact");
      artifact.ifPresent(Ids::require);
      if (accepted.isEmpty() && regex.isEmpty() && artifact.isEmpty()) {
        throw new IllegalArgumentException("needs accepted, regex or artifact");
      }
      for (String a : accepted) {
        if (a.isBlank()) {
          throw new IllegalArgumentException("must not be blank");
        }
      }
      for (String r : regex) {
        try {
          Pattern.compile(r);
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("is not a valid regular expression: " + e.getDescription(), e);
        }
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.TEXT;
    }

    @Override
    public List<String> artifactRefs() {
      return artifact.map(List::of).orElse(List.of());
    }
  }

  /** Recovered files: credit per submitted file whose hash equals a listed artifact's. */
  record RecoveredFiles(List<String> artifacts) implements Answer {
    public RecoveredFiles {
      artifacts = List.copyOf(artifacts);
      if (artifacts.isEmpty()) {
        throw new IllegalArgumentException("needs at least one artifact");
      }
      artifacts.forEach(Ids::require);
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.RECOVERED_FILES;
    }

    @Override
    public List<String> artifactRefs() {
      return artifacts;
    }
  }

  /**
   * A chain-of-custody record: the required event types in order (others may come between), and whether
   * the evidence hashes recorded must equal the answer key's.
   */
  record Custody(List<String> steps, boolean hashesMustMatch) implements Answer {
    /** Shape of a step name: an event type such as {@code seized} or {@code image-verified}. */
    public static final Pattern STEP = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public Custody {
      steps = List.copyOf(steps);
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("needs at least one step");
      }
      for (String s : steps) {
        if (!STEP.matcher(s).matches()) {
          throw new IllegalArgumentException(
              "must be 1 to 40 characters a-z, 0-9 or '-', starting with a letter, got '" + s + "'");
        }
      }
    }

    @Override
    public AnswerKind kind() {
      return AnswerKind.CUSTODY;
    }

    @Override
    public List<String> artifactRefs() {
      return List.of();
    }
  }
}
