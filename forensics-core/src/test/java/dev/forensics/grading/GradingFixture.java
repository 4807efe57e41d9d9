package dev.forensics.grading;

import dev.forensics.custody.CustodianKeys;
import dev.forensics.custody.CustodyEvent;
import dev.forensics.custody.EventType;
import dev.forensics.custody.ItemRehash;
import dev.forensics.custody.Ledger;
import dev.forensics.custody.SigningKey;
import dev.forensics.exercise.AnswerKey;
import dev.forensics.exercise.Artifact;
import dev.forensics.exercise.ByteRange;
import dev.forensics.exercise.EvidenceFacts;
import dev.forensics.exercise.FileTimes;
import dev.forensics.exercise.FileType;
import dev.forensics.exercise.PlantedArtifact;
import dev.forensics.exercise.Scenario;
import dev.forensics.exercise.ScenarioReader;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer key of the documented example exercise (docs/examples/usb-stick.scenario.yaml), resolved
 * against stand-in evidence whose content is known ("content of ID\n"), and hand-made student
 * submissions for it: a perfect one, and single changes of it.
 */
final class GradingFixture {

  static final String IMAGE_CONTENT = "the disk image\n";
  static final Map<String, String> SECRETS = Map.of("slack-password", "Tr0ub4dor&3", "holiday-photo", "bc1qwallet");

  private static AnswerKey key;

  private GradingFixture() {}

  static synchronized AnswerKey key() {
    if (key == null) {
      try {
        Scenario s = ScenarioReader.read(repoRoot().resolve("docs/examples/usb-stick.scenario.yaml"));
        key = AnswerKey.resolve(s, Optional.empty(), facts(s));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (dev.forensics.exercise.ScenarioException e) {
        throw new IllegalStateException(e);
      }
    }
    return key;
  }

  static Path repoRoot() {
    Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("docs/examples/usb-stick.scenario.yaml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("repository root not found from " + System.getProperty("user.dir"));
    }
    return p;
  }

  static String content(String artifact) {
    return "content of " + artifact + "\n";
  }

  static DigestSet hashes(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      return DigestSet.of(
          new Digest(HashAlgorithm.MD5, MessageDigest.getInstance("MD5").digest(bytes)),
          new Digest(HashAlgorithm.SHA1, MessageDigest.getInstance("SHA-1").digest(bytes)),
          new Digest(HashAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static String hex(String content, HashAlgorithm a) {
    return hashes(content).get(a).orElseThrow().hex();
  }

  private static EvidenceFacts facts(Scenario s) {
    List<PlantedArtifact> planted = new ArrayList<>();
    for (Artifact a : s.artifacts()) {
      String c = content(a instanceof Artifact.Duplicate d ? d.of() : a.id());
      List<ByteRange> ranges = new ArrayList<>();
      if (a instanceof Artifact.SlackData) {
        ranges.add(new ByteRange(ByteRange.Within.DISK_IMAGE, 1_118_310, 24, "file slack"));
      }
      FileTimes times = new FileTimes(
          Optional.of(a.times().modified().orElse(Instant.parse("2026-02-10T12:00:00Z"))),
          Optional.empty(), a.times().created());
      Optional<String> secret = Optional.ofNullable(SECRETS.get(a.id()));
      if (a instanceof Artifact.PlainFile f) {
        secret = f.text();
      }
      planted.add(new PlantedArtifact(a.id(), a.kind(), a.paths(), Optional.empty(),
          Optional.of((long) c.getBytes(StandardCharsets.UTF_8).length), hashes(c), ranges, secret, times,
          a.finding().orElse("The " + a.id() + ".")));
    }
    return new EvidenceFacts(planted, Map.of(FileType.JPEG, 27L), hashes(IMAGE_CONTENT));
  }

  /** The right answers, by question id, as written on a sheet (lists as YAML flow sequences). */
  static Map<String, String> rightAnswers() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("q1-image-hash", q(hex(IMAGE_CONTENT, HashAlgorithm.SHA256).toUpperCase()));
    a.put("q2-note-hash", q(hex(content("ransom-note"), HashAlgorithm.SHA256)));
    a.put("q3-mismatch", "[\"Music/track07.mp3\"]");
    a.put("q4-hidden", "[\".config/.wallet\", \"Documents/old/backup/2019/misc/drivers.txt\","
        + " \"DCIM/100CANON/IMG_0100.jpg\", \"Pictures/cat.png\"]");
    a.put("q5-jpeg-count", "\"27\"");
    a.put("q6-letter-time", "\"2026-02-14 21:37:12 Europe/Vienna\"");
    a.put("q7-password", "\"Tr0ub4dor&3\"");
    a.put("q8-company", "\"danube  logistics gmbh\"");
    a.put("q9-recover", "[\"chat.html\", \"carved.jpg\"]");
    a.put("q10-known-bad", q("sha1: " + hex(content("exploit-kit"), HashAlgorithm.SHA1)));
    a.put("q11-custody", "\"custody.jsonl\"");
    a.put("q12-chat-time", "\"2026-02-20T11:02:45+01:00\"");
    return a;
  }

  static String q(String s) {
    return "\"" + s + "\"";
  }

  static String sheet(Map<String, String> answers) {
    StringBuilder b = new StringBuilder("exercise: usb-stick-2026\nstudent-id: \"s1\"\nname: \"A Student\"\nanswers:\n");
    answers.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
    return b.toString();
  }

  /** Writes a perfect submission for {@code student} under {@code parent}; returns its folder. */
  static Path perfect(Path parent, String student) throws IOException {
    return submission(parent, student, rightAnswers(), List.of("received", "image-verified", "analysed", "sealed"),
        hashes(IMAGE_CONTENT));
  }

  /** A submission with these sheet answers, a ledger of these steps recording these hashes, and the recovered files. */
  static Path submission(Path parent, String student, Map<String, String> answers, List<String> steps, DigestSet recorded)
      throws IOException {
    Path dir = Files.createDirectories(parent.resolve(student));
    Files.writeString(dir.resolve("answer-sheet.yaml"), sheet(answers));
    Path rec = Files.createDirectories(dir.resolve("recovered"));
    Files.writeString(rec.resolve("chat.html"), content("deleted-chat"));
    Files.writeString(rec.resolve("carved.jpg"), content("carved-photo"));
    SigningKey k = CustodianKeys.generate(student);
    Files.writeString(dir.resolve(student + ".pub"), CustodianKeys.publicPem(k.custodian().key()));
    ledger(dir.resolve("custody.jsonl"), k, steps, recorded, parent);
    return dir;
  }

  static void ledger(Path file, SigningKey k, List<String> steps, DigestSet recorded, Path scratch) throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    Ledger l = Ledger.create(file, "CASE-1", Optional.of("USB stick"), k, List.of(), clock);
    Path image = Files.createTempFile(scratch, "image", ".img");
    Files.writeString(image, IMAGE_CONTENT);
    try {
      l.append(CustodyEvent.of(EventType.REGISTER, "EX-1",
          Map.of("description", "USB stick 32 MB", "location", "Lab 2", "seal", "S-100")).withHashes(recorded), k, null);
      for (String step : steps) {
        switch (step) {
          case "received" -> { }
          case "image-verified" -> l.append(new CustodyEvent(EventType.VERIFY, Optional.of("EX-1"), Map.of(), DigestSet.empty(),
              Optional.of(ItemRehash.compute(image, recorded, 1))), k, null);
          case "analysed" -> l.append(CustodyEvent.of(EventType.EXAMINE, "EX-1",
              Map.of("tool", "forensics", "purpose", "triage")), k, null);
          case "sealed" -> l.append(CustodyEvent.of(EventType.SEAL, "EX-1", Map.of("seal", "S-101")), k, null);
          default -> throw new IllegalArgumentException(step);
        }
      }
    } catch (dev.forensics.custody.CustodyViolationException e) {
      throw new IllegalStateException(e);
    } finally {
      Files.delete(image);
    }
  }
}
