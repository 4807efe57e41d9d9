package dev.forensics.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An append-only RFC 9162 Merkle tree over SHA-256 leaf hashes, kept in memory. Appending costs O(1)
 * amortized hash computations; the root of any earlier size and inclusion and consistency proofs cost
 * O(log n). It stores every complete subtree hash (about two hashes, 64 bytes, per leaf), so 100,000 leaves
 * take about 6.4 MB.
 *
 * <p>Pure computation, no I/O. Not thread-safe: confine an instance to one thread or synchronize.
 */
public final class MerkleTree {

  private static final int H = MerkleHash.LENGTH;
  /** Leaves a flat level-0 array of 32-byte hashes can hold. */
  public static final long MAX_LEAVES = Integer.MAX_VALUE / H - 64;

  /** levels.get(k) holds the hashes of the complete subtrees of 2^k leaves, left to right. */
  private final List<HashBuffer> levels = new ArrayList<>();
  private long size;

  private MerkleTree() {
    levels.add(new HashBuffer());
  }

  /** A new, empty tree. */
  public static MerkleTree create() {
    return new MerkleTree();
  }

  /** A tree holding the given leaf hashes, in order. */
  public static MerkleTree ofLeafHashes(List<MerkleHash> leafHashes) {
    MerkleTree tree = new MerkleTree();
    for (MerkleHash h : leafHashes) {
      tree.appendLeafHash(h);
    }
    return tree;
  }

  /**
   * Appends an entry, hashing it as a leaf ({@code SHA-256(0x00 ‖ leafData)}).
   *
   * @return the new leaf's zero-based index
   */
  public long append(byte[] leafData) {
    return appendLeafHash(MerkleHash.ofLeaf(leafData));
  }

  /**
   * Appends a leaf whose hash the caller already computed.
   *
   * @return the new leaf's zero-based index
   */
  public long appendLeafHash(MerkleHash leafHash) {
    Objects.requireNonNull(leafHash, "leafHash");
    if (size >= MAX_LEAVES) {
      throw new IllegalStateException("tree is full at " + size + " leaves");
    }
    long index = size;
    byte[] h = leafHash.raw();
    levels.get(0).add(h, 0);
    long n = index;
    int level = 0;
    // each time the new node completes a pair, add their parent one level up
    while ((n & 1) == 1) {
      HashBuffer here = levels.get(level);
      int right = here.count() - 1;
      h = MerkleHash.nodeHash(here.array(), (right - 1) * H, here.array(), right * H);
      level++;
      if (levels.size() == level) {
        levels.add(new HashBuffer());
      }
      levels.get(level).add(h, 0);
      n >>>= 1;
    }
    size++;
    return index;
  }

  /** The number of leaves. */
  public long size() {
    return size;
  }

  /** The hash of the leaf at {@code index}. */
  public MerkleHash leafHash(long index) {
    checkIndex(index, size);
    return new MerkleHash(levels.get(0).get((int) index));
  }

  /** The root of the whole tree; {@link MerkleHash#emptyTree()} when it has no leaves. */
  public MerkleHash root() {
    return root(size);
  }

  /**
   * The root the tree had when it held its first {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException when {@code treeSize} is negative or greater than {@link #size()}
   */
  public MerkleHash root(long treeSize) {
    checkSize(treeSize);
    if (treeSize == 0) {
      return MerkleHash.emptyTree();
    }
    return new MerkleHash(subtree(0, treeSize));
  }

  /**
   * The inclusion proof (RFC 9162 §2.1.3.1 {@code PATH}) for the leaf at {@code index} in the tree of the
   * first {@code treeSize} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= size()}
   */
  public InclusionProof inclusionProof(long index, long treeSize) {
    checkSize(treeSize);
    checkIndex(index, treeSize);
    List<MerkleHash> path = new ArrayList<>();
    path(index, 0, treeSize, path);
    return new InclusionProof(index, treeSize, path);
  }

  /**
   * The consistency proof (RFC 9162 §2.1.4.1 {@code PROOF}) between the trees of the first
   * {@code oldSize} and {@code newSize} leaves; empty when the sizes are equal.
   *
   * @throws IllegalArgumentException unless {@code 0 < oldSize <= newSize <= size()}
   */
  public ConsistencyProof consistencyProof(long oldSize, long newSize) {
    checkSize(newSize);
    if (oldSize <= 0 || oldSize > newSize) {
      throw new IllegalArgumentException(
          "consistency proofs need 0 < old size <= new size, got " + oldSize + " and " + newSize);
    }
    List<MerkleHash> proof = new ArrayList<>();
    if (oldSize < newSize) {
      subproof(oldSize, 0, newSize, true, proof);
    }
    return new ConsistencyProof(oldSize, newSize, proof);
  }

  // PATH(m, D[start:end]) appended innermost first
  private void path(long m, long start, long end, List<MerkleHash> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      path(m, start, start + k, out);
      out.add(new MerkleHash(subtree(start + k, end)));
    } else {
      path(m - k, start + k, end, out);
      out.add(new MerkleHash(subtree(start, start + k)));
    }
  }

  // SUBPROOF(m, D[start:end], b)
  private void subproof(long m, long start, long end, boolean whole, List<MerkleHash> out) {
    long n = end - start;
    if (m == n) {
      if (!whole) {
        out.add(new MerkleHash(subtree(start, end)));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(m, start, start + k, whole, out);
      out.add(new MerkleHash(subtree(start + k, end)));
    } else {
      subproof(m - k, start + k, end, false, out);
      out.add(new MerkleHash(subtree(start, start + k)));
    }
  }

  /** MTH(D[start:end]) for a range that RFC 9162 splitting produces (start aligned to its subtree). */
  private byte[] subtree(long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) == 1) {
      int level = Long.numberOfTrailingZeros(n);
      if ((start & (n - 1)) != 0) {
        throw new IllegalStateException("unaligned subtree [" + start + ", " + end + ")");
      }
      return levels.get(level).get((int) (start >>> level));
    }
    long k = Long.highestOneBit(n - 1);
    return MerkleHash.nodeHash(subtree(start, start + k), subtree(start + k, end));
  }

  private void checkSize(long treeSize) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " is outside 0.." + size + " (the number of leaves)");
    }
  }

  private static void checkIndex(long index, long treeSize) {
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + treeSize);
    }
  }

  /** A growable flat array of 32-byte hashes. */
  private static final class HashBuffer {
    private byte[] data = new byte[16 * H];
    private int count;

    void add(byte[] src, int offset) {
      if ((count + 1) * H > data.length) {
        data = Arrays.copyOf(data, (int) Math.min((long) data.length * 2, (long) Integer.MAX_VALUE - 8));
      }
      System.arraycopy(src, offset, data, count * H, H);
      count++;
    }

    byte[] get(int i) {
      return Arrays.copyOfRange(data, i * H, (i + 1) * H);
    }

    byte[] array() {
      return data;
    }

    int count() {
      return count;
    }
  }
}
