package dev.forensics.knownfiles;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.knownfiles.LoadOptions.NameRetention;
import dev.forensics.knownfiles.internal.DigestTable;
import dev.forensics.knownfiles.internal.HexWords;
import dev.forensics.knownfiles.internal.NameHeap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One hash set: a name, a kind (known or notable), the format it came from, and its entries. Immutable
 * and safe to share between threads.
 *
 * <p>Each entry records one or more digests of one file (an NSRL v3 row has SHA-256, SHA-1 and MD5; a
 * sha256sum line has SHA-256 only). A file {@linkplain #match matches} an entry when the digests of the
 * strongest algorithm both have are equal, as {@link DigestSet#strongestCommon} picks it: a file hashed
 * with MD5 and SHA-256 is checked against an MD5+SHA-256 set on SHA-256 alone, and a file hashed with MD5
 * only cannot be checked against a SHA-256-only set at all. When a set mixes entries that record
 * different algorithms (a list of MD5 lines and SHA-1 lines), the rule applies to each group of entries
 * with the same algorithms, so no entry is skipped.
 *
 * <p>Storage is compact: per algorithm, the digests sit sorted in chunked {@code long} arrays and are
 * found by binary search, about the digest length in bytes per entry (24 for SHA-1; a million SHA-256
 * entries take 32 MB). File names, when kept, cost about their UTF-8 length plus 9 bytes per entry.
 */
public final class KnownFileSet {

  private static final HashAlgorithm[] ALGORITHMS = HashAlgorithm.values();

  private final String name;
  private final HashSetKind kind;
  private final HashSetFormat format;
  private final List<Group> groups;
  private final Set<HashAlgorithm> algorithms;

  private KnownFileSet(String name, HashSetKind kind, HashSetFormat format, List<Group> groups) {
    this.name = name;
    this.kind = kind;
    this.format = format;
    this.groups = groups;
    EnumSet<HashAlgorithm> all = EnumSet.noneOf(HashAlgorithm.class);
    for (Group g : groups) {
      all.addAll(g.algorithms);
    }
    this.algorithms = Collections.unmodifiableSet(all);
  }

  /** A builder for a set built in code or by a loader. */
  public static Builder builder(String name, HashSetKind kind, HashSetFormat format) {
    return new Builder(name, kind, format);
  }

  /** The set's name, as shown in matches and reports. */
  public String name() {
    return name;
  }

  /** Whether a match means known (ignorable) or notable. */
  public HashSetKind kind() {
    return kind;
  }

  /** The format the set was read from. */
  public HashSetFormat format() {
    return format;
  }

  /** The algorithms the set records, in canonical order. */
  public Set<HashAlgorithm> algorithms() {
    return algorithms;
  }

  /**
   * Number of distinct entries, each counted by the strongest algorithm it records (so an NSRL v3 set
   * counts distinct SHA-256 values).
   */
  public long size() {
    long total = 0;
    for (Group g : groups) {
      total += g.tables[g.strongest.ordinal()].size();
    }
    return total;
  }

  /** Whether no entry was loaded. */
  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /** Whether the set records this digest for some entry. */
  public boolean contains(Digest digest) {
    long[] key = words(digest);
    for (Group g : groups) {
      DigestTable t = g.tables[digest.algorithm().ordinal()];
      if (t != null && t.indexOf(key) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the set records any algorithm {@code file} has, so that {@link #match} can decide. */
  public boolean isComparable(DigestSet file) {
    for (Group g : groups) {
      if (strongestCommon(g, file) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The entry that lists this file, if any: compared on the strongest algorithm the file and the entry
   * both have. Empty when no entry matches or when the set records none of the file's algorithms.
   */
  public Optional<KnownFileMatch> match(DigestSet file) {
    HashAlgorithm best = null;
    String bestName = null;
    for (Group g : groups) {
      HashAlgorithm a = strongestCommon(g, file);
      if (a == null || (best != null && a.strength() <= best.strength())) {
        continue;
      }
      Digest digest = file.get(a).orElseThrow();
      int index = g.tables[a.ordinal()].indexOf(words(digest));
      if (index >= 0) {
        best = a;
        bestName = g.nameAt(a, index);
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(new KnownFileMatch(name, kind, best, Optional.ofNullable(bestName)));
  }

  @Override
  public String toString() {
    return "KnownFileSet[" + name + ", " + kind + ", " + format.id() + ", " + size() + " entries, "
        + algorithms + "]";
  }

  private static HashAlgorithm strongestCommon(Group g, DigestSet file) {
    HashAlgorithm best = null;
    for (HashAlgorithm a : file.algorithms()) {
      if (g.algorithms.contains(a) && (best == null || a.strength() > best.strength())) {
        best = a;
      }
    }
    return best;
  }

  private static long[] words(Digest digest) {
    long[] key = new long[HexWords.wordsFor(digest.algorithm().lengthBytes())];
    HexWords.fromBytes(digest.value(), key);
    return key;
  }

  /** Entries that record the same algorithms. */
  private static final class Group {
    final Set<HashAlgorithm> algorithms;
    final HashAlgorithm strongest;
    final DigestTable[] tables;
    final NameHeap names;

    Group(Set<HashAlgorithm> algorithms, DigestTable[] tables, NameHeap names) {
      this.algorithms = algorithms;
      this.tables = tables;
      this.names = names;
      HashAlgorithm s = null;
      for (HashAlgorithm a : algorithms) {
        if (s == null || a.strength() > s.strength()) {
          s = a;
        }
      }
      this.strongest = s;
    }

    String nameAt(HashAlgorithm algorithm, int index) {
      long ref = tables[algorithm.ordinal()].ref(index);
      return names == null || ref == DigestTable.NO_REF ? null : names.get(ref);
    }
  }

  /**
   * Collects entries; {@link #build()} sorts them and drops duplicates. Not thread-safe; a builder
   * builds once.
   */
  public static final class Builder {
    private final String name;
    private final HashSetKind kind;
    private final HashSetFormat format;
    private final GroupBuilder[] byMask = new GroupBuilder[1 << ALGORITHMS.length];
    private final long[][] scratch = new long[ALGORITHMS.length][];
    private boolean keepNames = true;
    private boolean started;
    private boolean built;

    private Builder(String name, HashSetKind kind, HashSetFormat format) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a hash set needs a name");
      }
      this.name = name;
      this.kind = Objects.requireNonNull(kind, "kind");
      this.format = Objects.requireNonNull(format, "format");
      for (HashAlgorithm a : ALGORITHMS) {
        scratch[a.ordinal()] = new long[HexWords.wordsFor(a.lengthBytes())];
      }
    }

    /**
     * Whether to keep the file names given to {@link #add(DigestSet, String)}; keeps them unless told
     * otherwise.
     *
     * @throws IllegalStateException after the first entry
     */
    public Builder names(NameRetention names) {
      Objects.requireNonNull(names, "names");
      if (started) {
        throw new IllegalStateException("choose whether to keep names before adding entries");
      }
      this.keepNames = names == NameRetention.KEEP;
      return this;
    }

    /** Adds an entry with no file name; see {@link #add(DigestSet, String)}. */
    public Builder add(DigestSet digests) {
      return add(digests, null);
    }

    /**
     * Adds an entry: the digests of one file and, if known, the name the set records for it. When
     * entries repeat a digest, a match reports the first name given for it.
     *
     * @param fileName the recorded name, or {@code null}
     * @throws IllegalArgumentException when {@code digests} is empty
     * @throws IllegalStateException after {@link #build()}
     */
    public Builder add(DigestSet digests, String fileName) {
      if (digests.isEmpty()) {
        throw new IllegalArgumentException("an entry needs at least one digest");
      }
      int mask = 0;
      for (Digest d : digests.digests()) {
        int ordinal = d.algorithm().ordinal();
        HexWords.fromBytes(d.value(), scratch[ordinal]);
        mask |= 1 << ordinal;
      }
      addRow(mask, scratch, fileName);
      return this;
    }

    /**
     * Adds an entry whose digests are already packed: {@code keys[ordinal]} holds the words of the
     * algorithm with that ordinal, for each bit set in {@code mask}. The arrays are copied.
     */
    void addRow(int mask, long[][] keys, String fileName) {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      started = true;
      GroupBuilder g = byMask[mask];
      if (g == null) {
        g = new GroupBuilder(mask, keepNames);
        byMask[mask] = g;
      }
      g.add(keys, keepNames ? fileName : null);
    }

    /**
     * The set.
     *
     * @throws IllegalStateException when called twice
     */
    public KnownFileSet build() {
      if (built) {
        throw new IllegalStateException("build() was already called");
      }
      built = true;
      List<Group> groups = new ArrayList<>();
      for (int mask = 0; mask < byMask.length; mask++) {
        if (byMask[mask] != null) {
          groups.add(byMask[mask].build());
          byMask[mask] = null;
        }
      }
      return new KnownFileSet(name, kind, format, List.copyOf(groups));
    }
  }

  private static final class GroupBuilder {
    private final Set<HashAlgorithm> algorithms = EnumSet.noneOf(HashAlgorithm.class);
    private final DigestTable.Builder[] tables = new DigestTable.Builder[ALGORITHMS.length];
    private final NameHeap.Builder names;
    private long namesAdded;

    GroupBuilder(int mask, boolean keepNames) {
      for (HashAlgorithm a : ALGORITHMS) {
        if ((mask & (1 << a.ordinal())) != 0) {
          algorithms.add(a);
          tables[a.ordinal()] = DigestTable.builder(HexWords.wordsFor(a.lengthBytes()), keepNames);
        }
      }
      this.names = keepNames ? NameHeap.builder() : null;
    }

    void add(long[][] keys, String fileName) {
      long ref = DigestTable.NO_REF;
      if (names != null && fileName != null) {
        ref = names.add(fileName);
        namesAdded++;
      }
      for (HashAlgorithm a : algorithms) {
        tables[a.ordinal()].add(keys[a.ordinal()], ref);
      }
    }

    Group build() {
      DigestTable[] built = new DigestTable[ALGORITHMS.length];
      for (HashAlgorithm a : algorithms) {
        DigestTable.Builder t = tables[a.ordinal()];
        if (namesAdded == 0) {
          t.dropRefs();
        }
        built[a.ordinal()] = t.build();
        tables[a.ordinal()] = null;
      }
      NameHeap heap = names == null || namesAdded == 0 ? null : names.build();
      return new Group(Collections.unmodifiableSet(algorithms), built, heap);
    }
  }
}
