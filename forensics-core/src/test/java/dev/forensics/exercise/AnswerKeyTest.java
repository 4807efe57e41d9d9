package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerKeyTest {

  static AnswerKey exampleKey(Optional<Variant> variant) throws Exception {
    Scenario s = ExampleScenarioTest.read();
    return AnswerKey.resolve(s, variant, ExampleFacts.of(s));
  }

  static byte[] write(AnswerKey key) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AnswerKeyJson.write(key, out);
    return out.toByteArray();
  }

  static AnswerKey read(String json) throws Exception {
    return AnswerKeyJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "answer-key.json");
  }

  @Test
  void resolve_turnsReferencesIntoValues() throws Exception {
    AnswerKey key = exampleKey(Optional.of(Variant.number(2)));
    DigestSet image = ExampleFacts.hashes("the disk image");
    assertThat(key.seed()).isEqualTo(Variant.number(2).seed(20260301L));
    assertThat(key.totalPoints()).isEqualTo(new BigDecimal(36));
    assertThat(key.question("q1-image-hash").orElseThrow().expected()).isEqualTo(new ExpectedAnswer.Hash(
        image.get(HashAlgorithm.SHA256).orElseThrow(), ExpectedAnswer.HashSource.DISK_IMAGE, Optional.empty()));
    assertThat(((ExpectedAnswer.Hash) key.question("q10-known-bad").orElseThrow().expected()).value())
        .isEqualTo(ExampleFacts.hashes("content of exploit-kit").get(HashAlgorithm.SHA1).orElseThrow());
    ExpectedAnswer.FileSet mismatch = (ExpectedAnswer.FileSet) key.question("q3-mismatch").orElseThrow().expected();
    assertThat(mismatch.items()).extracting(i -> i.path().orElseThrow()).containsExactly("Music/track07.mp3");
    ExpectedAnswer.FileSet hidden = (ExpectedAnswer.FileSet) key.question("q4-hidden").orElseThrow().expected();
    assertThat(hidden.scoring()).isEqualTo(SetScoring.PER_ITEM);
    assertThat(hidden.items()).extracting(SetItem::artifact)
        .containsExactly("wallet-seed", "victim-list", "holiday-photo", "cat-picture");
    assertThat(key.question("q5-jpeg-count").orElseThrow().expected()).isEqualTo(new ExpectedAnswer.Count(27, 1));
    assertThat(key.question("q6-letter-time").orElseThrow().expected()).isEqualTo(new ExpectedAnswer.Timestamp(
        Instant.parse("2026-02-14T20:37:12Z"), Duration.ofSeconds(2), Optional.of(ZoneId.of("Europe/Vienna"))));
    assertThat(((ExpectedAnswer.Text) key.question("q7-password").orElseThrow().expected()).accepted())
        .containsExactly("Tr0ub4dor&3-slack-password");
    ExpectedAnswer.RecoveredFiles rec = (ExpectedAnswer.RecoveredFiles) key.question("q9-recover").orElseThrow().expected();
    assertThat(rec.items()).extracting(SetItem::path)
        .containsExactly(Optional.of("Documents/chat-export.html"), Optional.empty());
    assertThat(rec.items().get(1).sha256())
        .isEqualTo(ExampleFacts.hashes("content of carved-photo").get(HashAlgorithm.SHA256));
    assertThat(((ExpectedAnswer.Custody) key.question("q11-custody").orElseThrow().expected()).evidenceHashes())
        .isEqualTo(image);
    assertThat(key.artifacts()).hasSize(13);
  }

  @Test
  void json_roundTrips_andIsStable() throws Exception {
    for (Optional<Variant> v : List.of(Optional.<Variant>empty(), Optional.of(Variant.number(3)),
        Optional.of(Variant.student("ab12")))) {
      AnswerKey key = exampleKey(v);
      byte[] json = write(key);
      AnswerKey back = AnswerKeyJson.read(new ByteArrayInputStream(json), "answer-key.json");
      assertThat(back).isEqualTo(key);
      assertThat(write(back)).isEqualTo(json);
    }
  }

  static final Digest EMPTY_SHA256 =
      Digest.ofHex(HashAlgorithm.SHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  static AnswerKey smallKey() {
    PlantedArtifact note = new PlantedArtifact("note", ArtifactKind.SLACK_DATA, List.of("docs/a.txt"),
        Optional.of(FileType.TEXT), Optional.of(0L), DigestSet.of(EMPTY_SHA256),
        List.of(new ByteRange(ByteRange.Within.DISK_IMAGE, 4096, 12, "file slack")), Optional.of("hunter2"),
        new FileTimes(Optional.of(Instant.parse("2026-02-14T20:37:12Z")), Optional.empty(), Optional.empty()),
        "A password in the slack of docs/a.txt.");
    return new AnswerKey("mini", "Mini", 42, Optional.of(Variant.student("ab12")), Variant.student("ab12").seed(42),
        ZoneId.of("Europe/Vienna"), new BigDecimal("3.50"), new BigDecimal("2"),
        List.of(
            new KeyQuestion("q1", "What is the password?", new BigDecimal("1.5"),
                new ExpectedAnswer.Text(List.of("hunter2"), List.of(), true)),
            new KeyQuestion("q2", "When?", new BigDecimal("2"),
                new ExpectedAnswer.Timestamp(Instant.parse("2026-02-14T20:37:12Z"), Duration.ofSeconds(2), Optional.empty()))),
        List.of(note));
  }

  @Test
  void json_golden() throws Exception {
    String expected = """
        {
          "format": "forensics-answer-key",
          "version": 1,
          "exercise": {
            "id": "mini",
            "title": "Mini",
            "scenarioSeed": 42,
            "variant": "student:ab12",
            "seed": -9021556668152997468,
            "timeZone": "Europe/Vienna"
          },
          "totalPoints": 3.5,
          "passMark": 2,
          "questions": [
            {
              "id": "q1",
              "text": "What is the password?",
              "points": 1.5,
              "kind": "text",
              "expected": {
                "accepted": [
                  "hunter2"
                ],
                "regex": [],
                "caseSensitive": true
              }
            },
            {
              "id": "q2",
              "text": "When?",
              "points": 2,
              "kind": "timestamp",
              "expected": {
                "value": "2026-02-14T20:37:12Z",
                "window": "PT2S"
              }
            }
          ],
          "artifacts": [
            {
              "id": "note",
              "kind": "slack-data",
              "paths": [
                "docs/a.txt"
              ],
              "type": "text",
              "size": 0,
              "hashes": {
                "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
              },
              "ranges": [
                {
                  "within": "disk-image",
                  "offset": 4096,
                  "length": 12,
                  "what": "file slack"
                }
              ],
              "secret": "hunter2",
              "times": {
                "modified": "2026-02-14T20:37:12Z"
              },
              "finding": "A password in the slack of docs/a.txt."
            }
          ]
        }
        """;
    assertThat(new String(write(smallKey()), StandardCharsets.UTF_8)).isEqualTo(expected);
    String doc = java.nio.file.Files.readString(ExampleScenarioTest.example().getParent().getParent().resolve("formats.md"));
    assertThat(doc).as("docs/formats.md shows this key").contains("```json\n" + expected + "```\n");
    assertThat(read(expected)).isEqualTo(smallKey());
  }

  @Test
  void read_errors_nameTheField() throws Exception {
    String good = new String(write(smallKey()), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(good.replace("\"version\": 1", "\"version\": 2")))
        .isInstanceOf(AnswerKeyException.class)
        .hasMessage("answer-key.json: version: must be 1 (this version of forensics reads answer keys of version 1)");
    assertThatThrownBy(() -> read(good.replace("\"window\": \"PT2S\"", "\"window\": \"2s\"")))
        .hasMessage("answer-key.json: questions[1].expected.window: must be an ISO-8601 duration like PT2S, got '2s'");
    assertThatThrownBy(() -> read(good.replace("\"value\": \"2026-02-14T20:37:12Z\"", "\"value\": \"2026-02-14T21:37:12+01:00\"")))
        .hasMessage("answer-key.json: questions[1].expected.value: must be a UTC time ending in Z, got '2026-02-14T21:37:12+01:00'");
    assertThatThrownBy(() -> read(good.replace("\"caseSensitive\"", "\"caseSensitiv\"")))
        .hasMessage("answer-key.json: questions[0].expected.caseSensitiv: unknown field (known here: accepted, regex, caseSensitive)");
    assertThatThrownBy(() -> read(good.replace("e3b0c442", "e3b0c44")))
        .hasMessage("answer-key.json: artifacts[0].hashes.sha256: sha256 digest must be 64 hex digits, got 63");
    assertThatThrownBy(() -> read(good.replace("\"totalPoints\": 3.5", "\"totalPoints\": 4")))
        .hasMessage("answer-key.json: total points 4 is not the sum of the questions' points 3.5");
    assertThatThrownBy(() -> read(good.replace("\"points\": 2,", "\"points\": \"2\",")))
        .hasMessage("answer-key.json: questions[1].points: must be a number");
    assertThatThrownBy(() -> read(good.replace("\"passMark\": 2,", "\"passMark\": 2,\n  \"passMark\": 3,")))
        .hasMessageStartingWith("answer-key.json: not valid JSON: Duplicate field 'passMark'");
    assertThatThrownBy(() -> read(good + "{}"))
        .hasMessage("answer-key.json: text after the JSON object");
    assertThatThrownBy(() -> read("[]"))
        .hasMessage("answer-key.json: must be an object");
  }

  @Test
  void resolve_missingFacts_areNamed() throws Exception {
    Scenario s = ExampleScenarioTest.read();
    EvidenceFacts full = ExampleFacts.of(s);
    EvidenceFacts noImage = new EvidenceFacts(full.artifacts(), full.filesByType(), DigestSet.empty());
    assertThatThrownBy(() -> AnswerKey.resolve(s, Optional.empty(), noImage))
        .hasMessage("question 'q1-image-hash': the disk image has no sha256 in the facts");
    EvidenceFacts noCounts = new EvidenceFacts(full.artifacts(), Map.of(), full.diskImage());
    assertThatThrownBy(() -> AnswerKey.resolve(s, Optional.empty(), noCounts))
        .hasMessage("question 'q5-jpeg-count': the facts have no count of jpeg files");
    EvidenceFacts missing = new EvidenceFacts(full.artifacts().subList(1, 12), full.filesByType(), full.diskImage());
    assertThatThrownBy(() -> AnswerKey.resolve(s, Optional.empty(), missing))
        .hasMessage("artifact 'ransom-note' is missing from the evidence facts");
  }
}
