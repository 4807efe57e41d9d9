package dev.forensics.hash;

import dev.forensics.hash.internal.Lane;
import dev.forensics.hash.internal.OpenSslDigests;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Computes several digests of a stream, and optionally the digests of its fixed-size pieces and of
 * segments of given lengths, from one read of it.
 *
 * <p>Streams of at least {@link #PARALLEL_THRESHOLD} bytes are read by the calling thread while the
 * digests run on other cores, each algorithm consuming every buffer in order; a buffer is reused once
 * all algorithms are done with it, so memory use is bounded by a small ring of buffers whatever the
 * stream's size. A single algorithm still gains: reading overlaps hashing. Smaller streams are hashed
 * in the calling thread, by OpenSSL's digests where the machine has them (see {@link #openSslVersion()}).
 * Instances are immutable and thread-safe; each call hashes one stream.
 */
public final class MultiHasher {

  /** Size from which a stream is hashed on several threads. */
  public static final long PARALLEL_THRESHOLD = 4L << 20;

  private static final int SEQUENTIAL_BUFFER = 128 << 10;
  private static final int PARALLEL_BUFFER = 1 << 20;
  private static final int RING = 6;

  private static final ExecutorService LANES =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "forensics-digest-lane");
            t.setDaemon(true);
            return t;
          });

  /** Reused per thread: many small files would otherwise allocate and zero a buffer each. */
  private static final ThreadLocal<ByteBuffer> SEQUENTIAL =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(SEQUENTIAL_BUFFER));

  private final List<HashAlgorithm> algorithms;
  private final long pieceSize;
  private final long[] segmentLengths;
  private final int parallelism;

  private MultiHasher(List<HashAlgorithm> algorithms, long pieceSize, long[] segmentLengths, int parallelism) {
    this.algorithms = algorithms;
    this.pieceSize = pieceSize;
    this.segmentLengths = segmentLengths;
    this.parallelism = parallelism;
  }

  /**
   * A hasher for these algorithms (in canonical order, duplicates dropped), without pieces, using as
   * many threads as there are processors.
   *
   * @throws IllegalArgumentException when no algorithm is given
   */
  public static MultiHasher of(Collection<HashAlgorithm> algorithms) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("no hash algorithm given");
    }
    return new MultiHasher(
        List.copyOf(EnumSet.copyOf(algorithms)), 0, null, Runtime.getRuntime().availableProcessors());
  }

  /** A hasher for these algorithms; see {@link #of(Collection)}. */
  public static MultiHasher of(HashAlgorithm... algorithms) {
    return of(List.of(algorithms));
  }

  /** A copy that also hashes every {@code size}-byte piece (0 = no pieces). */
  public MultiHasher withPieceSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("negative piece size " + size);
    }
    return new MultiHasher(algorithms, size, segmentLengths, parallelism);
  }

  /**
   * A copy that also hashes consecutive segments of these lengths, such as the files of a split image
   * (each byte is still read once). A stream hashed with it must be exactly as long as their sum, else
   * hashing throws {@link IllegalStateException}; each segment's digests come back in {@link
   * HashResult#segments()}, also for segments of length 0.
   *
   * @throws IllegalArgumentException for no segment or a negative length
   */
  public MultiHasher withSegments(List<Long> lengths) {
    if (lengths.isEmpty()) {
      throw new IllegalArgumentException("no segment length given");
    }
    long[] copy = new long[lengths.size()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = lengths.get(i);
      if (copy[i] < 0) {
        throw new IllegalArgumentException("negative segment length " + copy[i]);
      }
    }
    return new MultiHasher(algorithms, pieceSize, copy, parallelism);
  }

  /** A copy that uses at most {@code threads} digest threads per stream (1 = hash in the caller's thread). */
  public MultiHasher withParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return new MultiHasher(algorithms, pieceSize, segmentLengths, threads);
  }

  public List<HashAlgorithm> algorithms() {
    return algorithms;
  }

  /**
   * The version of the OpenSSL library whose digests hash streams here, if one is used: streams hashed
   * whole (no pieces or segments) on one thread, below {@link #PARALLEL_THRESHOLD} or with parallelism
   * 1, when OpenSSL computes every algorithm asked for (see {@link #openSslAlgorithms()}). The results
   * are the same either way; the JDK's digests and Bouncy Castle's BLAKE3 hash everything else. The
   * first call loads the library.
   */
  public static Optional<String> openSslVersion() {
    return OpenSslDigests.version();
  }

  /** The algorithms OpenSSL computes here, in canonical order; empty when it is not used. */
  public static List<HashAlgorithm> openSslAlgorithms() {
    return OpenSslDigests.algorithms();
  }

  /** Why OpenSSL's digests are not used here, or not for every algorithm it has; empty when they all are. */
  public static Optional<String> openSslUnavailableReason() {
    return OpenSslDigests.unavailableReason();
  }

  public long pieceSize() {
    return pieceSize;
  }

  /** Hashes a byte array. */
  public HashResult hash(byte[] data) {
    Lane lane = new Lane(algorithms, pieceSize, segmentLengths);
    lane.update(data, 0, data.length);
    return result(List.of(lane), lane.finish(), data.length);
  }

  /** Hashes an input stream to its end; the stream is not closed. */
  public HashResult hash(InputStream in) throws IOException {
    return hash(Channels.newChannel(in), -1, n -> {});
  }

  /**
   * Hashes a channel to its end; the channel is not closed.
   *
   * @param expectedSize the stream's size if known (chooses single- or multi-threaded hashing), else -1
   * @param progress told the number of bytes after each buffer read, from the calling thread
   */
  public HashResult hash(ReadableByteChannel in, long expectedSize, LongConsumer progress)
      throws IOException {
    Objects.requireNonNull(progress, "progress");
    boolean parallel =
        parallelism > 1 && (expectedSize < 0 || expectedSize >= PARALLEL_THRESHOLD);
    return parallel ? hashPipelined(in, progress) : hashSequential(in, progress);
  }

  private HashResult hashSequential(ReadableByteChannel in, LongConsumer progress) throws IOException {
    if (pieceSize == 0 && segmentLengths == null && OpenSslDigests.supportsAll(algorithms)) {
      return hashWithOpenSsl(in, progress);
    }
    Lane lane = new Lane(algorithms, pieceSize, segmentLengths);
    ByteBuffer buf = SEQUENTIAL.get();
    buf.clear();
    long total = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      if (n == 0) {
        continue;
      }
      lane.update(buf.array(), 0, buf.position());
      total += buf.position();
      progress.accept(buf.position());
      buf.clear();
    }
    return result(List.of(lane), lane.finish(), total);
  }

  /** {@link #hashSequential} with OpenSSL's digests, read into a direct buffer they hash in place. */
  private HashResult hashWithOpenSsl(ReadableByteChannel in, LongConsumer progress) throws IOException {
    try (OpenSslDigests.Session s = OpenSslDigests.session()) {
      s.start(algorithms);
      ByteBuffer buf = s.buffer();
      long total = 0;
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (n == 0) {
          continue;
        }
        int read = buf.position();
        s.update();
        total += read;
        progress.accept(read);
      }
      byte[][] digests = s.finish();
      Digest[] d = new Digest[digests.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = new Digest(algorithms.get(i), digests[i]);
      }
      return new HashResult(total, DigestSet.of(d), List.of());
    }
  }

  private HashResult hashPipelined(ReadableByteChannel in, LongConsumer progress) throws IOException {
    Pipeline p = new Pipeline(algorithms, pieceSize, segmentLengths);
    int workers = Math.min(parallelism, algorithms.size());
    List<Future<?>> futures = new ArrayList<>(workers);
    for (int i = 0; i < workers; i++) {
      futures.add(LANES.submit(p::work));
    }
    long total = 0;
    boolean done = false;
    try {
      while (true) {
        int n = p.fillNext(in);
        if (n < 0) {
          break;
        }
        total += n;
        progress.accept(n);
      }
      for (Future<?> f : futures) {
        f.get();
      }
      done = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing");
    } catch (ExecutionException e) {
      throw new IllegalStateException("digest worker failed", e.getCause());
    } finally {
      if (!done) {
        p.abort();
        futures.forEach(f -> f.cancel(true));
      }
    }
    Digest[] all = new Digest[algorithms.size()];
    for (int i = 0; i < p.lanes.length; i++) {
      all[i] = p.lanes[i].finish()[0];
    }
    return result(List.of(p.lanes), all, total);
  }

  /**
   * A ring of buffers read by one thread and hashed by several: each algorithm is a lane that must see
   * the chunks in order, and an idle worker always takes the lane that is furthest behind. The slowest
   * digest thus keeps one core to itself while the others share the rest, whatever their relative
   * cost on this CPU. A lane moves between workers only under the lock, so its state is handed over
   * safely; a buffer is refilled only when every lane is past it.
   */
  private static final class Pipeline {
    final Lane[] lanes;
    private final byte[][] ring = new byte[RING][];
    private final int[] lengths = new int[RING];
    private final long[] next;
    private final boolean[] busy;
    private long published;
    private boolean eof;
    private boolean aborted;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition space = lock.newCondition();

    Pipeline(List<HashAlgorithm> algorithms, long pieceSize, long[] segmentLengths) {
      lanes = new Lane[algorithms.size()];
      for (int i = 0; i < lanes.length; i++) {
        lanes[i] = new Lane(List.of(algorithms.get(i)), pieceSize, segmentLengths);
      }
      next = new long[lanes.length];
      busy = new boolean[lanes.length];
      for (int i = 0; i < RING; i++) {
        ring[i] = new byte[PARALLEL_BUFFER];
      }
    }

    private long slowest() {
      long min = Long.MAX_VALUE;
      for (long n : next) {
        min = Math.min(min, n);
      }
      return min;
    }

    /** Reads the next chunk into a free buffer and publishes it; -1 at end of stream. */
    int fillNext(ReadableByteChannel in) throws IOException, InterruptedException {
      long chunk;
      lock.lock();
      try {
        while (published - slowest() >= RING && !aborted) {
          space.await();
        }
        if (aborted) {
          throw new IllegalStateException("digest worker failed");
        }
        chunk = published;
      } finally {
        lock.unlock();
      }
      ByteBuffer bb = ByteBuffer.wrap(ring[(int) (chunk % RING)]);
      int n = 0;
      while (bb.hasRemaining() && (n = in.read(bb)) >= 0) {
        // fill the whole buffer: fewer, larger hand-offs
      }
      int len = bb.position();
      lock.lock();
      try {
        if (len > 0) {
          lengths[(int) (chunk % RING)] = len;
          published++;
        }
        if (n < 0) {
          eof = true;
        }
        work.signalAll();
      } finally {
        lock.unlock();
      }
      return len > 0 ? len : (n < 0 ? -1 : 0);
    }

    /** Runs on a worker thread until every lane has hashed every chunk. */
    void work() {
      while (true) {
        int lane = -1;
        long chunk;
        lock.lock();
        try {
          while (true) {
            if (aborted) {
              return;
            }
            for (int i = 0; i < lanes.length; i++) {
              if (!busy[i] && next[i] < published && (lane < 0 || next[i] < next[lane])) {
                lane = i;
              }
            }
            if (lane >= 0) {
              break;
            }
            if (eof && slowest() == published) {
              return;
            }
            work.awaitUninterruptibly();
          }
          busy[lane] = true;
          chunk = next[lane];
        } finally {
          lock.unlock();
        }
        int slot = (int) (chunk % RING);
        try {
          lanes[lane].update(ring[slot], 0, lengths[slot]);
        } catch (RuntimeException | Error e) {
          abort();
          throw e;
        }
        lock.lock();
        try {
          next[lane]++;
          busy[lane] = false;
          space.signal();
          work.signalAll();
        } finally {
          lock.unlock();
        }
      }
    }

    void abort() {
      lock.lock();
      try {
        aborted = true;
        work.signalAll();
        space.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private HashResult result(List<Lane> lanes, Digest[] whole, long size) {
    DigestSet digests = DigestSet.of(List.of(whole));
    List<Piece> pieces = new ArrayList<>();
    if (pieceSize > 0) {
      int count = lanes.get(0).pieces().size();
      for (int i = 0; i < count; i++) {
        long offset = i * pieceSize;
        pieces.add(new Piece(offset, Math.min(pieceSize, size - offset), rangeDigests(lanes, Lane::pieces, i)));
      }
    }
    List<Piece> segments = new ArrayList<>();
    if (segmentLengths != null) {
      long offset = 0;
      for (int i = 0; i < segmentLengths.length; i++) {
        segments.add(new Piece(offset, segmentLengths[i], rangeDigests(lanes, Lane::segments, i)));
        offset += segmentLengths[i];
      }
    }
    return new HashResult(size, digests, pieces, segments);
  }

  /** The digests of range {@code i} from every lane (each lane holds some of the algorithms). */
  private DigestSet rangeDigests(List<Lane> lanes, java.util.function.Function<Lane, List<Digest[]>> ranges, int i) {
    List<Digest> ds = new ArrayList<>(algorithms.size());
    for (Lane lane : lanes) {
      ds.addAll(List.of(ranges.apply(lane).get(i)));
    }
    return DigestSet.of(ds);
  }
}
