package dev.forensics.checkpoint;

import dev.forensics.merkle.ConsistencyProof;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleVerifier;
import dev.forensics.merkle.ProofVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A consistency-proof file in the style of c2sp.org/tlog-proof (this project's format; C2SP defines none):
 * proof that the log, as recorded in an older checkpoint the reader already trusts, is a prefix of the
 * log in the newer signed checkpoint this file carries.
 *
 * <pre>
 * forensics/tlog-consistency-proof@v1
 * old N                 (tree size of the older checkpoint)
 * BASE64 proof hash     (zero or more, RFC 9162 §2.1.4 order; none when the sizes are equal)
 *
 * newer signed checkpoint note, verbatim
 * </pre>
 *
 * @param oldSize the older checkpoint's tree size
 * @param hashes the RFC 9162 consistency proof from {@code oldSize} to the newer checkpoint's size
 * @param checkpoint the newer signed checkpoint note
 */
public record TlogConsistencyProof(long oldSize, List<MerkleHash> hashes, SignedNote checkpoint) {

  /** First line of every consistency-proof file. */
  public static final String MAGIC = "forensics/tlog-consistency-proof@v1";

  /**
   * @throws IllegalArgumentException when the old size is not positive
   */
  public TlogConsistencyProof {
    if (oldSize <= 0) {
      throw new IllegalArgumentException("old tree size must be positive, got " + oldSize);
    }
    hashes = List.copyOf(Objects.requireNonNull(hashes, "hashes"));
    Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /**
   * A proof file for a consistency proof and the newer signed checkpoint.
   *
   * @throws NoteParseException when the note's text is not a checkpoint
   * @throws IllegalArgumentException when the proof's new size is not the checkpoint's size
   */
  public static TlogConsistencyProof of(ConsistencyProof proof, SignedNote newCheckpoint) throws NoteParseException {
    Checkpoint c = Checkpoint.parse(newCheckpoint.text());
    if (c.size() != proof.newSize()) {
      throw new IllegalArgumentException("consistency proof is to tree size " + proof.newSize()
          + " but the checkpoint has size " + c.size());
    }
    return new TlogConsistencyProof(proof.oldSize(), proof.hashes(), newCheckpoint);
  }

  /**
   * Parses a consistency-proof file strictly.
   *
   * @throws NoteParseException naming the line of the first problem
   */
  public static TlogConsistencyProof parse(byte[] file) throws NoteParseException {
    ProofText t = ProofText.split(file, MAGIC);
    long old = t.number(1, "old");
    if (old == 0) {
      throw new NoteParseException(2, "old tree size must be positive (a proof from the empty tree proves nothing)");
    }
    List<MerkleHash> hashes = t.hashes(2);
    Checkpoint.parse(t.checkpoint.text(), t.linesBeforeCheckpoint());
    return new TlogConsistencyProof(old, hashes, t.checkpoint);
  }

  /** The file text. */
  public String encode() {
    StringBuilder sb = new StringBuilder(MAGIC).append('\n');
    sb.append("old ").append(oldSize).append('\n');
    ProofText.appendHashes(sb, hashes);
    return sb.append('\n').append(checkpoint.encode()).toString();
  }

  /** The file as UTF-8 bytes. */
  public byte[] toBytes() {
    return encode().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Verifies that the newer checkpoint in this file extends {@code trustedOld}: it is signed by a trusted
   * key, has the same origin, this file's old size is {@code trustedOld}'s size, and the consistency proof
   * links the two roots.
   *
   * @param trustedOld an older checkpoint the caller already verified
   * @return the verified newer checkpoint
   * @throws NoteParseException when the embedded checkpoint text is malformed
   * @throws NoteVerificationException naming the reason (unknown key, bad signature, origin mismatch,
   *     size mismatch, bad proof, root mismatch)
   */
  public Checkpoint verify(Checkpoint trustedOld, NoteVerifier verifier)
      throws NoteParseException, NoteVerificationException {
    Objects.requireNonNull(trustedOld, "trustedOld");
    Checkpoint c = Checkpoint.open(checkpoint, trustedOld.origin(), verifier, 0);
    if (oldSize != trustedOld.size()) {
      throw new NoteVerificationException(NoteVerificationException.Reason.SIZE_MISMATCH,
          "proof starts at tree size " + oldSize + " but the trusted checkpoint has size " + trustedOld.size());
    }
    if (c.size() < oldSize) {
      throw new NoteVerificationException(NoteVerificationException.Reason.SIZE_MISMATCH,
          "newer checkpoint has size " + c.size() + ", smaller than the trusted size " + oldSize);
    }
    try {
      MerkleVerifier.verifyConsistency(oldSize, c.size(), hashes, trustedOld.root(), c.root());
    } catch (ProofVerificationException e) {
      boolean shape = hashes.size() != MerkleVerifier.consistencyProofLength(oldSize, c.size());
      throw new NoteVerificationException(
          shape ? NoteVerificationException.Reason.BAD_PROOF : NoteVerificationException.Reason.ROOT_MISMATCH,
          e.getMessage(), e);
    }
    return c;
  }

  @Override
  public String toString() {
    return encode();
  }
}
