package dev.forensics.hash;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The digests of one piece of content, at most one per algorithm, iterated in canonical algorithm
 * order. Immutable.
 */
public final class DigestSet {

  private static final DigestSet EMPTY = new DigestSet(new EnumMap<>(HashAlgorithm.class));

  private final EnumMap<HashAlgorithm, Digest> byAlgorithm;

  private DigestSet(EnumMap<HashAlgorithm, Digest> byAlgorithm) {
    this.byAlgorithm = byAlgorithm;
  }

  /** An empty set. */
  public static DigestSet empty() {
    return EMPTY;
  }

  /**
   * A set of these digests.
   *
   * @throws IllegalArgumentException when two digests share an algorithm
   */
  public static DigestSet of(Collection<Digest> digests) {
    EnumMap<HashAlgorithm, Digest> map = new EnumMap<>(HashAlgorithm.class);
    for (Digest d : digests) {
      if (map.put(d.algorithm(), d) != null) {
        throw new IllegalArgumentException("two " + d.algorithm().id() + " digests in one set");
      }
    }
    return new DigestSet(map);
  }

  /** A set of these digests; see {@link #of(Collection)}. */
  public static DigestSet of(Digest... digests) {
    return of(List.of(digests));
  }

  /** The digest for an algorithm, if present. */
  public Optional<Digest> get(HashAlgorithm algorithm) {
    return Optional.ofNullable(byAlgorithm.get(algorithm));
  }

  /** The algorithms present, in canonical order. */
  public Set<HashAlgorithm> algorithms() {
    return Collections.unmodifiableSet(byAlgorithm.keySet());
  }

  /** The digests, in canonical algorithm order. */
  public Collection<Digest> digests() {
    return Collections.unmodifiableCollection(byAlgorithm.values());
  }

  public boolean isEmpty() {
    return byAlgorithm.isEmpty();
  }

  public int size() {
    return byAlgorithm.size();
  }

  /** A copy with the digest added or replaced. */
  public DigestSet with(Digest digest) {
    EnumMap<HashAlgorithm, Digest> map = new EnumMap<>(byAlgorithm);
    map.put(digest.algorithm(), digest);
    return new DigestSet(map);
  }

  /** The strongest algorithm both sets have, if any. */
  public Optional<HashAlgorithm> strongestCommon(DigestSet other) {
    HashAlgorithm best = null;
    for (HashAlgorithm a : byAlgorithm.keySet()) {
      if (other.byAlgorithm.containsKey(a) && (best == null || a.strength() > best.strength())) {
        best = a;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Compares the digests both sets have.
   *
   * @return {@link Comparison#SAME} when they share at least one algorithm and every shared one agrees,
   *     {@link Comparison#DIFFERENT} when any shared one disagrees, {@link Comparison#INCOMPARABLE}
   *     when they share none
   */
  public Comparison compare(DigestSet other) {
    boolean any = false;
    for (Map.Entry<HashAlgorithm, Digest> e : byAlgorithm.entrySet()) {
      Digest theirs = other.byAlgorithm.get(e.getKey());
      if (theirs != null) {
        any = true;
        if (!theirs.equals(e.getValue())) {
          return Comparison.DIFFERENT;
        }
      }
    }
    return any ? Comparison.SAME : Comparison.INCOMPARABLE;
  }

  /** Outcome of {@link #compare(DigestSet)}. */
  public enum Comparison {
    SAME,
    DIFFERENT,
    INCOMPARABLE
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DigestSet s && s.byAlgorithm.equals(byAlgorithm);
  }

  @Override
  public int hashCode() {
    return byAlgorithm.hashCode();
  }

  @Override
  public String toString() {
    return byAlgorithm.values().toString();
  }
}
