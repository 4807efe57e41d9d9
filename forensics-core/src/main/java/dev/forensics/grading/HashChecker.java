package dev.forensics.grading;

import dev.forensics.exercise.ExpectedAnswer;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.exercise.PlantedArtifact;
import dev.forensics.grading.internal.SubmissionFolder;
import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hash answers: the hex digest on the sheet (case-insensitive, spaces and colons between digits ignored,
 * an algorithm name before it allowed), or, when the sheet has none and the question asks for the disk
 * image's hash, the digest a manifest of the submission records for the one disk image it lists. A blank
 * answer about a planted file stays blank: which file it is, is part of the question.
 * Feedback says when the hex has another algorithm's length or name, or is the hash of another planted file.
 */
final class HashChecker implements Checker {

  private static final Pattern PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9-]{1,9})\\s*[:=(]\\s*(.*)", Pattern.DOTALL);
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final Pattern IMAGE = Pattern.compile("(?i).*\\.(img|dd|raw|iso|e01|001|bin|vhd|vmdk)");

  @Override
  public QuestionResult check(KeyQuestion q, Context c) {
    ExpectedAnswer.Hash e = (ExpectedAnswer.Hash) q.expected();
    List<Feedback> f = new ArrayList<>();
    Optional<String> given = c.text();
    if (given.isEmpty()) {
      Optional<String[]> fromManifest = fromManifest(e, c);
      if (fromManifest.isEmpty()) {
        return Checker.blank(q, c);
      }
      f.add(Feedback.of(Reason.HASH_FROM_MANIFEST, fromManifest.get()[1], fromManifest.get()[2]));
      given = Optional.of(fromManifest.get()[0]);
    }
    HashAlgorithm want = e.algorithm();
    String s = given.get().strip();
    Optional<HashAlgorithm> named = Optional.empty();
    Matcher m = PREFIX.matcher(s);
    if (m.matches()) {
      Optional<HashAlgorithm> a = HashAlgorithm.lookup(m.group(1));
      if (a.isPresent()) {
        named = a;
        s = m.group(2);
        // "SHA256 (file) = hex" of BSD tagged lines: the digest is after the last '='
        int eq = s.lastIndexOf('=');
        if (eq >= 0) {
          s = s.substring(eq + 1);
        }
      }
    }
    String hex = s.replaceAll("[\\s:]", "");
    if (!HEX.matcher(hex).matches()) {
      f.add(0, Feedback.of(Reason.HASH_NOT_HEX, SubmissionFolder.shorten(given.get())));
      return Checker.zero(q, f);
    }
    if (named.isPresent() && named.get() != want) {
      f.add(0, Feedback.of(Reason.HASH_WRONG_ALGORITHM, named.get().id(), want.id()));
      return Checker.zero(q, f);
    }
    if (hex.length() != want.hexLength()) {
      String looks = guess(hex.length());
      f.add(0, Feedback.of(Reason.HASH_WRONG_ALGORITHM, looks, want.id()));
      return Checker.zero(q, f);
    }
    Digest d = Digest.ofHex(want, hex);
    if (d.equals(e.value())) {
      f.add(0, Feedback.of(Reason.CORRECT));
      return Checker.full(q, f);
    }
    for (PlantedArtifact a : c.key().artifacts()) {
      if (a.hashes().get(want).map(d::equals).orElse(false) && !e.artifact().equals(Optional.of(a.id()))) {
        f.add(0, Feedback.of(Reason.HASH_OTHER_FILE, d.hex(), a.paths().isEmpty() ? a.id() : a.paths().get(0)));
        return Checker.zero(q, f);
      }
    }
    f.add(0, Feedback.of(Reason.HASH_MISMATCH, d.hex(), e.value().hex()));
    return Checker.zero(q, f);
  }

  private static String guess(int hexLength) {
    for (HashAlgorithm a : HashAlgorithm.values()) {
      if (a.hexLength() == hexLength) {
        return a.id();
      }
    }
    return hexLength + " hex digits";
  }

  /** {digest hex, manifest name, entry path} of the manifest entry for the expected file, if any. */
  private static Optional<String[]> fromManifest(ExpectedAnswer.Hash e, Context c) {
    for (Submission.ManifestFile mf : c.submission().manifests) {
      List<ManifestEntry> hits = new ArrayList<>();
      for (ManifestEntry me : mf.manifest().entries()) {
        if (me.digests().get(e.algorithm()).isEmpty()) {
          continue;
        }
        String p = me.path().replace('\\', '/').toLowerCase(Locale.ROOT);
        boolean hit = switch (e.source()) {
          // only the image the student was given: for a planted file, finding WHICH file is the skill,
          // and a manifest of every file would give its hash away
          case DISK_IMAGE -> IMAGE.matcher(p).matches();
          case ARTIFACT, LITERAL -> false;
        };
        if (hit) {
          hits.add(me);
        }
      }
      if (hits.size() == 1) {
        ManifestEntry me = hits.get(0);
        return Optional.of(new String[] {me.digests().get(e.algorithm()).get().hex(), mf.name(), me.path()});
      }
    }
    return Optional.empty();
  }
}
