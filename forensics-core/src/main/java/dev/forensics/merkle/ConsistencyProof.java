package dev.forensics.merkle;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 §2.1.4 consistency proof: the node hashes showing that the tree of {@code oldSize} leaves is
 * a prefix of the tree of {@code newSize} leaves. Immutable. The record only holds the values;
 * {@link MerkleVerifier#verifyConsistency} decides whether they prove anything.
 *
 * @param oldSize number of leaves in the older tree
 * @param newSize number of leaves in the newer tree
 * @param hashes the proof's node hashes in RFC 9162 order
 */
public record ConsistencyProof(long oldSize, long newSize, List<MerkleHash> hashes) {

  /**
   * @throws IllegalArgumentException when a size is negative
   */
  public ConsistencyProof {
    if (oldSize < 0 || newSize < 0) {
      throw new IllegalArgumentException(
          "tree sizes must not be negative, got " + oldSize + " and " + newSize);
    }
    hashes = List.copyOf(Objects.requireNonNull(hashes, "hashes"));
  }

  /**
   * Checks that this proof links {@code oldRoot} to {@code newRoot}.
   *
   * @throws ProofVerificationException when it does not
   */
  public void verify(MerkleHash oldRoot, MerkleHash newRoot) throws ProofVerificationException {
    MerkleVerifier.verifyConsistency(oldSize, newSize, hashes, oldRoot, newRoot);
  }
}
