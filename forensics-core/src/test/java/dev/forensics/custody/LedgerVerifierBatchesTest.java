package dev.forensics.custody;

import static dev.forensics.custody.CustodyFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger long enough for many signature batches on worker threads: the first problem still wins. */
class LedgerVerifierBatchesTest {

  @TempDir Path dir;
  Path file;
  List<String> lines;

  @BeforeEach
  void longLedger() throws Exception {
    file = dir.resolve("long.jsonl");
    Ledger l = Ledger.create(file, "2026-LONG", Optional.empty(), ALICE, List.of(), new CustodyFixtures.Ticking());
    List<CustodyEvent> notes = new ArrayList<>();
    // past 1,024 entries: the later batches are checked with libsodium first when the machine has it
    for (int i = 1; i < 1300; i++) {
      notes.add(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "note " + i)));
    }
    l.appendAll(notes, ALICE);
    lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The line with one base64 character of its signature changed: still canonical JSON, a forged signature. */
  private String forged(int seq) {
    String line = lines.get(seq);
    int at = line.indexOf("\"sig\":\"") + 10;
    char c = line.charAt(at);
    return line.substring(0, at) + (c == 'A' ? 'B' : 'A') + line.substring(at + 1);
  }

  private LedgerVerification verify() throws Exception {
    Files.write(file, lines, StandardCharsets.UTF_8);
    return LedgerVerifier.verify(file, List.of(), Optional.empty(), e -> {});
  }

  @Test
  void intact_andTheMerkleLeavesAreEveryLineInOrder() throws Exception {
    MerkleTree t = MerkleTree.create();
    LedgerVerification v = LedgerVerifier.verify(file, List.of(), Optional.empty(), e -> t.append(e.canonical()));
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(1300);
    MerkleTree expected = MerkleTree.create();
    lines.forEach(l -> expected.append(l.getBytes(StandardCharsets.UTF_8)));
    assertThat(t.root()).isEqualTo(expected.root());
  }

  @Test
  void twoForgedSignatures_inDifferentBatches_theFirstIsNamed() throws Exception {
    for (int seq : new int[] {5, 17, 90, 333}) {
      List<String> good = new ArrayList<>(lines);
      lines.set(seq, forged(seq));
      lines.set(650, forged(650));
      LedgerVerification v = verify();
      assertThat(v.problem().orElseThrow().kind()).as("forged at %d", seq).isEqualTo(LedgerProblem.Kind.SIGNATURE);
      assertThat(v.problem().get().seq()).isEqualTo(seq);
      assertThat(v.entries()).isEqualTo(seq);
      lines = good;
    }
  }

  @Test
  void forgedSignaturesPastTheFirstThousandEntries_areFound() throws Exception {
    for (int seq : new int[] {1030, 1299}) {
      List<String> good = new ArrayList<>(lines);
      lines.set(seq, forged(seq));
      LedgerVerification v = verify();
      assertThat(v.problem().orElseThrow().kind()).as("forged at %d", seq).isEqualTo(LedgerProblem.Kind.SIGNATURE);
      assertThat(v.problem().get().seq()).isEqualTo(seq);
      assertThat(v.entries()).isEqualTo(seq);
      lines = good;
    }
  }

  @Test
  void forgedSignatureAfterASequenceProblem_theSequenceProblemIsNamed() throws Exception {
    lines.set(600, forged(600));
    lines.remove(200);
    LedgerVerification v = verify();
    assertThat(v.problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.SEQUENCE);
    assertThat(v.problem().get().line()).isEqualTo(201);
  }

  @Test
  void forgedSignatureBeforeASequenceProblem_theSignatureIsNamed() throws Exception {
    lines.set(100, forged(100));
    lines.remove(400);
    LedgerVerification v = verify();
    assertThat(v.problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.SIGNATURE);
    assertThat(v.problem().get().seq()).isEqualTo(100);
  }

  @Test
  void impossibleDate_isAFieldsProblem() throws Exception {
    for (String bad : List.of("2026-02-30T10:00:00.000Z", "2025-02-29T10:00:00.000Z", "2026-01-01T24:00:00.000Z",
        "2026-13-01T10:00:00.000Z", "2026-01-01T10:60:00.000Z")) {
      List<String> good = new ArrayList<>(lines);
      String line = lines.get(50);
      lines.set(50, line.replaceFirst("\"time\":\"[^\"]+\"", "\"time\":\"" + bad + "\""));
      LedgerVerification v = verify();
      assertThat(v.problem().orElseThrow().kind()).as(bad).isEqualTo(LedgerProblem.Kind.FIELDS);
      assertThat(v.problem().get().message()).isEqualTo("'time' is not a valid date: '" + bad + "'");
      assertThat(v.problem().get().seq()).isEqualTo(50);
      lines = good;
    }
  }
}
