package dev.forensics.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  private static final int MAX = 300;
  private static final List<MerkleHash> LEAVES = new ArrayList<>();
  private static MerkleTree tree;

  @BeforeAll
  static void build() {
    tree = MerkleTree.create();
    for (int i = 0; i < MAX; i++) {
      byte[] data = ("entry " + i).getBytes(StandardCharsets.UTF_8);
      assertThat(tree.append(data)).isEqualTo(i);
      LEAVES.add(MerkleHash.ofLeaf(data));
    }
  }

  /** MTH from RFC 9162 §2.1.1, written directly from the definition (independent of MerkleTree). */
  static MerkleHash mth(List<MerkleHash> d) {
    if (d.isEmpty()) {
      return MerkleHash.emptyTree();
    }
    if (d.size() == 1) {
      return d.get(0);
    }
    int k = 1;
    while (k * 2 < d.size()) {
      k *= 2;
    }
    return MerkleHash.ofChildren(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  @Test
  void hashes_matchRfc9162Definitions() {
    // SHA-256("") and SHA-256(0x00) (leaf of the empty entry), computed by sha256sum
    assertThat(MerkleHash.emptyTree().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(MerkleHash.ofLeaf(new byte[0]).hex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    // SHA-256(0x01 ‖ 32×0x00 ‖ 32×0x00)
    MerkleHash zero = new MerkleHash(new byte[32]);
    byte[] in = new byte[65];
    in[0] = 1;
    assertThat(MerkleHash.ofChildren(zero, zero).bytes())
        .isEqualTo(MerkleHash.sha256().digest(in));
  }

  @Test
  void root_everySize_matchesDefinition() {
    assertThat(tree.root(0)).isEqualTo(MerkleHash.emptyTree());
    for (int n = 1; n <= MAX; n++) {
      assertThat(tree.root(n)).as("size %d", n).isEqualTo(mth(LEAVES.subList(0, n)));
    }
    assertThat(tree.root()).isEqualTo(tree.root(MAX));
    assertThat(MerkleTree.ofLeafHashes(LEAVES).root()).isEqualTo(tree.root());
  }

  @Test
  void root_knownAnswer_fromIndependentImplementation() {
    // computed with a 10-line Python RFC 9162 MTH over hashlib (see docs/formats.md, Checkpoints and proofs)
    MerkleTree t = MerkleTree.create();
    for (int i = 0; i < 41; i++) {
      t.append(("custody event " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(t.root().base64()).isEqualTo("rq+nwWpsnAufF9lsz7/mV1YQRYLAsNutqfZTqXpc/MY=");
  }

  @Test
  void root_noOddNodeDuplication() {
    // [a,b,c] and [a,b,c,c] must differ (CVE-2012-2459 in Bitcoin's tree)
    MerkleTree three = MerkleTree.ofLeafHashes(LEAVES.subList(0, 3));
    MerkleTree four = MerkleTree.ofLeafHashes(List.of(LEAVES.get(0), LEAVES.get(1), LEAVES.get(2), LEAVES.get(2)));
    assertThat(three.root()).isNotEqualTo(four.root());
  }

  @Test
  void inclusionProofs_allSizesAndIndices_verify() throws Exception {
    for (int n = 1; n <= MAX; n++) {
      MerkleHash root = tree.root(n);
      for (int i = 0; i < n; i++) {
        InclusionProof p = tree.inclusionProof(i, n);
        assertThat(p.hashes()).hasSize(MerkleVerifier.inclusionProofLength(i, n));
        assertThat(p.hashes().size()).isLessThanOrEqualTo(ceilLog2(n));
        p.verify(LEAVES.get(i), root);
      }
    }
  }

  @Test
  void consistencyProofs_allSizePairs_verify() throws Exception {
    for (int n = 1; n <= 140; n++) {
      MerkleHash newRoot = tree.root(n);
      for (int m = 1; m <= n; m++) {
        ConsistencyProof p = tree.consistencyProof(m, n);
        assertThat(p.hashes()).hasSize(MerkleVerifier.consistencyProofLength(m, n));
        assertThat(p.hashes().size()).isLessThanOrEqualTo(2 * ceilLog2(n));
        p.verify(tree.root(m), newRoot);
      }
    }
    for (int m = 1; m <= MAX; m += 7) {
      tree.consistencyProof(m, MAX).verify(tree.root(m), tree.root());
    }
  }

  @Test
  void inclusionProof_wrongLeafIndexSizeOrRoot_rejected() {
    InclusionProof p = tree.inclusionProof(5, 13);
    MerkleHash root = tree.root(13);
    assertThatThrownBy(() -> p.verify(LEAVES.get(6), root))
        .isInstanceOf(ProofVerificationException.class)
        .hasMessageStartingWith("inclusion proof for leaf 5 of tree size 13 does not lead to the expected root");
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(LEAVES.get(5), 4, 13, p.hashes(), root))
        .isInstanceOf(ProofVerificationException.class);
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(LEAVES.get(5), 5, 14, p.hashes(), tree.root(14)))
        .isInstanceOf(ProofVerificationException.class);
    assertThatThrownBy(() -> p.verify(LEAVES.get(5), tree.root(12)))
        .isInstanceOf(ProofVerificationException.class);
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(LEAVES.get(5), 13, 13, p.hashes(), root))
        .hasMessage("leaf index 13 is outside a tree of size 13");
    List<MerkleHash> longer = new ArrayList<>(p.hashes());
    longer.add(root);
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(LEAVES.get(5), 5, 13, longer, root))
        .hasMessage("inclusion proof for leaf 5 of tree size 13 must have 4 hashes, got 5");
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(LEAVES.get(5), 5, 13, p.hashes().subList(0, 3), root))
        .hasMessage("inclusion proof for leaf 5 of tree size 13 must have 4 hashes, got 3");
  }

  @Test
  void consistency_guards() {
    MerkleHash r = tree.root(4);
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(0, 4, List.of(), MerkleHash.emptyTree(), r))
        .hasMessage("a consistency proof from the empty tree proves nothing (old size 0)");
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(5, 4, List.of(), r, r))
        .hasMessage("old tree size 5 is greater than new tree size 4");
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(4, 4, List.of(r), r, r))
        .hasMessage("tree sizes are equal (4) so the consistency proof must be empty, got 1 hashes");
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(4, 4, List.of(), r, tree.root(5)))
        .hasMessageStartingWith("tree sizes are equal (4) but the roots differ");
    assertThatCode(() -> MerkleVerifier.verifyConsistency(4, 4, List.of(), r, r)).doesNotThrowAnyException();
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(3, 7, List.of(), tree.root(3), tree.root(7)))
        .hasMessage("consistency proof from size 3 to 7 must have 4 hashes, got 0"); // RFC 9162 §2.1.5 example: c, d, g, l
    assertThatThrownBy(() -> tree.consistencyProof(0, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(3, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.root(MAX + 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tamper_everyByteOfInclusionProofAndRoot_rejected() {
    for (int[] c : new int[][] {{0, 1}, {0, 2}, {1, 2}, {6, 7}, {5, 13}, {12, 13}, {63, 64}, {64, 65}, {200, 297}}) {
      InclusionProof p = tree.inclusionProof(c[0], c[1]);
      MerkleHash leaf = LEAVES.get(c[0]);
      MerkleHash root = tree.root(c[1]);
      for (int h = 0; h < p.hashes().size(); h++) {
        for (int b = 0; b < 32; b++) {
          List<MerkleHash> mutated = new ArrayList<>(p.hashes());
          mutated.set(h, flip(mutated.get(h), b));
          assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(leaf, c[0], c[1], mutated, root))
              .isInstanceOf(ProofVerificationException.class);
        }
      }
      for (int b = 0; b < 32; b++) {
        MerkleHash badRoot = flip(root, b);
        MerkleHash badLeaf = flip(leaf, b);
        assertThatThrownBy(() -> p.verify(leaf, badRoot)).isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> p.verify(badLeaf, root)).isInstanceOf(ProofVerificationException.class);
      }
    }
  }

  @Test
  void tamper_everyByteOfConsistencyProofAndRoots_rejected() {
    for (int[] c : new int[][] {{1, 2}, {2, 3}, {3, 7}, {4, 8}, {6, 8}, {13, 200}, {64, 65}, {100, 297}}) {
      ConsistencyProof p = tree.consistencyProof(c[0], c[1]);
      MerkleHash r1 = tree.root(c[0]);
      MerkleHash r2 = tree.root(c[1]);
      for (int h = 0; h < p.hashes().size(); h++) {
        for (int b = 0; b < 32; b++) {
          List<MerkleHash> mutated = new ArrayList<>(p.hashes());
          mutated.set(h, flip(mutated.get(h), b));
          assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(c[0], c[1], mutated, r1, r2))
              .isInstanceOf(ProofVerificationException.class);
        }
      }
      for (int b = 0; b < 32; b++) {
        MerkleHash bad1 = flip(r1, b);
        MerkleHash bad2 = flip(r2, b);
        assertThatThrownBy(() -> p.verify(bad1, r2)).isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> p.verify(r1, bad2)).isInstanceOf(ProofVerificationException.class);
      }
    }
  }

  @Test
  void proofSizes_logarithmic() {
    MerkleTree big = MerkleTree.create();
    for (int i = 0; i < 100_000; i++) {
      big.append(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)});
    }
    assertThat(big.inclusionProof(0, 100_000).hashes()).hasSize(17);
    assertThat(big.inclusionProof(99_999, 100_000).hashes().size()).isLessThanOrEqualTo(17);
    assertThat(big.consistencyProof(65_536, 100_000).hashes().size()).isLessThanOrEqualTo(17);
    assertThat(big.consistencyProof(99_999, 100_000).hashes().size()).isLessThanOrEqualTo(34);
  }

  @Test
  void merkleHash_validatesAndCopies() {
    assertThatThrownBy(() -> new MerkleHash(new byte[31]))
        .hasMessage("a Merkle hash must be 32 bytes, got 31");
    byte[] raw = new byte[32];
    MerkleHash h = new MerkleHash(raw);
    raw[0] = 1;
    h.bytes()[1] = 1;
    assertThat(h.bytes()).isEqualTo(new byte[32]);
    assertThat(MerkleHash.ofBase64(h.base64())).isEqualTo(h);
    assertThat(MerkleHash.ofHex(HexFormat.of().formatHex(new byte[32]))).isEqualTo(h);
  }

  private static MerkleHash flip(MerkleHash h, int byteIndex) {
    byte[] b = h.bytes();
    b[byteIndex] ^= 0x01;
    return new MerkleHash(b);
  }

  private static int ceilLog2(int n) {
    return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
  }
}
