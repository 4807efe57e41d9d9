package dev.forensics.merkle;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path that links the leaf at {@code leafIndex} to the root
 * of the tree of {@code treeSize} leaves, innermost sibling first. Immutable. The record only holds the
 * values; {@link MerkleVerifier#verifyInclusion} decides whether they prove anything.
 *
 * @param leafIndex zero-based index of the leaf
 * @param treeSize number of leaves in the tree the proof refers to
 * @param hashes the audit path, from the leaf's sibling up to the child of the root
 */
public record InclusionProof(long leafIndex, long treeSize, List<MerkleHash> hashes) {

  /**
   * @throws IllegalArgumentException when a number is negative
   */
  public InclusionProof {
    if (leafIndex < 0 || treeSize < 0) {
      throw new IllegalArgumentException(
          "leaf index and tree size must not be negative, got index " + leafIndex + ", size " + treeSize);
    }
    hashes = List.copyOf(Objects.requireNonNull(hashes, "hashes"));
  }

  /**
   * Checks that this proof links {@code leafHash} to {@code root}.
   *
   * @throws ProofVerificationException when it does not
   */
  public void verify(MerkleHash leafHash, MerkleHash root) throws ProofVerificationException {
    MerkleVerifier.verifyInclusion(leafHash, leafIndex, treeSize, hashes, root);
  }
}
