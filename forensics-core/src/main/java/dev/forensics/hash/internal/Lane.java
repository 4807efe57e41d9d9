package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * The digests one thread computes over a stream: for each of its algorithms a whole-stream hasher and,
 * optionally, hashers for consecutive ranges of the stream: fixed-size pieces (piecewise hashing) and
 * segments of given lengths (the files of a split image). Every byte fed goes to each of them, so all
 * come from one read. Not thread-safe; one thread feeds it the stream's bytes in order.
 */
public final class Lane {

  private final HashAlgorithm[] algorithms;
  private final Hasher[] whole;
  private final Ranges pieces;
  private final Ranges segments;
  private long position;

  /** A lane with fixed-size pieces ({@code pieceSize} 0: none) and no segments. */
  public Lane(List<HashAlgorithm> algorithms, long pieceSize) {
    this(algorithms, pieceSize, null);
  }

  /**
   * A lane with fixed-size pieces ({@code pieceSize} 0: none) and, unless {@code segmentLengths} is null,
   * one range per segment length, in order; the stream must then be exactly as long as their sum.
   */
  public Lane(List<HashAlgorithm> algorithms, long pieceSize, long[] segmentLengths) {
    this.algorithms = algorithms.toArray(new HashAlgorithm[0]);
    this.whole = hashers(this.algorithms);
    this.pieces = pieceSize > 0 ? new Ranges(this.algorithms, pieceSize, null) : null;
    this.segments = segmentLengths != null ? new Ranges(this.algorithms, 0, segmentLengths.clone()) : null;
  }

  private static Hasher[] hashers(HashAlgorithm[] algorithms) {
    Hasher[] h = new Hasher[algorithms.length];
    for (int i = 0; i < algorithms.length; i++) {
      h[i] = algorithms[i].newHasher();
    }
    return h;
  }

  public List<HashAlgorithm> algorithms() {
    return List.of(algorithms);
  }

  /** Feeds the next {@code len} bytes of the stream. */
  public void update(byte[] buf, int off, int len) {
    for (Hasher h : whole) {
      h.update(buf, off, len);
    }
    if (pieces != null) {
      pieces.update(buf, off, len, position);
    }
    if (segments != null) {
      segments.update(buf, off, len, position);
    }
    position += len;
  }

  /**
   * Completes the stream; returns the whole-stream digests in this lane's algorithm order.
   *
   * @throws IllegalStateException if segment lengths were given and the stream's length differs from
   *     their sum
   */
  public Digest[] finish() {
    if (pieces != null) {
      pieces.finish(position);
    }
    if (segments != null) {
      segments.finish(position);
    }
    Digest[] d = new Digest[algorithms.length];
    for (int i = 0; i < algorithms.length; i++) {
      d[i] = new Digest(algorithms[i], whole[i].finish());
    }
    return d;
  }

  /** The digests of each finished piece, valid after {@link #finish()}. */
  public List<Digest[]> pieces() {
    return pieces == null ? List.of() : pieces.done;
  }

  /** The digests of each segment, valid after {@link #finish()}; empty when no segments were given. */
  public List<Digest[]> segments() {
    return segments == null ? List.of() : segments.done;
  }

  /** Bytes fed so far. */
  public long position() {
    return position;
  }

  /**
   * Consecutive ranges of the stream, each hashed on its own: either of one fixed size (the last may be
   * shorter; no range for an empty stream) or of given lengths (zero-length ranges included).
   */
  private static final class Ranges {
    private final HashAlgorithm[] algorithms;
    private final Hasher[] hashers;
    private final long size;
    private final long[] lengths;
    private int index;
    private long start;
    final List<Digest[]> done = new ArrayList<>();

    Ranges(HashAlgorithm[] algorithms, long size, long[] lengths) {
      this.algorithms = algorithms;
      this.hashers = hashers(algorithms);
      this.size = size;
      this.lengths = lengths;
    }

    /** The stream offset where the current range ends; for given lengths past the last, the max. */
    private long end() {
      if (lengths == null) {
        return start + size;
      }
      return index < lengths.length ? start + lengths[index] : Long.MAX_VALUE;
    }

    /** Closes every range that ends at {@code position} (several, when some have length zero). */
    private void closeEndedAt(long position) {
      while ((lengths == null || index < lengths.length) && end() == position) {
        close(position);
      }
    }

    private void close(long position) {
      Digest[] d = new Digest[algorithms.length];
      for (int i = 0; i < algorithms.length; i++) {
        d[i] = new Digest(algorithms[i], hashers[i].finish());
      }
      done.add(d);
      start = position;
      index++;
    }

    void update(byte[] buf, int off, int len, long position) {
      closeEndedAt(position);
      while (len > 0) {
        long end = end();
        if (end == Long.MAX_VALUE) {
          throw new IllegalStateException("stream is longer than the " + lengths.length + " segments given");
        }
        int n = (int) Math.min(end - position, len);
        for (Hasher h : hashers) {
          h.update(buf, off, n);
        }
        position += n;
        off += n;
        len -= n;
        closeEndedAt(position);
      }
    }

    void finish(long position) {
      closeEndedAt(position);
      if (lengths == null) {
        if (position > start) {
          close(position); // the last, shorter piece
        }
      } else if (index < lengths.length) {
        throw new IllegalStateException("stream ended at byte " + position + ", inside segment " + index
            + " of " + lengths.length + " (which ends at byte " + end() + ")");
      }
    }
  }
}
