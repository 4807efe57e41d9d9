package dev.forensics.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.checkpoint.NoteVerificationException.Reason;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checkpoints, tlog-proof files and consistency-proof files built from a real tree and signer. */
class ProofFilesTest {

  static final String ORIGIN = "forensics.example/case-2024-17";
  static final SecureRandom RANDOM = new SecureRandom();
  static NoteSigner signer;
  static NoteVerifier verifier;
  static MerkleTree tree;

  @BeforeAll
  static void setUp() {
    signer = NoteSigner.generate(ORIGIN, RANDOM);
    verifier = NoteVerifier.of(signer.verifierKey());
    tree = MerkleTree.create();
    for (int i = 0; i < 41; i++) {
      tree.append(("custody event " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  static SignedNote signedCheckpoint(long size) {
    return Checkpoint.of(ORIGIN, size, tree.root(size)).sign(signer);
  }

  @Test
  void checkpointBody_exactFormat() throws Exception {
    MerkleHash root = tree.root(5);
    Checkpoint c = Checkpoint.of(ORIGIN, 5, root);
    assertThat(c.body()).isEqualTo(ORIGIN + "\n5\n" + root.base64() + "\n");
    assertThat(Checkpoint.parse(c.body())).isEqualTo(c);
    Checkpoint ext = new Checkpoint(ORIGIN, 5, root, List.of("timestamp 2026-01-01T00:00:00Z"));
    assertThat(Checkpoint.parse(ext.body())).isEqualTo(ext);
    assertThat(Checkpoint.of(ORIGIN, 0, MerkleHash.emptyTree()).body())
        .isEqualTo(ORIGIN + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
  }

  @Test
  void checkpointParse_errorsNameTheLine() {
    String root = tree.root(5).base64();
    assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n05\n" + root + "\n"))
        .hasMessage("line 2: tree size must be a decimal number without leading zeros, got \"05\"");
    assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n-5\n" + root + "\n"))
        .hasMessage("line 2: tree size must be a decimal number without leading zeros, got \"-5\"");
    assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n99999999999999999999\n" + root + "\n"))
        .hasMessage("line 2: tree size is too large: 99999999999999999999");
    assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n5\n"))
        .hasMessage("line 2: a checkpoint needs at least three lines (origin, size, root hash), got 2");
    assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n5\nAAAA\n"))
        .hasMessage("line 3: root hash must be 32 bytes, got 3");
    assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n5\n" + root + "\n\nx\n"))
        .hasMessage("line 4: empty line in checkpoint text");
    assertThatThrownBy(() -> Checkpoint.parse("\n5\n" + root + "\n"))
        .hasMessage("line 1: empty line in checkpoint text");
    assertThatThrownBy(() -> Checkpoint.parse(ORIGIN + "\n5\n" + root))
        .hasMessage("line 3: checkpoint text must end with a newline");
  }

  @Test
  void signedCheckpoint_opens_andBindsOriginSizeRoot() throws Exception {
    SignedNote note = signedCheckpoint(41);
    Checkpoint c = Checkpoint.open(note.toBytes(), ORIGIN, verifier);
    assertThat(c).isEqualTo(Checkpoint.of(ORIGIN, 41, tree.root()));
    assertThatThrownBy(() -> Checkpoint.open(note.toBytes(), "other.example/log", verifier))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ORIGIN_MISMATCH))
        .hasMessage("checkpoint origin \"" + ORIGIN + "\" is not the expected \"other.example/log\"");
    NoteVerifier stranger = NoteVerifier.of(NoteSigner.generate(ORIGIN, RANDOM).verifierKey());
    assertThatThrownBy(() -> Checkpoint.open(note.toBytes(), ORIGIN, stranger))
        .isInstanceOfSatisfying(NoteVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
  }

  @Test
  void tlogProof_everyIndex_roundTripsAndVerifies() throws Exception {
    for (long size : new long[] {1, 2, 7, 32, 41}) {
      SignedNote note = signedCheckpoint(size);
      for (long i = 0; i < size; i++) {
        TlogProof p = TlogProof.of(tree.inclusionProof(i, size), note);
        byte[] file = p.toBytes();
        TlogProof parsed = TlogProof.parse(file);
        assertThat(parsed).isEqualTo(p);
        assertThat(parsed.toBytes()).isEqualTo(file);
        Checkpoint c = parsed.verify(tree.leafHash(i), ORIGIN, verifier);
        assertThat(c.size()).isEqualTo(size);
      }
    }
  }

  @Test
  void tlogProof_exactText() throws Exception {
    SignedNote note = signedCheckpoint(3);
    TlogProof p = TlogProof.of(tree.inclusionProof(2, 3), note);
    assertThat(p.encode()).isEqualTo("c2sp.org/tlog-proof@v1\nindex 2\n" + tree.root(2).base64() + "\n\n" + note.encode());
    TlogProof withExtra = new TlogProof(new byte[] {1, 2, 3}, 2, p.hashes(), note);
    assertThat(withExtra.encode()).startsWith("c2sp.org/tlog-proof@v1\nextra AQID\nindex 2\n");
    assertThat(TlogProof.parse(withExtra.toBytes())).isEqualTo(withExtra);
  }

  @Test
  void tlogProof_failures_nameTheReason() throws Exception {
    SignedNote note = signedCheckpoint(41);
    TlogProof p = TlogProof.of(tree.inclusionProof(7, 41), note);
    assertReason(() -> p.verify(tree.leafHash(8), ORIGIN, verifier), Reason.ROOT_MISMATCH);
    assertReason(() -> p.verify(tree.leafHash(7), "x.example", verifier), Reason.ORIGIN_MISMATCH);
    assertReason(() -> p.verify(tree.leafHash(7), ORIGIN,
        NoteVerifier.of(NoteSigner.generate(ORIGIN, RANDOM).verifierKey())), Reason.UNKNOWN_KEY);
    assertReason(() -> new TlogProof(null, 41, p.hashes(), note).verify(tree.leafHash(7), ORIGIN, verifier),
        Reason.SIZE_MISMATCH);
    assertReason(() -> new TlogProof(null, 7, p.hashes().subList(1, p.hashes().size()), note)
        .verify(tree.leafHash(7), ORIGIN, verifier), Reason.BAD_PROOF);
    // a proof for the right leaf but against a checkpoint of another size
    TlogProof stale = new TlogProof(null, 7, tree.inclusionProof(7, 40).hashes(), note);
    assertThatThrownBy(() -> stale.verify(tree.leafHash(7), ORIGIN, verifier))
        .isInstanceOf(NoteVerificationException.class);
  }

  @Test
  void tlogProof_parseErrors_nameTheLine() throws Exception {
    String cp = signedCheckpoint(41).encode();
    String h = tree.root(1).base64();
    assertParse("c2sp.org/tlog-proof@v2\nindex 1\n\n" + cp, "line 1: expected \"c2sp.org/tlog-proof@v1\", got \"c2sp.org/tlog-proof@v2\"");
    assertParse("c2sp.org/tlog-proof@v1\nindex 01\n\n" + cp, "line 2: index must be a decimal number without leading zeros, got \"01\"");
    assertParse("c2sp.org/tlog-proof@v1\nidx 1\n\n" + cp, "line 2: expected \"index N\", got \"idx 1\"");
    assertParse("c2sp.org/tlog-proof@v1\nindex 1\n" + h + "\nAAAA\n\n" + cp, "line 4: proof hash must be 32 bytes, got 3");
    assertParse("c2sp.org/tlog-proof@v1\nindex 1\n" + h + "\n", "no empty line before the checkpoint");
    assertParse("c2sp.org/tlog-proof@v1\nindex 1\n\nnot a checkpoint\n\n— " + ORIGIN + " AAAAAAA=\n",
        "line 4: a checkpoint needs at least three lines (origin, size, root hash), got 1");
    assertParse("c2sp.org/tlog-proof@v1\nindex 1\n\n" + cp.replace("\u2014", "-"),
        "line 8: a signature line must start with an em dash (U+2014) and a space");
  }

  @Test
  void tamper_everyByteOfTlogProof_rejected() throws Exception {
    TlogProof p = TlogProof.of(tree.inclusionProof(21, 41), signedCheckpoint(41));
    MerkleHash leaf = tree.leafHash(21);
    byte[] file = p.toBytes();
    for (int i = 0; i < file.length; i++) {
      for (int mask : new int[] {0x01, 0x80}) {
        byte[] m = file.clone();
        m[i] ^= (byte) mask;
        int at = i;
        assertThatThrownBy(() -> TlogProof.parse(m).verify(leaf, ORIGIN, verifier))
            .as("mutation at byte %d mask %x", at, mask)
            .isInstanceOfAny(NoteParseException.class, NoteVerificationException.class);
      }
    }
  }

  @Test
  void consistencyProofFile_allOldSizes_roundTripAndVerify() throws Exception {
    SignedNote newer = signedCheckpoint(41);
    for (long old = 1; old <= 41; old++) {
      TlogConsistencyProof p = TlogConsistencyProof.of(tree.consistencyProof(old, 41), newer);
      TlogConsistencyProof parsed = TlogConsistencyProof.parse(p.toBytes());
      assertThat(parsed.toBytes()).isEqualTo(p.toBytes());
      Checkpoint trustedOld = Checkpoint.of(ORIGIN, old, tree.root(old));
      assertThat(parsed.verify(trustedOld, verifier).size()).isEqualTo(41);
    }
    TlogConsistencyProof p = TlogConsistencyProof.of(tree.consistencyProof(3, 41), newer);
    assertThat(p.encode()).startsWith("forensics/tlog-consistency-proof@v1\nold 3\n")
        .endsWith("\n\n" + newer.encode());
  }

  @Test
  void consistencyProofFile_failures_nameTheReason() throws Exception {
    SignedNote newer = signedCheckpoint(41);
    TlogConsistencyProof p = TlogConsistencyProof.of(tree.consistencyProof(13, 41), newer);
    assertReason(() -> p.verify(Checkpoint.of(ORIGIN, 13, tree.root(12)), verifier), Reason.ROOT_MISMATCH);
    assertReason(() -> p.verify(Checkpoint.of(ORIGIN, 12, tree.root(12)), verifier), Reason.SIZE_MISMATCH);
    assertReason(() -> p.verify(Checkpoint.of("other.example", 13, tree.root(13)), verifier), Reason.ORIGIN_MISMATCH);
    assertReason(() -> new TlogConsistencyProof(13, p.hashes().subList(1, p.hashes().size()), newer)
        .verify(Checkpoint.of(ORIGIN, 13, tree.root(13)), verifier), Reason.BAD_PROOF);
    // a forked log: same old size, a different history
    MerkleTree fork = MerkleTree.create();
    for (int i = 0; i < 41; i++) {
      fork.append(("forged event " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    SignedNote forked = Checkpoint.of(ORIGIN, 41, fork.root()).sign(signer);
    TlogConsistencyProof forkProof = TlogConsistencyProof.of(fork.consistencyProof(13, 41), forked);
    assertReason(() -> forkProof.verify(Checkpoint.of(ORIGIN, 13, tree.root(13)), verifier), Reason.ROOT_MISMATCH);
    assertParse2("forensics/tlog-consistency-proof@v1\nold 0\n\n" + newer.encode(),
        "line 2: old tree size must be positive (a proof from the empty tree proves nothing)");
  }

  @Test
  void tamper_everyByteOfConsistencyProofFile_rejected() throws Exception {
    TlogConsistencyProof p = TlogConsistencyProof.of(tree.consistencyProof(13, 41), signedCheckpoint(41));
    Checkpoint old = Checkpoint.of(ORIGIN, 13, tree.root(13));
    byte[] file = p.toBytes();
    for (int i = 0; i < file.length; i++) {
      for (int mask : new int[] {0x01, 0x80}) {
        byte[] m = file.clone();
        m[i] ^= (byte) mask;
        int at = i;
        assertThatThrownBy(() -> TlogConsistencyProof.parse(m).verify(old, verifier))
            .as("mutation at byte %d mask %x", at, mask)
            .isInstanceOfAny(NoteParseException.class, NoteVerificationException.class);
      }
    }
  }

  interface Call {
    void run() throws Exception;
  }

  static void assertReason(Call c, Reason reason) {
    assertThatThrownBy(c::run).isInstanceOfSatisfying(NoteVerificationException.class,
        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
  }

  static void assertParse(String file, String message) {
    assertThatThrownBy(() -> TlogProof.parse(file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(NoteParseException.class).hasMessage(message);
  }

  static void assertParse2(String file, String message) {
    assertThatThrownBy(() -> TlogConsistencyProof.parse(file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(NoteParseException.class).hasMessage(message);
  }
}
