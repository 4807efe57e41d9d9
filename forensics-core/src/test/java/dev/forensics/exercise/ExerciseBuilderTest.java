package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.hash.AuditStatus;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseBuilderTest {

  static Scenario example;
  /** The example built once as variant 2 (the full example takes seconds): tests only read it. */
  static Path built;

  @BeforeAll
  static void buildOnce(@TempDir Path shared) throws Exception {
    example = ExampleScenarioTest.read();
    built = shared.resolve("v2");
    ExerciseBuilder.build(example, Optional.of(Variant.number(2)), Optional.empty(), built,
        ExerciseBuilder.Options.defaults());
  }

  /** A private copy of the shared build, for tests that change it. */
  static Path copyOfBuilt(Path tmp) throws IOException {
    Path copy = tmp.resolve("copy");
    try (Stream<Path> all = Files.walk(built)) {
      for (Path p : all.toList()) {
        Files.copy(p, copy.resolve(built.relativize(p).toString()));
      }
    }
    return copy;
  }

  /** Every regular file under {@code dir}, as sorted relative paths. */
  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  /** Asserts that two folders hold the same files with the same bytes. */
  static void assertSameTree(Path a, Path b) throws IOException {
    List<String> fa = files(a);
    assertThat(files(b)).isEqualTo(fa);
    for (String f : fa) {
      assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
    }
  }

  @Test
  void build_sameScenarioSeedVariant_byteIdentical_andChecks(@TempDir Path tmp) throws Exception {
    Path one = built;
    Path two = tmp.resolve("two");
    ExerciseSet a = ExerciseBuilder.build(example, Optional.of(Variant.number(2)), Optional.empty(), two,
        ExerciseBuilder.Options.defaults());
    assertSameTree(one, two);
    assertThat(files(one)).contains("MANIFEST", "custody.jsonl", "answer-key.json", "handout.md",
        "answer-sheet.yaml", "notable-hashes.txt", "usb-stick.img", "evidence/Documents/letter.txt");
    assertThat(a.trainingKey()).isTrue();
    ExerciseCheck check = ExerciseChecker.check(one);
    assertThat(check.problems()).isEmpty();
    assertThat(check.passed()).isTrue();
    assertThat(check.ledger().orElseThrow().intact()).isTrue();
  }

  @Test
  void build_otherVariant_otherSecrets(@TempDir Path tmp) throws Exception {
    ExerciseBuilder.build(example, Optional.of(Variant.number(1)), Optional.empty(), tmp.resolve("v1"),
        ExerciseBuilder.Options.defaults());
    AnswerKey k1 = key(tmp.resolve("v1"));
    AnswerKey k2 = key(built);
    assertThat(k1.artifact("slack-password").orElseThrow().secret())
        .isNotEqualTo(k2.artifact("slack-password").orElseThrow().secret());
    assertThat(Files.mismatch(tmp.resolve("v1/usb-stick.img"), built.resolve("usb-stick.img"))).isNotEqualTo(-1L);
  }

  static AnswerKey key(Path set) throws Exception {
    try (var in = Files.newInputStream(set.resolve("answer-key.json"))) {
      return AnswerKeyJson.read(in, "answer-key.json");
    }
  }

  @Test
  void answerKey_rangesAndHashes_matchTheBytesWritten() throws Exception {
    Path tmp = built;
    AnswerKey key = key(tmp);
    Path image = tmp.resolve("usb-stick.img");
    // every live artifact file in the folder has the key's SHA-256
    for (PlantedArtifact a : key.artifacts()) {
      if (a.kind().diskOnly()) {
        continue;
      }
      for (String p : a.paths()) {
        assertThat(sha256(Files.readAllBytes(tmp.resolve("evidence").resolve(p)))).as(a.id() + " " + p)
            .isEqualTo(hex(a, HashAlgorithm.SHA256));
      }
    }
    // the deleted file's data and the carved data lie in the image where the key says
    PlantedArtifact deleted = key.artifact("deleted-chat").orElseThrow();
    ByteRange data = deleted.ranges().stream().filter(r -> r.what().equals("deleted file data")).findFirst().orElseThrow();
    assertThat(sha256(read(image, data))).isEqualTo(hex(deleted, HashAlgorithm.SHA256));
    PlantedArtifact carved = key.artifact("carved-photo").orElseThrow();
    assertThat(carved.paths()).isEmpty();
    assertThat(sha256(read(image, carved.ranges().get(0)))).isEqualTo(hex(carved, HashAlgorithm.SHA256));
    PlantedArtifact slack = key.artifact("slack-password").orElseThrow();
    assertThat(new String(read(image, slack.ranges().get(0)), StandardCharsets.UTF_8)).isEqualTo(slack.secret().orElseThrow());
    // appended data: the payload range holds the secret text
    PlantedArtifact appended = key.artifact("holiday-photo").orElseThrow();
    byte[] photo = Files.readAllBytes(tmp.resolve("evidence/DCIM/100CANON/IMG_0100.jpg"));
    ByteRange secret = appended.ranges().get(1);
    assertThat(new String(photo, (int) secret.offset(), (int) secret.length(), StandardCharsets.UTF_8))
        .isEqualTo(appended.secret().orElseThrow());
    // the chosen text and time of the ransom note
    assertThat(Files.readString(tmp.resolve("evidence/Documents/letter.txt")))
        .startsWith("Pay 4 BTC to the wallet below");
    assertThat(Files.getLastModifiedTime(tmp.resolve("evidence/Documents/letter.txt")).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-02-14T20:37:12Z"));
    // the notable hash set lists the known-bad file
    assertThat(Files.readString(tmp.resolve("notable-hashes.txt")))
        .contains(hex(key.artifact("exploit-kit").orElseThrow(), HashAlgorithm.SHA256));
    // counts: 24 background JPEGs + the appended-data carrier (+ the carved one is not a file)
    assertThat(((ExpectedAnswer.Count) key.question("q5-jpeg-count").orElseThrow().expected()).value()).isEqualTo(25);
  }

  @Test
  void check_changedFile_isReported(@TempDir Path dir) throws Exception {
    Path tmp = copyOfBuilt(dir);
    Files.writeString(tmp.resolve("evidence/Documents/letter.txt"), "forged\n");
    Files.writeString(tmp.resolve("extra.txt"), "new\n");
    ExerciseCheck check = ExerciseChecker.check(tmp);
    assertThat(check.passed()).isFalse();
    assertThat(check.problems()).extracting(e -> e.status() + " " + e.path())
        .containsExactlyInAnyOrder("CHANGED evidence/Documents/letter.txt", "NEW extra.txt");
  }

  @Test
  void build_nonEmptyFolder_refusedUnlessForce(@TempDir Path tmp) throws Exception {
    Scenario example = ScenarioReader.read(minimal("    path: a/note.txt\n").getBytes(StandardCharsets.UTF_8), "s.yaml");
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> ExerciseBuilder.build(example, Optional.empty(), Optional.empty(), tmp,
        ExerciseBuilder.Options.defaults()))
        .isInstanceOf(BuildException.class).hasMessageContaining("not empty").hasMessageContaining("--force");
    assertThat(files(tmp)).containsExactly("notes.txt");
    ExerciseBuilder.build(example, Optional.empty(), Optional.empty(), tmp, new ExerciseBuilder.Options(true, Optional.empty()));
    // a second forced build replaces the first, keeps foreign files, and gives the same bytes
    byte[] manifest = Files.readAllBytes(tmp.resolve("MANIFEST"));
    ExerciseBuilder.build(example, Optional.empty(), Optional.empty(), tmp, new ExerciseBuilder.Options(true, Optional.empty()));
    assertThat(Files.readAllBytes(tmp.resolve("MANIFEST"))).isEqualTo(manifest);
    assertThat(Files.readString(tmp.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void build_force_removesASymbolicLinkItWouldWriteThrough_neverItsTarget(@TempDir Path tmp) throws Exception {
    Scenario s = ScenarioReader.read(minimal("    path: a/note.txt\n").getBytes(StandardCharsets.UTF_8), "s.yaml");
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "keep");
    Path out = Files.createDirectory(tmp.resolve("out"));
    try {
      Files.createSymbolicLink(out.resolve("evidence"), outside);
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "no symbolic links here: " + e);
    }
    ExerciseBuilder.build(s, Optional.empty(), Optional.empty(), out, new ExerciseBuilder.Options(true, Optional.empty()));
    assertThat(files(outside)).containsExactly("keep.txt");
    assertThat(Files.isSymbolicLink(out.resolve("evidence"))).isFalse();
    assertThat(out.resolve("evidence/a/note.txt")).exists();
  }

  @Test
  void outputFolder_refusesNamesLeavingIt(@TempDir Path tmp) throws Exception {
    OutputFolder out = OutputFolder.prepare(tmp.resolve("out"), false, List.of());
    for (String bad : List.of("../x", "/etc/passwd", "a/../../x", "a\\..\\x", "", "a//b", "C:x")) {
      assertThatThrownBy(() -> out.resolve(bad)).as(bad).isInstanceOf(BuildException.class)
          .hasMessageContaining("refusing to write");
    }
    assertThat(out.resolve("a/b.txt")).isEqualTo(tmp.resolve("out/a/b.txt").toAbsolutePath().normalize());
  }

  @Test
  void build_traversalInScenario_refusedWithLine() {
    String yaml = minimal("    path: ../../outside.txt\n");
    assertThatThrownBy(() -> ScenarioReader.read(yaml.getBytes(StandardCharsets.UTF_8), "bad.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("bad.yaml:18: artifacts[0].path:")
        .hasMessageContaining("'..'");
    String absolute = minimal("    path: /etc/outside.txt\n");
    assertThatThrownBy(() -> ScenarioReader.read(absolute.getBytes(StandardCharsets.UTF_8), "bad.yaml"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("bad.yaml:18: artifacts[0].path:")
        .hasMessageContaining("relative");
  }

  @Test
  void build_collidingPaths_refused(@TempDir Path tmp) throws Exception {
    String yaml = minimal("    path: notes-1.txt\n").replace("background: []\n",
        "background:\n  - {type: text, count: 2, name: \"notes-{n}.txt\"}\n");
    Scenario s = ScenarioReader.read(yaml.getBytes(StandardCharsets.UTF_8), "s.yaml");
    assertThatThrownBy(() -> ExerciseBuilder.build(s, Optional.empty(), Optional.empty(), tmp.resolve("o"),
        ExerciseBuilder.Options.defaults()))
        .isInstanceOf(BuildException.class)
        .hasMessage("two files at path 'notes-1.txt' (names compared ignoring case): background text file 1 of group 1 and artifact 'note'");
  }

  @Test
  void build_imageTooSmall_refused_andNothingHalfMadeLeft(@TempDir Path tmp) throws Exception {
    String yaml = minimal("    path: a/note.txt\n")
        .replace("  folder: evidence\n", "  folder: evidence\n  disk-image: {file: tiny.img, fat: fat12, size: 64 KiB}\n")
        .replace("background: []\n", "background:\n  - {type: pdf, count: 40, name: \"doc-{n}.pdf\"}\n");
    Scenario s = ScenarioReader.read(yaml.getBytes(StandardCharsets.UTF_8), "s.yaml");
    Path out = tmp.resolve("o");
    assertThatThrownBy(() -> ExerciseBuilder.build(s, Optional.empty(), Optional.empty(), out,
        ExerciseBuilder.Options.defaults()))
        .isInstanceOf(BuildException.class)
        .hasMessageStartingWith("disk image tiny.img: ")
        .hasMessageContaining("too small");
    assertThat(files(out)).isEmpty();
  }

  @Test
  void buildRoster_oneFolderPerStudent_ownKeys(@TempDir Path tmp) throws Exception {
    Scenario s = ScenarioReader.read(minimal("    path: a/note.txt\n").getBytes(StandardCharsets.UTF_8), "s.yaml");
    Roster roster = Roster.read("student-id,name\nab12,\"Okafor, Ada\"\ncd34,Bui Thi Lan\n".getBytes(StandardCharsets.UTF_8), "r.csv");
    List<ExerciseSet> sets = ExerciseBuilder.buildRoster(s, roster, tmp, ExerciseBuilder.Options.defaults());
    assertThat(sets).hasSize(2);
    assertThat(Files.readString(tmp.resolve("ab12/handout.md"))).contains("Student: Okafor, Ada").contains("student:ab12");
    assertThat(Files.readString(tmp.resolve("ab12/evidence/a/note.txt")))
        .isNotEqualTo(Files.readString(tmp.resolve("cd34/evidence/a/note.txt")));
    String k1 = new ArrayList<>(Files.readAllLines(tmp.resolve("ab12/custody.jsonl"))).get(0);
    String k2 = new ArrayList<>(Files.readAllLines(tmp.resolve("cd34/custody.jsonl"))).get(0);
    assertThat(k1).isNotEqualTo(k2);
    assertThat(ExerciseChecker.check(tmp.resolve("cd34")).passed()).isTrue();
  }

  static String minimal(String artifactPath) {
    return """
        version: 1
        id: mini
        title: Mini
        description: A small test.
        topic: Testing
        seed: 42
        time-zone: UTC
        time-window:
          start: 2026-02-01T00:00:00Z
          end: 2026-02-02T00:00:00Z
        evidence:
          folder: evidence
        background: []
        artifacts:
          - id: note
            kind: file
            type: text
        """ + artifactPath + """
        questions:
          - id: q1
            text: What is the SHA-256 of the note?
            points: 1
            answer: {kind: hash, algorithm: sha256, artifact: note}
        pass-mark: 1
        """;
  }

  static byte[] read(Path image, ByteRange r) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "r")) {
      byte[] b = new byte[(int) r.length()];
      f.seek(r.offset());
      f.readFully(b);
      return b;
    }
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static String hex(PlantedArtifact a, HashAlgorithm alg) {
    return HexFormat.of().formatHex(a.hashes().get(alg).orElseThrow().value());
  }
}
