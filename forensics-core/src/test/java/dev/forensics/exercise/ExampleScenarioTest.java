package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.hash.HashAlgorithm;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed example scenario parses and covers every artifact and answer kind. */
class ExampleScenarioTest {

  static Path example() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("docs/examples/usb-stick.scenario.yaml"))) {
      p = p.getParent();
    }
    assertThat(p).as("repository root with docs/examples").isNotNull();
    return p.resolve("docs/examples/usb-stick.scenario.yaml");
  }

  static Scenario read() throws Exception {
    return ScenarioReader.read(example());
  }

  @Test
  void example_parses_withEveryKind() throws Exception {
    Scenario s = read();
    assertThat(s.info().id()).isEqualTo("usb-stick-2026");
    assertThat(s.info().seed()).isEqualTo(20260301L);
    assertThat(s.info().timeZone()).isEqualTo(ZoneId.of("Europe/Vienna"));
    assertThat(s.info().timeWindow().start()).isEqualTo(Instant.parse("2026-02-01T07:00:00Z"));
    assertThat(s.evidence().folder()).contains("evidence");
    assertThat(s.evidence().diskImage().orElseThrow())
        .isEqualTo(new DiskImageSpec("usb-stick.img", FatType.FAT16, 32L * 1024 * 1024, "COURIER"));
    assertThat(s.background()).hasSize(4);
    assertThat(s.background().get(0).name().render(7, "x", java.time.LocalDate.of(2026, 2, 3)))
        .isEqualTo("IMG_0007.jpg");
    assertThat(s.background().get(1).folder().render(1, "x", java.time.LocalDate.of(2026, 2, 3)))
        .isEqualTo("Documents/2026-02");
    assertThat(s.background().get(3).folder().text()).isEmpty();

    Set<ArtifactKind> artifactKinds =
        s.artifacts().stream().map(Artifact::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(ArtifactKind.class)));
    assertThat(artifactKinds).containsExactlyInAnyOrder(ArtifactKind.values());
    Set<AnswerKind> answerKinds =
        s.questions().stream().map(q -> q.answer().kind()).collect(Collectors.toCollection(() -> EnumSet.noneOf(AnswerKind.class)));
    assertThat(answerKinds).containsExactlyInAnyOrder(AnswerKind.values());

    assertThat(s.totalPoints()).isEqualByComparingTo("36");
    assertThat(s.passMark()).isEqualByComparingTo(new BigDecimal(24));
  }

  @Test
  void example_artifactsAndAnswers_haveTheirParameters() throws Exception {
    Scenario s = read();
    Artifact.PlainFile note = (Artifact.PlainFile) s.artifact("ransom-note").orElseThrow();
    assertThat(note.times().modified()).contains(Instant.parse("2026-02-14T20:37:12Z"));
    assertThat(note.text().orElseThrow()).startsWith("Pay 4 BTC");
    assertThat(((Artifact.Renamed) s.artifact("payroll-as-mp3").orElseThrow()).type()).isEqualTo(FileType.XLSX);
    assertThat(((Artifact.Hidden) s.artifact("victim-list").orElseThrow()).hiding())
        .isEqualTo(Artifact.Hiding.DEEP_PATH);
    assertThat(((Artifact.EmbeddedArchive) s.artifact("cat-picture").orElseThrow()).entries())
        .containsExactly("plans/target.docx", "plans/floorplan.pdf");
    assertThat(((Artifact.EncryptedContainer) s.artifact("vault").orElseThrow()).sizeBytes()).isEqualTo(2L << 20);
    assertThat(((Artifact.KnownBad) s.artifact("exploit-kit").orElseThrow()).hashSet()).isEqualTo("notable-hashes.txt");
    assertThat(s.artifact("note-copies").orElseThrow().paths())
        .containsExactly("Documents/draft.txt", "Music/lyrics.txt");
    assertThat(s.artifact("carved-photo").orElseThrow().paths()).isEmpty();

    assertThat(s.question("q1-image-hash").orElseThrow().answer())
        .isEqualTo(new Answer.Hash(HashAlgorithm.SHA256, new Answer.OfDiskImage()));
    assertThat(s.question("q5-jpeg-count").orElseThrow().answer())
        .isEqualTo(new Answer.Count(Optional.empty(), java.util.List.of(), java.util.List.of(FileType.JPEG), 1));
    Answer.Timestamp t = (Answer.Timestamp) s.question("q6-letter-time").orElseThrow().answer();
    assertThat(t.window()).isEqualTo(Duration.ofSeconds(2));
    assertThat(t.assumeZone()).contains(ZoneId.of("Europe/Vienna"));
    Answer.Text company = (Answer.Text) s.question("q8-company").orElseThrow().answer();
    assertThat(company.regex()).containsExactly("(?i)danube\\s+logistics( gmbh)?");
    assertThat(((Answer.Custody) s.question("q11-custody").orElseThrow().answer()).steps())
        .containsExactly("received", "image-verified", "analysed", "sealed");
  }

  @Test
  void formatsDoc_quotesTheExampleVerbatim() throws Exception {
    String example = Files.readString(example());
    String doc = Files.readString(example().getParent().getParent().resolve("formats.md"));
    assertThat(doc).contains("## Scenario files").contains("```yaml\n" + example + "```\n");
  }
}
