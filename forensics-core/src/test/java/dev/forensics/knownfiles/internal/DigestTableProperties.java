package dev.forensics.knownfiles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DigestTableProperties {

  private static final int MAX_WORDS = 5;

  @Property(tries = 400)
  void build_sortsDeduplicatesAndFinds(
      @ForAll("records") List<long[]> records,
      @ForAll @IntRange(min = 1, max = MAX_WORDS) int keyWords,
      @ForAll @IntRange(min = 1, max = 4) int chunkShift,
      @ForAll boolean withRefs,
      @ForAll @IntRange(min = -1, max = 2) int maxDepth,
      @ForAll @IntRange(min = 0, max = 40) int compactAt) {
    DigestTable.Builder builder = DigestTable.builder(keyWords, withRefs, chunkShift);
    if (compactAt > 0) {
      builder.compactAt(compactAt); // sort and de-duplicate in place while adding
    }
    TreeMap<long[], Integer> oracle = new TreeMap<>((a, b) -> compare(a, b, keyWords));
    for (int i = 0; i < records.size(); i++) {
      builder.add(records.get(i), i);
      oracle.putIfAbsent(records.get(i), i);
    }
    DigestTable table = maxDepth < 0 ? builder.build() : builder.build(maxDepth);

    assertThat(table.size()).isEqualTo(oracle.size());
    int index = 0;
    long[] key = new long[keyWords];
    for (Map.Entry<long[], Integer> e : oracle.entrySet()) {
      table.key(index, key);
      assertThat(key).isEqualTo(Arrays.copyOf(e.getKey(), keyWords));
      assertThat(table.ref(index)).isEqualTo(withRefs ? e.getValue() : DigestTable.NO_REF);
      assertThat(table.indexOf(e.getKey())).isEqualTo(index);
      long[] neighbour = e.getKey().clone();
      neighbour[keyWords - 1]++;
      assertThat(table.indexOf(neighbour) >= 0).isEqualTo(oracle.containsKey(neighbour));
      index++;
    }
  }

  @Property(tries = 100)
  void dropRefs_midway_keysIntactAndNoRefs(
      @ForAll("records") List<long[]> records, @ForAll @IntRange(min = 1, max = 3) int chunkShift) {
    DigestTable.Builder builder = DigestTable.builder(2, true, chunkShift);
    TreeMap<long[], Integer> oracle = new TreeMap<>((a, b) -> compare(a, b, 2));
    for (int i = 0; i < records.size(); i++) {
      if (i == records.size() / 2) {
        builder.dropRefs();
      }
      builder.add(records.get(i), i);
      oracle.putIfAbsent(records.get(i), i);
    }
    if (records.isEmpty()) {
      builder.dropRefs();
    }
    DigestTable table = builder.build();

    assertThat(table.size()).isEqualTo(oracle.size());
    for (long[] k : oracle.keySet()) {
      int i = table.indexOf(k);
      assertThat(i).isNotNegative();
      assertThat(table.ref(i)).isEqualTo(DigestTable.NO_REF);
    }
  }

  @Property(tries = 30)
  void build_largeTables_radixPassThenSort(
      @ForAll @IntRange(min = 4096, max = 30_000) int n,
      @ForAll @IntRange(min = 0, max = 3) int skew,
      @ForAll long seed) {
    // skew 0: uniform words; higher skew: fewer distinct top bytes and many duplicates
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    DigestTable.Builder builder = DigestTable.builder(2, true);
    builder.compactAt(5000);
    TreeMap<long[], Integer> oracle = new TreeMap<>((a, b) -> compare(a, b, 2));
    for (int i = 0; i < n; i++) {
      long w0 = random.nextLong() >>> (skew * 20);
      long[] key = {w0, skew == 3 ? random.nextInt(50) : random.nextLong()};
      builder.add(key, i);
      oracle.putIfAbsent(key, i);
    }
    DigestTable table = builder.build();

    assertThat(table.size()).isEqualTo(oracle.size());
    int index = 0;
    long[] key = new long[2];
    for (Map.Entry<long[], Integer> e : oracle.entrySet()) {
      table.key(index, key);
      assertThat(key).isEqualTo(e.getKey());
      assertThat(table.ref(index)).isEqualTo((long) e.getValue());
      assertThat(table.indexOf(e.getKey())).isEqualTo(index);
      long[] miss = {e.getKey()[0], e.getKey()[1] ^ 0x8000_0000_0000_0000L};
      assertThat(table.indexOf(miss) >= 0).isEqualTo(oracle.containsKey(miss));
      index++;
    }
  }

  @Example
  void build_twice_throws() {
    DigestTable.Builder builder = DigestTable.builder(1, false);
    builder.build();

    org.assertj.core.api.Assertions.assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.add(new long[1], 0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Example
  void add_manyDuplicates_compactionKeepsTheBuilderSmall() {
    DigestTable.Builder builder = DigestTable.builder(4, false);
    builder.compactAt(10_000);
    for (int i = 0; i < 1_000_000; i++) {
      builder.add(new long[] {i % 1000, 0, 0, i % 7}, DigestTable.NO_REF);
      assertThat(builder.size()).isLessThanOrEqualTo(17_000);
    }
    assertThat(builder.build().size()).isEqualTo(7000);
  }

  @Example
  void build_manyEqualKeysAcrossChunks_oneLeft() {
    DigestTable.Builder builder = DigestTable.builder(4, true, 3);
    for (int i = 0; i < 10_000; i++) {
      builder.add(new long[] {7, 7, 7, i % 2}, i);
    }
    DigestTable table = builder.build();

    assertThat(table.size()).isEqualTo(2);
    assertThat(table.ref(0)).isZero();
    assertThat(table.ref(1)).isEqualTo(1);
  }

  @Example
  void build_sortedAndReversedInput_heapsortFallbackStillCorrect() {
    for (int depth : new int[] {0, 3, 64}) {
      DigestTable.Builder builder = DigestTable.builder(1, false, 4);
      for (int i = 5_000; i > 0; i--) {
        builder.add(new long[] {i}, 0);
      }
      for (int i = 0; i < 5_000; i++) {
        builder.add(new long[] {-i}, 0);
      }
      DigestTable table = builder.build(depth);
      assertThat(table.size()).isEqualTo(9_999 + 1);
      long[] previous = null;
      for (int i = 0; i < table.size(); i++) {
        long[] k = new long[1];
        table.key(i, k);
        if (previous != null) {
          assertThat(Long.compareUnsigned(previous[0], k[0])).isNegative();
        }
        previous = k;
      }
    }
  }

  @Provide
  Arbitrary<List<long[]>> records() {
    Arbitrary<Long> word =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs()));
    return word.list()
        .ofSize(MAX_WORDS)
        .map(l -> l.stream().mapToLong(Long::longValue).toArray())
        .list()
        .ofMaxSize(300)
        .map(ArrayList::new);
  }

  private static int compare(long[] a, long[] b, int words) {
    for (int k = 0; k < words; k++) {
      int c = Long.compareUnsigned(a[k], b[k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
