package dev.forensics.knownfiles.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sorted, duplicate-free table of fixed-width digests, searched by binary search. Immutable.
 *
 * <p>Each record is {@code keyWords} big-endian words of digest (see {@link HexWords}), optionally
 * followed by one reference word (a {@link NameHeap} reference, or {@link #NO_REF}). Records live in
 * chunks of {@code 2^chunkShift} records, so the table never needs one huge array, and growing it never
 * copies what is already stored: a builder's peak footprint is its final footprint plus one chunk.
 * Chunks stay at or below 256 KiB, under half of G1's smallest region, so the collector never stores
 * them as humongous objects (which round up to whole regions and can waste nearly half the heap).
 *
 * <p>Inputs such as the NSRL {@code FILE} table repeat a digest once per package, so a builder sorts and
 * de-duplicates in place whenever its record count doubles past 2 million: memory follows the distinct
 * digests, not the rows read.
 */
public final class DigestTable {

  /** The reference word of a record that has none. */
  public static final long NO_REF = -1L;

  /** Largest chunk, in words (256 KiB). */
  private static final int MAX_CHUNK_WORDS = 1 << 15;

  private static final int INSERTION_SORT_MAX = 16;
  private static final int FIRST_CHUNK_RECORDS = 64;
  private static final int RADIX_MIN = 4096;
  private static final int MAX_PREFIX_BITS = 16;
  private static final int FIRST_COMPACTION = 1 << 21;

  private final int keyWords;
  private final int stride;
  private final int shift;
  private final int mask;
  private final long[][] chunks;
  private final int size;
  // prefix index: records whose top prefixBits bits equal p sit in [prefixStart[p], prefixStart[p + 1]),
  // so a lookup binary-searches about 8 records instead of the whole table (fewer cache misses)
  private final int prefixBits;
  private final int[] prefixStart;

  private DigestTable(int keyWords, int stride, int shift, long[][] chunks, int size) {
    this.keyWords = keyWords;
    this.stride = stride;
    this.shift = shift;
    this.mask = (1 << shift) - 1;
    this.chunks = chunks;
    this.size = size;
    this.prefixBits = Math.max(0, Math.min(MAX_PREFIX_BITS, 31 - Integer.numberOfLeadingZeros(size >>> 3)));
    this.prefixStart = new int[(1 << prefixBits) + 1];
    int p = 0;
    for (int i = 0; i < size; i++) {
      int prefix = prefix(chunks[i >>> shift][(i & mask) * stride]);
      while (p <= prefix) {
        prefixStart[p++] = i;
      }
    }
    while (p < prefixStart.length) {
      prefixStart[p++] = size;
    }
  }

  private int prefix(long firstWord) {
    return prefixBits == 0 ? 0 : (int) (firstWord >>> (64 - prefixBits));
  }

  /** A builder with chunks of the largest power-of-two number of records that fits 256 KiB. */
  public static Builder builder(int keyWords, boolean withRefs) {
    int stride = keyWords + (withRefs ? 1 : 0);
    int records = Integer.highestOneBit(Math.max(1, MAX_CHUNK_WORDS / Math.max(1, stride)));
    return new Builder(keyWords, withRefs, Integer.numberOfTrailingZeros(records));
  }

  /** A builder with chunks of {@code 2^chunkShift} records (small values exercise chunk edges in tests). */
  public static Builder builder(int keyWords, boolean withRefs, int chunkShift) {
    return new Builder(keyWords, withRefs, chunkShift);
  }

  /** Number of distinct digests. */
  public int size() {
    return size;
  }

  /** Words per digest. */
  public int keyWords() {
    return keyWords;
  }

  /** Index of the record whose digest equals {@code key} (its first {@link #keyWords()} words), or -1. */
  public int indexOf(long[] key) {
    int p = prefix(key[0]);
    int lo = prefixStart[p];
    int hi = prefixStart[p + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long[] chunk = chunks[mid >>> shift];
      int off = (mid & mask) * stride;
      int c = 0;
      for (int k = 0; k < keyWords && c == 0; k++) {
        c = Long.compareUnsigned(chunk[off + k], key[k]);
      }
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Copies the digest words of record {@code index} into {@code out}. */
  public void key(int index, long[] out) {
    System.arraycopy(chunks[index >>> shift], (index & mask) * stride, out, 0, keyWords);
  }

  /** The reference word of record {@code index}, or {@link #NO_REF} when the table keeps none. */
  public long ref(int index) {
    if (stride == keyWords) {
      return NO_REF;
    }
    return chunks[index >>> shift][(index & mask) * stride + keyWords];
  }

  /**
   * Collects records, then sorts them in place and drops duplicate digests. Among records with the same
   * digest the one with the smallest reference word is kept: since {@link NameHeap} references grow in
   * the order names are added, that is the first one with a name ({@link #NO_REF} sorts last).
   */
  public static final class Builder {
    private final int keyWords;
    private int stride;
    private final int shift;
    private final int mask;
    private final int chunkRecords;
    private final List<long[]> chunkList = new ArrayList<>();
    private long[][] chunks;
    private long[] pivot;
    private long[] tmp;
    private int size;
    private int compactAt = FIRST_COMPACTION;
    private boolean built;

    private Builder(int keyWords, boolean withRefs, int chunkShift) {
      if (keyWords < 1) {
        throw new IllegalArgumentException("keyWords must be positive: " + keyWords);
      }
      if (chunkShift < 1 || chunkShift > 24) {
        throw new IllegalArgumentException("chunkShift must be in 1..24: " + chunkShift);
      }
      this.keyWords = keyWords;
      this.stride = keyWords + (withRefs ? 1 : 0);
      this.shift = chunkShift;
      this.mask = (1 << chunkShift) - 1;
      this.chunkRecords = 1 << chunkShift;
    }

    /** Number of records held: those added, less the duplicates removed by compactions so far. */
    public int size() {
      return size;
    }

    /**
     * Adds a digest (the first {@code keyWords} words of {@code key}, copied) with a reference word
     * (ignored when the table keeps none).
     *
     * @throws IllegalStateException after {@link #build()} or when the table is full
     */
    public void add(long[] key, long ref) {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      if (size >= compactAt) {
        sortAndDedup(defaultDepth());
        // keep compacting while the table keeps growing; never more often than once per doubling
        compactAt = size > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : Math.max(compactAt, 2 * size);
      }
      if (size == Integer.MAX_VALUE) {
        throw new IllegalStateException("a digest table holds at most " + Integer.MAX_VALUE + " digests");
      }
      int c = size >>> shift;
      int off = (size & mask) * stride;
      long[] chunk;
      if (c == chunkList.size()) {
        int records = c == 0 ? Math.min(FIRST_CHUNK_RECORDS, chunkRecords) : chunkRecords;
        chunk = new long[records * stride];
        chunkList.add(chunk);
      } else {
        chunk = chunkList.get(c);
        if (off + stride > chunk.length) {
          // only the first chunk starts small; it doubles until it reaches the full chunk size
          chunk = Arrays.copyOf(chunk, Math.min(chunkRecords * stride, chunk.length * 2));
          chunkList.set(c, chunk);
        }
      }
      System.arraycopy(key, 0, chunk, off, keyWords);
      if (stride > keyWords) {
        chunk[off + keyWords] = ref;
      }
      size++;
    }

    /**
     * Removes the reference word from every record added so far and from those added later, one chunk
     * at a time; for a table whose records turned out to have no references.
     */
    public void dropRefs() {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      if (stride == keyWords) {
        return;
      }
      for (int c = 0; c < chunkList.size(); c++) {
        long[] chunk = chunkList.get(c);
        int records = chunk.length / stride;
        for (int r = 0; r < records; r++) {
          System.arraycopy(chunk, r * stride, chunk, r * keyWords, keyWords);
        }
        chunkList.set(c, Arrays.copyOf(chunk, records * keyWords));
      }
      stride = keyWords;
    }

    /**
     * Sorts, removes duplicates and returns the table.
     *
     * @throws IllegalStateException when called twice
     */
    public DigestTable build() {
      return build(defaultDepth());
    }

    private int defaultDepth() {
      return 2 * (32 - Integer.numberOfLeadingZeros(size));
    }

    /** Makes the next in-place de-duplication happen at {@code records} records (tests use small values). */
    void compactAt(int records) {
      compactAt = records;
    }

    /** {@link #build()} with a chosen quicksort depth before heapsort takes over (0: heapsort only). */
    DigestTable build(int maxDepth) {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      built = true;
      sortAndDedup(maxDepth);
      long[][] kept = chunkList.toArray(new long[0][]);
      chunkList.clear();
      if (size > 0) {
        int lastLength = (((size - 1) & mask) + 1) * stride;
        if (kept[kept.length - 1].length > lastLength) {
          kept[kept.length - 1] = Arrays.copyOf(kept[kept.length - 1], lastLength);
        }
      }
      return new DigestTable(keyWords, stride, shift, kept, size);
    }

    /** Sorts the records, drops duplicates and releases the chunks no longer used. */
    private void sortAndDedup(int maxDepth) {
      chunks = chunkList.toArray(new long[0][]);
      pivot = new long[stride];
      tmp = new long[stride];
      if (size >= RADIX_MIN) {
        bucketByTopByte(maxDepth);
      } else {
        sort(0, size, maxDepth);
      }
      size = dedup();
      int used = size == 0 ? 0 : ((size - 1) >>> shift) + 1;
      chunkList.subList(used, chunkList.size()).clear();
      chunks = null;
    }

    private int dedup() {
      int w = 0;
      for (int r = 0; r < size; r++) {
        if (w > 0 && sameKey(w - 1, r)) {
          continue;
        }
        if (w != r) {
          copy(r, w);
        }
        w++;
      }
      return w;
    }

    // Digests are close to uniformly distributed, so one in-place radix pass on the top byte (American
    // flag sort: count, then swap each record into its bucket) splits the work into 256 small, cache-
    // friendly ranges before the comparison sort. Skewed input only makes the buckets uneven.
    private void bucketByTopByte(int maxDepth) {
      int[] end = new int[256];
      for (int i = 0; i < size; i++) {
        end[topByte(i)]++;
      }
      int[] next = new int[256];
      int sum = 0;
      for (int b = 0; b < 256; b++) {
        next[b] = sum;
        sum += end[b];
        end[b] = sum;
      }
      for (int b = 0; b < 256; b++) {
        while (next[b] < end[b]) {
          int v = topByte(next[b]);
          if (v == b) {
            next[b]++;
          } else {
            swap(next[b], next[v]++);
          }
        }
      }
      for (int b = 0, from = 0; b < 256; from = end[b], b++) {
        sort(from, end[b], maxDepth);
      }
    }

    private int topByte(int i) {
      return (int) (chunks[i >>> shift][(i & mask) * stride] >>> 56);
    }

    // Introsort: quicksort with Hoare partitioning around a median-of-three pivot (it stops on keys
    // equal to the pivot, so runs of equal digests, common in NSRL FILE rows, still split evenly),
    // insertion sort for short ranges, heapsort when the recursion gets too deep.
    private void sort(int lo, int hi, int depth) {
      while (hi - lo > INSERTION_SORT_MAX) {
        if (depth-- == 0) {
          heapSort(lo, hi);
          return;
        }
        // two of the three samples are <= and two are >= the pivot, so both sides end up non-empty
        load(medianOfThree(lo, (lo + hi) >>> 1, hi - 1), pivot);
        int i = lo - 1;
        int j = hi;
        while (true) {
          do {
            i++;
          } while (compareTo(i, pivot) < 0);
          do {
            j--;
          } while (compareTo(j, pivot) > 0);
          if (i >= j) {
            break;
          }
          swap(i, j);
        }
        int split = j + 1;
        if (split - lo < hi - split) {
          sort(lo, split, depth);
          lo = split;
        } else {
          sort(split, hi, depth);
          hi = split;
        }
      }
      insertionSort(lo, hi);
    }

    private int medianOfThree(int a, int b, int c) {
      if (compare(a, b) < 0) {
        if (compare(b, c) < 0) {
          return b;
        }
        return compare(a, c) < 0 ? c : a;
      }
      if (compare(a, c) < 0) {
        return a;
      }
      return compare(b, c) < 0 ? c : b;
    }

    private void insertionSort(int lo, int hi) {
      for (int i = lo + 1; i < hi; i++) {
        if (compare(i - 1, i) <= 0) {
          continue;
        }
        load(i, tmp);
        int j = i;
        while (j > lo && compareTo(j - 1, tmp) > 0) {
          copy(j - 1, j);
          j--;
        }
        store(tmp, j);
      }
    }

    private void heapSort(int lo, int hi) {
      int n = hi - lo;
      for (int k = n / 2 - 1; k >= 0; k--) {
        siftDown(lo, k, n);
      }
      for (int end = n - 1; end > 0; end--) {
        swap(lo, lo + end);
        siftDown(lo, 0, end);
      }
    }

    private void siftDown(int base, int k, int n) {
      while (true) {
        int child = 2 * k + 1;
        if (child >= n) {
          return;
        }
        if (child + 1 < n && compare(base + child, base + child + 1) < 0) {
          child++;
        }
        if (compare(base + k, base + child) >= 0) {
          return;
        }
        swap(base + k, base + child);
        k = child;
      }
    }

    /** Orders by digest, then by reference word. */
    private int compare(int i, int j) {
      long[] a = chunks[i >>> shift];
      int ao = (i & mask) * stride;
      long[] b = chunks[j >>> shift];
      int bo = (j & mask) * stride;
      for (int k = 0; k < stride; k++) {
        int c = Long.compareUnsigned(a[ao + k], b[bo + k]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    private int compareTo(int i, long[] record) {
      long[] a = chunks[i >>> shift];
      int ao = (i & mask) * stride;
      for (int k = 0; k < stride; k++) {
        int c = Long.compareUnsigned(a[ao + k], record[k]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    private boolean sameKey(int i, int j) {
      long[] a = chunks[i >>> shift];
      int ao = (i & mask) * stride;
      long[] b = chunks[j >>> shift];
      int bo = (j & mask) * stride;
      for (int k = 0; k < keyWords; k++) {
        if (a[ao + k] != b[bo + k]) {
          return false;
        }
      }
      return true;
    }

    private void swap(int i, int j) {
      if (i == j) {
        return;
      }
      long[] a = chunks[i >>> shift];
      int ao = (i & mask) * stride;
      long[] b = chunks[j >>> shift];
      int bo = (j & mask) * stride;
      for (int k = 0; k < stride; k++) {
        long t = a[ao + k];
        a[ao + k] = b[bo + k];
        b[bo + k] = t;
      }
    }

    private void copy(int from, int to) {
      System.arraycopy(
          chunks[from >>> shift], (from & mask) * stride, chunks[to >>> shift], (to & mask) * stride, stride);
    }

    private void load(int i, long[] out) {
      System.arraycopy(chunks[i >>> shift], (i & mask) * stride, out, 0, stride);
    }

    private void store(long[] record, int i) {
      System.arraycopy(record, 0, chunks[i >>> shift], (i & mask) * stride, stride);
    }
  }
}
