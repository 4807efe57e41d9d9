package dev.forensics.custody;

import static dev.forensics.custody.CustodyFixtures.ALICE;
import static dev.forensics.custody.CustodyFixtures.BOB;
import static dev.forensics.custody.CustodyFixtures.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.checkpoint.Checkpoint;
import dev.forensics.checkpoint.NoteParseException;
import dev.forensics.checkpoint.NoteVerificationException;
import dev.forensics.checkpoint.NoteVerificationException.Reason;
import dev.forensics.checkpoint.SignedNote;
import dev.forensics.checkpoint.TlogConsistencyProof;
import dev.forensics.checkpoint.TlogProof;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleTree;
import dev.forensics.merkle.MerkleVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerProofsTest {

  @TempDir Path dir;
  Path file;
  Ledger ledger;
  final List<CustodianKey> aliceKey = List.of(ALICE.custodian().key());

  @BeforeEach
  void sampleLedger() throws Exception {
    file = dir.resolve("case.jsonl");
    ledger = CustodyFixtures.sample(file, new CustodyFixtures.Ticking());
  }

  private SignedNote checkpoint() throws Exception {
    LedgerCheckpoints.Signed s = LedgerCheckpoints.sign(file, List.of(), ALICE);
    assertThat(s.verification().intact()).isTrue();
    return s.checkpoint().orElseThrow();
  }

  private void note(int i) throws Exception {
    ledger.append(CustodyEvent.of(EventType.NOTE, null, Map.of("text", "note " + i)), CAROL, null);
  }

  @Test
  void origin_percentEncodesAllButUnreservedCharacters() {
    assertThat(LedgerCheckpoints.origin("2026-001")).isEqualTo("forensics.custody/2026-001");
    assertThat(LedgerCheckpoints.origin("KA 17/2026 ü+")).isEqualTo("forensics.custody/KA%2017%2F2026%20%C3%BC%2B");
  }

  @Test
  void checkpoint_bindsOriginSizeAndRootOfTheLines() throws Exception {
    SignedNote note = checkpoint();
    Checkpoint c = Checkpoint.parse(note.text());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    MerkleTree t = MerkleTree.create();
    lines.forEach(l -> t.append(l.getBytes(StandardCharsets.UTF_8)));
    assertThat(c.origin()).isEqualTo("forensics.custody/2026-001");
    assertThat(c.size()).isEqualTo(7);
    assertThat(c.root()).isEqualTo(t.root());
    assertThat(note.signatures()).singleElement().satisfies(s -> assertThat(s.keyName()).isEqualTo(c.origin()));
    // verified offline with alice's public key only
    LedgerProofs.Verified v = LedgerProofs.verify(note.toBytes(), aliceKey, Optional.of("2026-001"), Optional.empty());
    assertThat(v.kind()).isEqualTo(LedgerProofs.Kind.CHECKPOINT);
    assertThat(v.checkpoint()).isEqualTo(c);
  }

  @Test
  void sign_byANonCustodian_isRefused() throws Exception {
    SigningKey mallory = CustodianKeys.generate("mallory");
    assertThatThrownBy(() -> LedgerCheckpoints.sign(file, List.of(), mallory))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the key of a custodian");
  }

  @Test
  void sign_tamperedLedger_givesNoCheckpoint() throws Exception {
    List<String> lines = Files.readAllLines(file);
    lines.set(1, lines.get(1).replace("Store A", "Store B"));
    Files.write(file, lines);
    LedgerCheckpoints.Signed s = LedgerCheckpoints.sign(file, List.of(), ALICE);
    assertThat(s.checkpoint()).isEmpty();
    assertThat(s.verification().problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.SIGNATURE);
  }

  @Test
  void inclusion_everyEntry_roundTrip() throws Exception {
    SignedNote note = checkpoint();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      TlogProof p = LedgerProofs.inclusion(file, i, note);
      assertThat(new String(p.extra(), StandardCharsets.UTF_8)).isEqualTo(lines.get(i));
      TlogProof back = TlogProof.parse(p.toBytes());
      LedgerProofs.Verified v = LedgerProofs.verify(back.toBytes(), aliceKey, Optional.empty(), Optional.empty());
      assertThat(v.kind()).isEqualTo(LedgerProofs.Kind.INCLUSION);
      assertThat(v.entry().orElseThrow().seq()).isEqualTo(i);
    }
  }

  @Test
  void inclusion_proofSizesAreLogarithmic() throws Exception {
    for (int i = 0; i < 250; i++) {
      note(i);
    }
    SignedNote note = checkpoint();
    long n = Checkpoint.parse(note.text()).size();
    int ceilLog2 = 64 - Long.numberOfLeadingZeros(n - 1);
    for (long i : new long[] {0, 1, 100, n / 2, n - 2, n - 1}) {
      TlogProof p = LedgerProofs.inclusion(file, i, note);
      assertThat(p.hashes()).hasSizeLessThanOrEqualTo(ceilLog2)
          .hasSize(MerkleVerifier.inclusionProofLength(i, n));
    }
  }

  @Test
  void everyByteOfAnInclusionProofFile_mutated_isRejected() throws Exception {
    TlogProof p = LedgerProofs.inclusion(file, 5, checkpoint());
    byte[] good = p.toBytes();
    LedgerProofs.verify(good, aliceKey, Optional.of("2026-001"), Optional.empty());
    // every byte outside the entry's line, and every 5th byte of the (long) base64 line
    String text = new String(good, StandardCharsets.UTF_8);
    int extraFrom = text.indexOf("\nextra ") + 7;
    int extraTo = text.indexOf('\n', extraFrom);
    for (int i = 0; i < good.length; i++) {
      if (i > extraFrom && i < extraTo && (i - extraFrom) % 5 != 0) {
        continue;
      }
      byte[] bad = good.clone();
      bad[i] ^= 0x01;
      final int at = i;
      assertThatThrownBy(() -> LedgerProofs.verify(bad, aliceKey, Optional.of("2026-001"), Optional.empty()))
          .as("flipped bit 0 of byte %d", at)
          .isInstanceOfAny(NoteParseException.class, NoteVerificationException.class);
    }
  }

  @Test
  void verify_wrongKeyOrWrongCase_isRejectedWithTheReason() throws Exception {
    byte[] proof = LedgerProofs.inclusion(file, 1, checkpoint()).toBytes();
    assertThatThrownBy(() -> LedgerProofs.verify(proof, List.of(BOB.custodian().key()), Optional.empty(), Optional.empty()))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
    assertThatThrownBy(() -> LedgerProofs.verify(proof, aliceKey, Optional.of("2026-002"), Optional.empty()))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
  }

  @Test
  void inclusion_ofAnEntryOutsideTheCheckpoint_isRefused() throws Exception {
    SignedNote note = checkpoint();
    note(1);
    assertThatThrownBy(() -> LedgerProofs.inclusion(file, 7, note))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SIZE_MISMATCH));
    // entries appended after the checkpoint do not disturb proofs of the ones it holds
    LedgerProofs.verify(LedgerProofs.inclusion(file, 6, note).toBytes(), aliceKey, Optional.empty(), Optional.empty());
  }

  @Test
  void consistency_roundTrip_andSizes() throws Exception {
    SignedNote old = checkpoint();
    for (int i = 0; i < 100; i++) {
      note(i);
    }
    SignedNote newer = checkpoint();
    TlogConsistencyProof p = LedgerProofs.consistency(file, old, newer);
    assertThat(p.oldSize()).isEqualTo(7);
    assertThat(p.hashes()).hasSizeLessThanOrEqualTo(2 * 7).hasSize(MerkleVerifier.consistencyProofLength(7, 107));
    LedgerProofs.Verified v = LedgerProofs.verify(p.toBytes(), aliceKey, Optional.empty(), Optional.of(old));
    assertThat(v.kind()).isEqualTo(LedgerProofs.Kind.CONSISTENCY);
    assertThat(v.older().orElseThrow().size()).isEqualTo(7);
    assertThat(v.checkpoint().size()).isEqualTo(107);
    assertThatThrownBy(() -> LedgerProofs.verify(p.toBytes(), aliceKey, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void consistency_againstAForkedOldCheckpoint_isRejected() throws Exception {
    SignedNote old = checkpoint();
    for (int i = 0; i < 5; i++) {
      note(i);
    }
    SignedNote newer = checkpoint();
    // an old checkpoint of a different history: same size, another root, validly signed
    Checkpoint o = Checkpoint.parse(old.text());
    byte[] other = o.root().bytes();
    other[0] ^= 1;
    SignedNote forged = Checkpoint.of(o.origin(), o.size(), new MerkleHash(other))
        .sign(dev.forensics.checkpoint.NoteSigner.fromSeed(o.origin(), ALICE.parameters().getEncoded()));
    byte[] proof = LedgerProofs.consistency(file, old, newer).toBytes();
    assertThatThrownBy(() -> LedgerProofs.verify(proof, aliceKey, Optional.empty(), Optional.of(forged)))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH));
    // and making a proof from it is refused: the ledger does not have that root
    assertThatThrownBy(() -> LedgerProofs.consistency(file, forged, newer))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH));
  }

  @Test
  void verifyAgainstCheckpoint_intact_thenTruncated_thenForked() throws Exception {
    SignedNote cp = checkpoint();
    note(1);
    assertThat(LedgerCheckpoints.verify(file, List.of(), Optional.empty(), Optional.of(cp)).intact()).isTrue();

    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, 5));
    LedgerVerification cut = LedgerCheckpoints.verify(file, List.of(), Optional.empty(), Optional.of(cp));
    assertThat(cut.problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.CHECKPOINT);
    assertThat(cut.problem().get().message()).contains("the ledger has 5 entries but the checkpoint has 7")
        .contains("truncated or rolled back");

    // a fork: the same case written again at other times by the same custodians, every signature valid
    Files.delete(file);
    CustodyFixtures.Ticking other = new CustodyFixtures.Ticking(java.time.Instant.parse("2026-03-02T00:00:00Z"),
        java.time.ZoneOffset.UTC);
    CustodyFixtures.sample(file, other);
    LedgerVerification fork = LedgerCheckpoints.verify(file, List.of(), Optional.empty(), Optional.of(cp));
    assertThat(LedgerVerifier.verify(file, List.of(), Optional.empty(), e -> {}).intact()).isTrue();
    assertThat(fork.problem().orElseThrow().kind()).isEqualTo(LedgerProblem.Kind.CHECKPOINT);
    assertThat(fork.problem().get().message()).contains("the first 7 entries have Merkle root").contains("a fork");
  }

  @Test
  void verifyAgainstCheckpoint_ofAnotherCaseOrSigner_isNamed() throws Exception {
    SignedNote cp = checkpoint();
    Path other = dir.resolve("other.jsonl");
    Ledger.create(other, "2026-002", Optional.empty(), ALICE, List.of(), new CustodyFixtures.Ticking());
    LedgerVerification v = LedgerCheckpoints.verify(other, List.of(), Optional.empty(), Optional.of(cp));
    assertThat(v.problem().orElseThrow().message()).contains("is for \"forensics.custody/2026-001\"");

    Checkpoint c = Checkpoint.parse(cp.text());
    SignedNote byMallory = c.sign(dev.forensics.checkpoint.NoteSigner.fromSeed(c.origin(),
        CustodianKeys.generate("mallory").parameters().getEncoded()));
    LedgerVerification m = LedgerCheckpoints.verify(file, List.of(), Optional.empty(), Optional.of(byMallory));
    assertThat(m.problem().orElseThrow().message()).contains("not signed by a custodian of this ledger");
  }
}
