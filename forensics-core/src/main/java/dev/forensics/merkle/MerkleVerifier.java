package dev.forensics.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies RFC 9162 inclusion and consistency proofs. Pure computation, no I/O. Every method either
 * returns normally or throws a {@link ProofVerificationException} naming the reason; there is no boolean
 * result to forget.
 *
 * <p>Besides the RFC 9162 §2.1.3.2 and §2.1.4.2 algorithms it enforces the guards those algorithms leave
 * implicit: the index must be below the tree size, the proof must have exactly the length the sizes
 * imply, a consistency proof needs {@code 0 < oldSize <= newSize}, and equal sizes need an empty proof
 * and equal roots. Hashes are {@link MerkleHash} values, so a hash of the wrong length cannot reach it.
 */
public final class MerkleVerifier {

  private MerkleVerifier() {}

  /**
   * Checks that {@code proof} links the leaf hash at {@code index} to {@code root} in a tree of
   * {@code treeSize} leaves.
   *
   * @throws ProofVerificationException when the index is outside the tree, the proof has the wrong
   *     length, or the recomputed root differs from {@code root}
   */
  public static void verifyInclusion(
      MerkleHash leafHash, long index, long treeSize, List<MerkleHash> proof, MerkleHash root)
      throws ProofVerificationException {
    MerkleHash calculated = rootFromInclusionProof(leafHash, index, treeSize, proof);
    Objects.requireNonNull(root, "root");
    if (!calculated.equals(root)) {
      throw new ProofVerificationException("inclusion proof for leaf " + index + " of tree size " + treeSize
          + " does not lead to the expected root: calculated " + calculated.base64() + ", expected "
          + root.base64());
    }
  }

  /**
   * The root that an inclusion proof implies for {@code leafHash} (RFC 9162 §2.1.3.2 steps 1 to 4).
   * Useful to compare against a root from another source; most callers want {@link #verifyInclusion}.
   *
   * @throws ProofVerificationException when the index is outside the tree or the proof has the wrong
   *     length for {@code index} and {@code treeSize}
   */
  public static MerkleHash rootFromInclusionProof(
      MerkleHash leafHash, long index, long treeSize, List<MerkleHash> proof)
      throws ProofVerificationException {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(proof, "proof");
    if (index < 0 || treeSize < 0) {
      throw new ProofVerificationException(
          "negative leaf index or tree size: index " + index + ", size " + treeSize);
    }
    if (index >= treeSize) {
      throw new ProofVerificationException(
          "leaf index " + index + " is outside a tree of size " + treeSize);
    }
    int expected = inclusionProofLength(index, treeSize);
    if (proof.size() != expected) {
      throw new ProofVerificationException("inclusion proof for leaf " + index + " of tree size " + treeSize
          + " must have " + expected + " hashes, got " + proof.size());
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash.raw();
    for (MerkleHash p : proof) {
      if (sn == 0) {
        throw new ProofVerificationException("inclusion proof is longer than the tree is high");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.nodeHash(p.raw(), r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = MerkleHash.nodeHash(r, p.raw());
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofVerificationException("inclusion proof is shorter than the tree is high");
    }
    return new MerkleHash(r);
  }

  /**
   * Checks that {@code proof} shows the tree of {@code oldSize} leaves with root {@code oldRoot} to be a
   * prefix of the tree of {@code newSize} leaves with root {@code newRoot}.
   *
   * @throws ProofVerificationException when {@code oldSize} is 0 or greater than {@code newSize}, the
   *     proof has the wrong length, or either recomputed root differs from the given one
   */
  public static void verifyConsistency(
      long oldSize, long newSize, List<MerkleHash> proof, MerkleHash oldRoot, MerkleHash newRoot)
      throws ProofVerificationException {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(oldRoot, "oldRoot");
    Objects.requireNonNull(newRoot, "newRoot");
    if (oldSize < 0 || newSize < 0) {
      throw new ProofVerificationException(
          "negative tree size: old " + oldSize + ", new " + newSize);
    }
    if (oldSize > newSize) {
      throw new ProofVerificationException(
          "old tree size " + oldSize + " is greater than new tree size " + newSize);
    }
    if (oldSize == 0) {
      throw new ProofVerificationException(
          "a consistency proof from the empty tree proves nothing (old size 0)");
    }
    if (oldSize == newSize) {
      if (!proof.isEmpty()) {
        throw new ProofVerificationException("tree sizes are equal (" + oldSize
            + ") so the consistency proof must be empty, got " + proof.size() + " hashes");
      }
      if (!oldRoot.equals(newRoot)) {
        throw new ProofVerificationException("tree sizes are equal (" + oldSize
            + ") but the roots differ: " + oldRoot.base64() + " and " + newRoot.base64());
      }
      return;
    }
    int expected = consistencyProofLength(oldSize, newSize);
    if (proof.size() != expected) {
      throw new ProofVerificationException("consistency proof from size " + oldSize + " to " + newSize
          + " must have " + expected + " hashes, got " + proof.size());
    }
    // RFC 9162 §2.1.4.2
    List<MerkleHash> path = proof;
    if (Long.bitCount(oldSize) == 1) {
      path = new ArrayList<>(proof.size() + 1);
      path.add(oldRoot);
      path.addAll(proof);
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0).raw();
    byte[] sr = fr;
    for (int i = 1; i < path.size(); i++) {
      byte[] c = path.get(i).raw();
      if (sn == 0) {
        throw new ProofVerificationException("consistency proof is longer than the tree is high");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.nodeHash(c, fr);
        sr = MerkleHash.nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = MerkleHash.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofVerificationException("consistency proof is shorter than the tree is high");
    }
    if (!MessageDigest.isEqual(fr, oldRoot.raw())) {
      throw new ProofVerificationException("consistency proof from size " + oldSize + " to " + newSize
          + " does not lead to the old root: calculated " + new MerkleHash(fr).base64() + ", expected "
          + oldRoot.base64());
    }
    if (!MessageDigest.isEqual(sr, newRoot.raw())) {
      throw new ProofVerificationException("consistency proof from size " + oldSize + " to " + newSize
          + " does not lead to the new root: calculated " + new MerkleHash(sr).base64() + ", expected "
          + newRoot.base64());
    }
  }

  /**
   * The number of hashes in an inclusion proof for leaf {@code index} of a tree of {@code treeSize}
   * leaves ({@code 0 <= index < treeSize}): at most ⌈log2 treeSize⌉.
   */
  public static int inclusionProofLength(long index, long treeSize) {
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("index " + index + " is outside a tree of size " + treeSize);
    }
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (treeSize - 1));
    int border = Long.bitCount(index >>> inner);
    return inner + border;
  }

  /**
   * The number of hashes in a consistency proof from {@code oldSize} to {@code newSize} leaves
   * ({@code 0 < oldSize <= newSize}); 0 when the sizes are equal.
   */
  public static int consistencyProofLength(long oldSize, long newSize) {
    if (oldSize <= 0 || oldSize > newSize) {
      throw new IllegalArgumentException(
          "consistency proofs need 0 < old size <= new size, got " + oldSize + " and " + newSize);
    }
    if (oldSize == newSize) {
      return 0;
    }
    int shift = Long.numberOfTrailingZeros(oldSize);
    long index = oldSize - 1;
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (newSize - 1));
    int border = Long.bitCount(index >>> inner);
    int seed = oldSize == (1L << shift) ? 0 : 1;
    return seed + (inner - shift) + border;
  }
}
