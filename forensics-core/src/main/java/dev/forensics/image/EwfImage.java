package dev.forensics.image;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.image.internal.EwfLayout;
import dev.forensics.image.internal.ReadArguments;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An EWF (Expert Witness Compression Format) image: EnCase {@code .E01} and SMART {@code .s01} segment sets
 * as ewfacquire, FTK Imager, EnCase 1–7 and linen write them (EWF1; not Ex01/EWF2, not L01).
 *
 * <p>The media is read chunk by chunk: a compressed chunk is a zlib stream (its Adler-32 is checked by
 * the inflater), an uncompressed chunk carries its own Adler-32, which is checked. A chunk that fails
 * either check makes {@link #read(ByteBuffer, long)} throw a {@link CorruptChunkException} naming the
 * chunk, its sectors and where it is stored; other chunks stay readable. {@link #forEachChunk(ChunkSink)}
 * streams all chunks and collects the damaged ones instead of stopping.
 *
 * <p>Besides the media, the image holds acquisition {@link #metadata()}, {@link #storedHashes()} and its
 * {@link #geometry()}. Thread-safe: reads share only an immutable chunk map and a one-chunk cache.
 */
public final class EwfImage implements EvidenceImage {

  private final EwfLayout layout;
  private final List<Path> segments;
  private final FileChannel[] channels;
  private final EwfGeometry geometry;
  private final EwfMetadata metadata;
  private final DigestSet storedHashes;
  private final long size;
  private final AtomicReference<Decoded> lastChunk = new AtomicReference<>();
  private volatile boolean closed;

  /** A decoded chunk: its index and media bytes. */
  private record Decoded(int index, byte[] data) {}

  private EwfImage(EwfLayout layout) {
    this.layout = layout;
    this.segments = layout.segments();
    this.channels = layout.channels().toArray(new FileChannel[0]);
    this.geometry = layout.geometry();
    this.metadata = EwfMetadata.of(layout.headerValues());
    List<Digest> hashes = new ArrayList<>();
    layout.md5().ifPresent(hashes::add);
    layout.sha1().ifPresent(hashes::add);
    this.storedHashes = DigestSet.of(hashes);
    this.size = geometry.mediaSize();
  }

  /**
   * Opens the EWF segment set that {@code anySegment} belongs to. The other segments are found next to
   * it by name ({@code .E01} … {@code .E99}, {@code .EAA} …; also {@code .e01}, {@code .s01}); the set
   * ends at the segment with a {@code done} section. Reads the structure of every segment but no chunk
   * data, so a damaged chunk does not stop the image from opening.
   *
   * @throws ImageFormatException if a segment is missing or misnamed, a section descriptor, table,
   *     volume, hash or digest section fails its Adler-32 check, or the structure is inconsistent
   */
  public static EwfImage open(Path anySegment) throws IOException {
    return new EwfImage(EwfLayout.read(Objects.requireNonNull(anySegment, "anySegment")));
  }

  @Override
  public ImageFormat format() {
    return ImageFormat.EWF;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public List<Path> segments() {
    return segments;
  }

  /** The media geometry from the volume section. */
  public EwfGeometry geometry() {
    return geometry;
  }

  /** The acquisition metadata from the header sections (empty fields when the image has none). */
  public EwfMetadata metadata() {
    return metadata;
  }

  /**
   * The hashes of the media stored in the image: MD5 from the {@code hash} or {@code digest} section,
   * SHA-1 from the {@code digest} section (EnCase 6 and later). Empty when the acquisition stored none.
   */
  public DigestSet storedHashes() {
    return storedHashes;
  }

  /** The number of chunks; chunk {@code i} holds media bytes from {@code i * geometry().chunkSize()}. */
  public long chunkCount() {
    return geometry.chunkCount();
  }

  /**
   * {@inheritDoc}
   *
   * @throws CorruptChunkException if a chunk in the range is damaged (bytes of earlier chunks may
   *     already have been put into {@code dst})
   */
  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    ReadArguments.check(dst, position);
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (position >= size) {
      return -1;
    }
    int chunkSize = geometry.chunkSize();
    int total = 0;
    while (dst.hasRemaining() && position < size) {
      int index = (int) (position / chunkSize);
      byte[] data = chunk(index);
      int inChunk = (int) (position - (long) index * chunkSize);
      int n = Math.min(dst.remaining(), data.length - inChunk);
      dst.put(data, inChunk, n);
      position += n;
      total += n;
    }
    return total;
  }

  /**
   * Passes every chunk's media bytes to {@code sink} in media order, going on past damaged chunks: a
   * damaged chunk is passed as zeros of its length (as EnCase and {@code ewfacquire -w} fill unreadable
   * sectors) and its {@link CorruptChunkException} is added to the returned list. So a digest computed in
   * {@code sink} covers the whole media, and the list says which sector ranges it could not trust.
   *
   * @return the damaged chunks in media order, empty when every chunk checked out
   * @throws IOException if a segment cannot be read at all, or thrown by {@code sink}
   */
  public List<CorruptChunkException> forEachChunk(ChunkSink sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    ensureOpen();
    List<CorruptChunkException> damaged = new ArrayList<>();
    int chunkSize = geometry.chunkSize();
    for (int i = 0; i < geometry.chunkCount(); i++) {
      long mediaOffset = (long) i * chunkSize;
      byte[] data;
      try {
        data = decode(i);
      } catch (CorruptChunkException e) {
        damaged.add(e);
        data = new byte[expectedLength(i)];
      }
      sink.accept(i, mediaOffset, ByteBuffer.wrap(data).asReadOnlyBuffer());
    }
    return List.copyOf(damaged);
  }

  private byte[] chunk(int index) throws IOException {
    Decoded cached = lastChunk.get();
    if (cached != null && cached.index() == index) {
      return cached.data();
    }
    byte[] data = decode(index);
    lastChunk.set(new Decoded(index, data));
    return data;
  }

  /** The media bytes chunk {@code index} holds: a full chunk, or what is left of the media for the last. */
  private int expectedLength(int index) {
    long chunkSize = geometry.chunkSize();
    return (int) Math.min(chunkSize, size - index * chunkSize);
  }

  private byte[] decode(int index) throws IOException {
    int segment = layout.chunkSegment(index);
    long offset = layout.chunkOffset(index);
    int stored = layout.chunkStoredSize(index);
    int expected = expectedLength(index);
    if (stored < 0 || stored > 2 * geometry.chunkSize() + 1024) {
      throw corrupt(index, segment, offset, "table gives an impossible stored size", null);
    }
    byte[] raw = new byte[stored];
    ByteBuffer buffer = ByteBuffer.wrap(raw);
    while (buffer.hasRemaining()) {
      ensureOpen();
      if (channels[segment].read(buffer, offset + buffer.position()) < 0) {
        throw corrupt(index, segment, offset, "segment file ends after " + (offset + buffer.position())
            + " bytes, the chunk needs " + stored, null);
      }
    }
    if (layout.chunkCompressed(index)) {
      return inflate(index, segment, offset, raw, expected);
    }
    if (stored == expected + 4) {
      Adler32 adler = new Adler32();
      adler.update(raw, 0, expected);
      long storedSum = Integer.toUnsignedLong(ByteBuffer.wrap(raw, expected, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
      if (adler.getValue() != storedSum) {
        throw corrupt(index, segment, offset, "Adler-32 mismatch, calculated: " + hex8(adler.getValue())
            + " stored: " + hex8(storedSum), null);
      }
      return Arrays.copyOf(raw, expected);
    }
    if (stored == expected) {
      return raw; // an uncompressed chunk without a checksum
    }
    throw corrupt(index, segment, offset, "uncompressed chunk of " + stored + " bytes, expected " + (expected + 4), null);
  }

  private byte[] inflate(int index, int segment, long offset, byte[] raw, int expected) throws IOException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(raw);
      byte[] out = new byte[expected];
      int total = 0;
      while (total < expected) {
        int n = inflater.inflate(out, total, expected - total);
        if (n == 0) { // finished, or needs input or a dictionary it will not get
          break;
        }
        total += n;
      }
      if (total == expected && !inflater.finished()) {
        byte[] extra = new byte[1]; // finish the stream, so that zlib checks its Adler-32
        if (inflater.inflate(extra) > 0) {
          throw corrupt(index, segment, offset, "zlib stream unpacks to more than " + expected + " bytes", null);
        }
      }
      if (!inflater.finished()) {
        throw corrupt(index, segment, offset, "truncated zlib stream: " + total + " of " + expected + " bytes", null);
      }
      if (total != expected) {
        throw corrupt(index, segment, offset, "zlib stream unpacks to " + total + " bytes, expected " + expected, null);
      }
      return out;
    } catch (DataFormatException e) {
      throw corrupt(index, segment, offset, "bad zlib stream: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private CorruptChunkException corrupt(int index, int segment, long offset, String problem, Throwable cause) {
    long spc = geometry.sectorsPerChunk();
    long first = index * spc;
    long last = first + expectedLength(index) / geometry.bytesPerSector() - 1;
    return new CorruptChunkException(index, first, Math.max(first, last), segments.get(segment), offset, problem,
        cause);
  }

  private static String hex8(long value) {
    return String.format("%08x", value);
  }

  private void ensureOpen() throws ClosedChannelException {
    if (closed) {
      throw new ClosedChannelException();
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    lastChunk.set(null);
    IOException failure = null;
    for (FileChannel channel : channels) {
      try {
        channel.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "EWF image " + segments.get(0) + " (" + segments.size() + " segment" + (segments.size() == 1 ? "" : "s")
        + ", " + size + " bytes)";
  }
}
