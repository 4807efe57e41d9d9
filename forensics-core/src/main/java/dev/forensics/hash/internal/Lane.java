package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;

/**
 * The digests one thread computes over a stream: for each of its algorithms a whole-stream hasher and,
 * with piecewise hashing, a hasher for the current piece. Not thread-safe; one thread feeds it the
 * stream's bytes in order.
 */
public final class Lane {

  private final HashAlgorithm[] algorithms;
  private final Hasher[] whole;
  private final Hasher[] piece;
  private final long pieceSize;
  private long position;
  private long pieceStart;
  /** Per finished piece, the digests in this lane's algorithm order. */
  private final List<Digest[]> pieces = new ArrayList<>();

  public Lane(List<HashAlgorithm> algorithms, long pieceSize) {
    this.algorithms = algorithms.toArray(new HashAlgorithm[0]);
    this.pieceSize = pieceSize;
    this.whole = new Hasher[this.algorithms.length];
    this.piece = pieceSize > 0 ? new Hasher[this.algorithms.length] : null;
    for (int i = 0; i < this.algorithms.length; i++) {
      whole[i] = this.algorithms[i].newHasher();
      if (piece != null) {
        piece[i] = this.algorithms[i].newHasher();
      }
    }
  }

  public List<HashAlgorithm> algorithms() {
    return List.of(algorithms);
  }

  /** Feeds the next {@code len} bytes of the stream. */
  public void update(byte[] buf, int off, int len) {
    for (Hasher h : whole) {
      h.update(buf, off, len);
    }
    if (piece == null) {
      position += len;
      return;
    }
    while (len > 0) {
      long room = pieceStart + pieceSize - position;
      int n = (int) Math.min(room, len);
      for (Hasher h : piece) {
        h.update(buf, off, n);
      }
      position += n;
      off += n;
      len -= n;
      if (position == pieceStart + pieceSize) {
        finishPiece();
      }
    }
  }

  private void finishPiece() {
    Digest[] d = new Digest[algorithms.length];
    for (int i = 0; i < algorithms.length; i++) {
      d[i] = new Digest(algorithms[i], piece[i].finish());
    }
    pieces.add(d);
    pieceStart = position;
  }

  /** Completes the stream; returns the whole-stream digests in this lane's algorithm order. */
  public Digest[] finish() {
    if (piece != null && position > pieceStart) {
      finishPiece();
    }
    Digest[] d = new Digest[algorithms.length];
    for (int i = 0; i < algorithms.length; i++) {
      d[i] = new Digest(algorithms[i], whole[i].finish());
    }
    return d;
  }

  /** The digests of each finished piece, valid after {@link #finish()}. */
  public List<Digest[]> pieces() {
    return pieces;
  }

  /** Bytes fed so far. */
  public long position() {
    return position;
  }
}
