package dev.forensics.checkpoint;

import dev.forensics.merkle.InclusionProof;
import dev.forensics.merkle.MerkleHash;
import dev.forensics.merkle.MerkleVerifier;
import dev.forensics.merkle.ProofVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP transparency-log proof file (c2sp.org/tlog-proof, extension {@code .tlog-proof}): an offline
 * proof that the entry at {@code index} is in the log, made of the inclusion proof and the signed
 * checkpoint it leads to.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra BASE64          (optional, unauthenticated)
 * index N
 * BASE64 proof hash     (zero or more, leaf's sibling first)
 *
 * signed checkpoint note, verbatim
 * </pre>
 *
 * @param extra opaque extra data, or {@code null} when absent (never trusted: it is not signed)
 * @param index the entry's zero-based index
 * @param hashes the inclusion proof, from the leaf's sibling up to the root's child
 * @param checkpoint the signed checkpoint note
 */
public record TlogProof(byte[] extra, long index, List<MerkleHash> hashes, SignedNote checkpoint) {

  /** First line of every tlog-proof file. */
  public static final String MAGIC = "c2sp.org/tlog-proof@v1";

  /**
   * @throws IllegalArgumentException when the index is negative or extra is empty
   */
  public TlogProof {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, got " + index);
    }
    if (extra != null) {
      if (extra.length == 0) {
        throw new IllegalArgumentException("extra data, when present, must not be empty");
      }
      extra = extra.clone();
    }
    hashes = List.copyOf(Objects.requireNonNull(hashes, "hashes"));
    Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /**
   * A proof file for an inclusion proof and the signed checkpoint of the same tree size.
   *
   * @throws NoteParseException when the note's text is not a checkpoint
   * @throws IllegalArgumentException when the proof's tree size is not the checkpoint's size
   */
  public static TlogProof of(InclusionProof proof, SignedNote checkpoint) throws NoteParseException {
    Checkpoint c = Checkpoint.parse(checkpoint.text());
    if (c.size() != proof.treeSize()) {
      throw new IllegalArgumentException("inclusion proof is for tree size " + proof.treeSize()
          + " but the checkpoint has size " + c.size());
    }
    return new TlogProof(null, proof.leafIndex(), proof.hashes(), checkpoint);
  }

  @Override
  public byte[] extra() {
    return extra == null ? null : extra.clone();
  }

  /**
   * Parses a proof file strictly.
   *
   * @throws NoteParseException naming the line of the first problem
   */
  public static TlogProof parse(byte[] file) throws NoteParseException {
    ProofText t = ProofText.split(file, MAGIC);
    int i = 1;
    byte[] extra = null;
    if (i < t.headerLines.size() && t.headerLines.get(i).startsWith("extra ")) {
      extra = SignedNote.decodeBase64(t.headerLines.get(i).substring(6), i + 1, "extra data");
      if (extra.length == 0) {
        throw new NoteParseException(i + 1, "extra data must not be empty");
      }
      i++;
    }
    long index = t.number(i, "index");
    List<MerkleHash> hashes = t.hashes(i + 1);
    Checkpoint.parse(t.checkpoint.text(), t.linesBeforeCheckpoint());
    return new TlogProof(extra, index, hashes, t.checkpoint);
  }

  /** The file text. */
  public String encode() {
    StringBuilder sb = new StringBuilder(MAGIC).append('\n');
    if (extra != null) {
      sb.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
    }
    sb.append("index ").append(index).append('\n');
    ProofText.appendHashes(sb, hashes);
    return sb.append('\n').append(checkpoint.encode()).toString();
  }

  /** The file as UTF-8 bytes. */
  public byte[] toBytes() {
    return encode().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Verifies that the entry with {@code leafHash} is at {@link #index()} in the log {@code origin}: the
   * checkpoint is signed by a trusted key, its origin is {@code origin}, and the inclusion proof leads from
   * the leaf to the checkpoint's root at the checkpoint's size.
   *
   * @return the verified checkpoint
   * @throws NoteParseException when the embedded checkpoint text is malformed
   * @throws NoteVerificationException naming the reason (unknown key, bad signature, origin mismatch,
   *     size mismatch when the index is not below the checkpoint's size, bad proof, root mismatch)
   */
  public Checkpoint verify(MerkleHash leafHash, String origin, NoteVerifier verifier)
      throws NoteParseException, NoteVerificationException {
    Objects.requireNonNull(leafHash, "leafHash");
    Checkpoint c = Checkpoint.open(checkpoint, origin, verifier, 0);
    if (index >= c.size()) {
      throw new NoteVerificationException(NoteVerificationException.Reason.SIZE_MISMATCH,
          "entry index " + index + " is not in the checkpoint's tree of size " + c.size());
    }
    MerkleHash calculated;
    try {
      calculated = MerkleVerifier.rootFromInclusionProof(leafHash, index, c.size(), hashes);
    } catch (ProofVerificationException e) {
      throw new NoteVerificationException(NoteVerificationException.Reason.BAD_PROOF, e.getMessage(), e);
    }
    if (!calculated.equals(c.root())) {
      throw new NoteVerificationException(NoteVerificationException.Reason.ROOT_MISMATCH,
          "inclusion proof for entry " + index + " leads to root " + calculated.base64()
              + " but the checkpoint of size " + c.size() + " has root " + c.root().base64());
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlogProof p && p.index == index && Arrays.equals(p.extra, extra)
        && p.hashes.equals(hashes) && p.checkpoint.equals(checkpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, hashes, checkpoint) * 31 + Arrays.hashCode(extra);
  }

  @Override
  public String toString() {
    return encode();
  }
}
