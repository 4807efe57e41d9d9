package dev.forensics.knownfiles;

import dev.forensics.hash.DigestSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several hash sets consulted together, in order. Immutable and safe to share between threads.
 *
 * <p>A file is looked up in every set (see {@link KnownFileSet#match}); the status is notable if any
 * notable set lists it, else known if any known set does, else unknown.
 */
public final class KnownFileLibrary {

  private static final KnownFileLibrary EMPTY = new KnownFileLibrary(List.of());

  private final List<KnownFileSet> sets;

  private KnownFileLibrary(List<KnownFileSet> sets) {
    this.sets = sets;
  }

  /** A library with no sets: every file is unknown. */
  public static KnownFileLibrary empty() {
    return EMPTY;
  }

  /**
   * A library of these sets, in this order.
   *
   * @throws IllegalArgumentException when two sets have the same name
   */
  public static KnownFileLibrary of(Collection<KnownFileSet> sets) {
    Set<String> names = new HashSet<>();
    for (KnownFileSet s : sets) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("two hash sets are named '" + s.name() + "'");
      }
    }
    return new KnownFileLibrary(List.copyOf(sets));
  }

  /** A library of these sets; see {@link #of(Collection)}. */
  public static KnownFileLibrary of(KnownFileSet... sets) {
    return of(List.of(sets));
  }

  /**
   * A library with one more set, consulted last.
   *
   * @throws IllegalArgumentException when a set of that name is already there
   */
  public KnownFileLibrary with(KnownFileSet set) {
    List<KnownFileSet> all = new ArrayList<>(sets);
    all.add(set);
    return of(all);
  }

  /** The sets, in lookup order. */
  public List<KnownFileSet> sets() {
    return sets;
  }

  /** The set with this name, if any. */
  public Optional<KnownFileSet> set(String name) {
    return sets.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The sets that list a file, and the resulting status. */
  public KnownFileLookup lookup(DigestSet file) {
    List<KnownFileMatch> notable = new ArrayList<>();
    List<KnownFileMatch> known = new ArrayList<>();
    List<String> incomparable = new ArrayList<>();
    for (KnownFileSet s : sets) {
      if (!s.isEmpty() && !s.isComparable(file)) {
        incomparable.add(s.name());
        continue;
      }
      s.match(file).ifPresent(m -> (m.kind() == HashSetKind.NOTABLE ? notable : known).add(m));
    }
    notable.addAll(known);
    return KnownFileLookup.of(notable, incomparable);
  }

  /** The status of a file alone; see {@link #lookup(DigestSet)}. */
  public KnownFileStatus status(DigestSet file) {
    return lookup(file).status();
  }

  @Override
  public String toString() {
    return "KnownFileLibrary" + sets;
  }
}
