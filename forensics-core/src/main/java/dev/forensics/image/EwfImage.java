package dev.forensics.image;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.internal.EwfLayout;
import dev.forensics.image.internal.ReadArguments;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Errors, whatever the files hold: {@link #open} throws {@link ImageFormatException} for any damage to
 * the structure it cannot work around (naming the segment file and offset, and for a missing or truncated
 * segment the media sectors lost); {@link #read} throws {@link CorruptChunkException} for a damaged chunk;
 * {@link #forEachChunk} and {@link #openMediaStream()} report damaged chunks instead of throwing. Any other
 * {@link IOException} comes from the file system (a file that cannot be read). No runtime exception, and
 * no buffer sized from an unchecked field; see {@code EwfFuzzProperties}.
 */
public final class EwfImage implements EvidenceImage {

  private final EwfLayout layout;
  private final List<Path> segments;
  private final FileChannel[] channels;
  private final EwfGeometry geometry;
  private final EwfMetadata metadata;
  private final DigestSet storedHashes;
  private final List<Digest> allStoredHashes;
  private final List<String> structureNotes;
  private final List<Digest> untrustedStoredHashes;
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
    this.allStoredHashes = layout.storedHashes();
    this.structureNotes = layout.notes();
    this.untrustedStoredHashes = layout.untrustedHashes();
    Map<HashAlgorithm, Digest> first = new EnumMap<>(HashAlgorithm.class);
    for (Digest d : allStoredHashes) {
      first.putIfAbsent(d.algorithm(), d);
    }
    this.storedHashes = DigestSet.of(List.copyOf(first.values()));
    this.size = geometry.mediaSize() + partialSectorBytes(layout, channels, geometry);
  }

  /**
   * The bytes of a partial last sector that the last chunk holds beyond the volume section's whole
   * sectors, or 0. ewfacquire (libewf 20140813) stores all of a source whose size is not a multiple of the
   * sector size, and its stored MD5 and SHA-1 cover every byte, but counts only whole sectors; those
   * trailing bytes are part of the acquired media. Any doubt (a chunk that does not check out, more than
   * a sector's worth) leaves the media at the whole sectors, and reading reports the chunk.
   */
  private static long partialSectorBytes(EwfLayout layout, FileChannel[] channels, EwfGeometry geometry) {
    long chunks = geometry.chunkCount();
    if (chunks == 0 || chunks > Integer.MAX_VALUE) {
      return 0;
    }
    int index = (int) (chunks - 1);
    long whole = geometry.mediaSize() - (long) index * geometry.chunkSize();
    int stored = layout.chunkStoredSize(index);
    if (whole < 0 || whole >= geometry.chunkSize() || stored <= 0 || stored > 2 * geometry.chunkSize() + 1024) {
      return 0;
    }
    try {
      ByteBuffer raw = ByteBuffer.allocate(stored);
      while (raw.hasRemaining()) {
        if (channels[layout.chunkSegment(index)].read(raw, layout.chunkOffset(index) + raw.position()) < 0) {
          return 0;
        }
      }
      int length;
      if (layout.chunkCompressed(index)) {
        Inflater inflater = new Inflater();
        try {
          inflater.setInput(raw.array());
          byte[] out = new byte[geometry.chunkSize() + 1];
          length = 0;
          while (!inflater.finished() && length < out.length) {
            int n = inflater.inflate(out, length, out.length - length);
            if (n == 0 && !inflater.finished()) {
              return 0;
            }
            length += n;
          }
          if (!inflater.finished()) {
            return 0;
          }
        } finally {
          inflater.end();
        }
      } else {
        length = stored - 4;
        Adler32 adler = new Adler32();
        adler.update(raw.array(), 0, Math.max(0, length));
        if (length <= 0 || adler.getValue() != Integer.toUnsignedLong(raw.order(ByteOrder.LITTLE_ENDIAN).getInt(length))) {
          return 0;
        }
      }
      long extra = length - whole;
      return extra > 0 && extra < geometry.bytesPerSector() ? extra : 0;
    } catch (IOException | DataFormatException e) {
      return 0; // reading the chunk later reports what is wrong with it
    }
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

  /**
   * {@inheritDoc} For EWF: the volume section's sectors times bytes per sector, plus the bytes of a
   * partial last sector when the last chunk holds one (ewfacquire stores all of a source whose size is not
   * a multiple of the sector size, and its stored hashes cover those bytes too).
   */
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

  /**
   * Damage in the image's structure that was worked around without losing media, one sentence each naming
   * the segment file and offset: a {@code table} section that fails its Adler-32 replaced by its {@code
   * table2} copy (or, both damaged, used where they agree), a damaged {@code table2} copy, a {@code table}
   * and its {@code table2} copy that both pass their checks but differ (one was rewritten: the media
   * hashes decide), a {@code hash} or {@code digest} section that fails its Adler-32 (see {@link
   * #untrustedStoredHashes()}). Empty for an undamaged image.
   */
  public List<String> structureNotes() {
    return structureNotes;
  }

  /**
   * The hashes held by {@code hash} and {@code digest} sections whose data fails its Adler-32: not among
   * {@link #storedHashes()}; {@link ImageVerifier} compares them as {@link HashCheck#STORED_DAMAGED}, and
   * such a check never lets the image verify. Empty for an undamaged image.
   */
  public List<Digest> untrustedStoredHashes() {
    return untrustedStoredHashes;
  }

  /** The acquisition metadata from the header sections (empty fields when the image has none). */
  public EwfMetadata metadata() {
    return metadata;
  }

  /**
   * The hashes of the media stored in the image: MD5 from the {@code hash} or {@code digest} section,
   * SHA-1 from the {@code digest} section (EnCase 6 and later), MD5, SHA-1 and SHA-256 from an EWF-X
   * {@code xhash} section; the first value found for each algorithm. Empty when the acquisition stored
   * none.
   */
  public DigestSet storedHashes() {
    return storedHashes;
  }

  /**
   * Every distinct hash value of the media the image stores: the same as {@link #storedHashes()} unless
   * its {@code hash}, {@code digest} and {@code xhash} sections disagree, when each value is listed (in
   * file order) so that verification can show the disagreement.
   */
  public List<Digest> allStoredHashes() {
    return allStoredHashes;
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
    Decoder decoder = new Decoder();
    byte[] data = new byte[maxChunkLength()];
    ByteBuffer view = ByteBuffer.wrap(data);
    int chunkSize = geometry.chunkSize();
    for (int i = 0; i < geometry.chunkCount(); i++) {
      int n = decoder.decodeOrZeros(i, data, 0, damaged);
      sink.accept(i, (long) i * chunkSize, view.clear().limit(n).asReadOnlyBuffer());
    }
    return List.copyOf(damaged);
  }

  /**
   * A new sequential stream of the whole media for hashing it: unlike {@link #read(ByteBuffer, long)} it
   * goes on past damaged chunks, which read as zeros of their length (see {@link #forEachChunk}) and are
   * listed by {@link MediaStream#damaged()}. Use one stream per thread; closing it leaves the image open.
   */
  public MediaStream openMediaStream() {
    return new MediaStream();
  }

  /**
   * The media as a sequential channel in which damaged chunks read as zeros; see {@link
   * #openMediaStream()}.
   */
  public final class MediaStream implements ReadableByteChannel {
    private final Decoder decoder = new Decoder();
    private final List<CorruptChunkException> damaged = new ArrayList<>();
    private final byte[] chunk = new byte[maxChunkLength()];
    private int next;
    private int chunkPos;
    private int chunkLen;
    private boolean open = true;

    private MediaStream() {}

    /** The damaged chunks read so far, in media order. */
    public List<CorruptChunkException> damaged() {
      return List.copyOf(damaged);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (!open) {
        throw new ClosedChannelException();
      }
      ensureOpen();
      if (dst.isReadOnly()) {
        throw new IllegalArgumentException("read-only buffer");
      }
      int total = 0;
      while (dst.hasRemaining()) {
        if (chunkPos == chunkLen) {
          if (next == geometry.chunkCount()) {
            break;
          }
          int expected = expectedLength(next);
          if (dst.hasArray() && dst.remaining() >= expected) { // decode straight into the caller's buffer
            int n = decoder.decodeOrZeros(next++, dst.array(), dst.arrayOffset() + dst.position(), damaged);
            dst.position(dst.position() + n);
            total += n;
            continue;
          }
          chunkLen = decoder.decodeOrZeros(next++, chunk, 0, damaged);
          chunkPos = 0;
        }
        int n = Math.min(dst.remaining(), chunkLen - chunkPos);
        dst.put(chunk, chunkPos, n);
        chunkPos += n;
        total += n;
      }
      return total == 0 && !dst.hasRemaining() ? 0 : (total == 0 ? -1 : total);
    }

    @Override
    public boolean isOpen() {
      return open && !closed;
    }

    @Override
    public void close() {
      open = false;
      decoder.close();
    }
  }

  private byte[] chunk(int index) throws IOException {
    Decoded cached = lastChunk.get();
    if (cached != null && cached.index() == index) {
      return cached.data();
    }
    byte[] data = new byte[expectedLength(index)];
    try (Decoder decoder = new Decoder()) {
      decoder.decode(index, data, 0);
    }
    lastChunk.set(new Decoded(index, data));
    return data;
  }

  /** The most media bytes a chunk holds: a full chunk, or the whole media when it is smaller. */
  private int maxChunkLength() {
    return (int) Math.min(geometry.chunkSize(), size);
  }

  /** The media bytes chunk {@code index} holds: a full chunk, or what is left of the media for the last. */
  private int expectedLength(int index) {
    long chunkSize = geometry.chunkSize();
    return (int) Math.min(chunkSize, size - index * chunkSize);
  }

  /** Decodes chunks with reused buffers and inflater; one per thread, not thread-safe. */
  private final class Decoder implements AutoCloseable {
    /**
     * The largest stored chunk accepted: a chunk that zlib expands, plus its own checksum, and no more than
     * the largest the tables give (which the segment files bound), so that a damaged volume section
     * claiming huge chunks does not make this a huge allocation.
     */
    private final byte[] raw = new byte[Math.min(2 * geometry.chunkSize() + 1024, layout.maxChunkStoredSize())];
    private final Inflater inflater = new Inflater();
    private final Adler32 adler = new Adler32();

    /** Decodes chunk {@code index} into {@code out} at {@code off}, or writes zeros and records the damage. */
    int decodeOrZeros(int index, byte[] out, int off, List<CorruptChunkException> damaged) throws IOException {
      try {
        return decode(index, out, off);
      } catch (CorruptChunkException e) {
        damaged.add(e);
        int n = expectedLength(index);
        Arrays.fill(out, off, off + n, (byte) 0);
        return n;
      }
    }

    /** Decodes chunk {@code index} into {@code out} at {@code off}; returns its length. */
    int decode(int index, byte[] out, int off) throws IOException {
      int segment = layout.chunkSegment(index);
      long offset = layout.chunkOffset(index);
      int stored = layout.chunkStoredSize(index);
      int expected = expectedLength(index);
      if (stored == EwfLayout.SUSPECT_ENTRY) {
        throw corrupt(index, segment, offset, "its entries in the table and in the table2 copy differ and both"
            + " copies fail their Adler-32: the chunk's location is unknown", null);
      }
      if (stored < 0 || stored > raw.length) {
        throw corrupt(index, segment, offset, "table gives an impossible stored size", null);
      }
      ByteBuffer buffer = ByteBuffer.wrap(raw, 0, stored);
      while (buffer.hasRemaining()) {
        ensureOpen();
        if (channels[segment].read(buffer, offset + buffer.position()) < 0) {
          throw corrupt(index, segment, offset, "segment file ends after " + (offset + buffer.position())
              + " bytes, the chunk needs " + stored, null);
        }
      }
      if (layout.chunkCompressed(index)) {
        inflate(index, segment, offset, stored, out, off, expected);
        return expected;
      }
      if (stored == expected + 4) {
        adler.reset();
        adler.update(raw, 0, expected);
        long storedSum = Integer.toUnsignedLong(ByteBuffer.wrap(raw, expected, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (adler.getValue() != storedSum) {
          throw corrupt(index, segment, offset, "Adler-32 mismatch, calculated: " + hex8(adler.getValue())
              + " stored: " + hex8(storedSum), null);
        }
        System.arraycopy(raw, 0, out, off, expected);
        return expected;
      }
      if (stored == expected) {
        System.arraycopy(raw, 0, out, off, expected); // an uncompressed chunk without a checksum
        return expected;
      }
      throw corrupt(index, segment, offset, "uncompressed chunk of " + stored + " bytes, expected " + (expected + 4), null);
    }

    private void inflate(int index, int segment, long offset, int stored, byte[] out, int off, int expected)
        throws IOException {
      inflater.reset();
      inflater.setInput(raw, 0, stored);
      try {
        int total = 0;
        while (total < expected) {
          int n = inflater.inflate(out, off + total, expected - total);
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
      } catch (DataFormatException e) {
        throw corrupt(index, segment, offset, "bad zlib stream: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      inflater.end();
    }
  }

  private CorruptChunkException corrupt(int index, int segment, long offset, String problem, Throwable cause) {
    long spc = geometry.sectorsPerChunk();
    long first = index * spc;
    int bps = geometry.bytesPerSector();
    long last = first + (expectedLength(index) + bps - 1) / bps - 1;
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
