package dev.forensics.image.internal;

import dev.forensics.image.CorruptChunkException;
import dev.forensics.image.EwfImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sequential channel over the media of an EWF image that reads a damaged chunk as zeros of its length
 * (as EnCase and {@code ewfacquire -w} fill unreadable sectors) and records it, so that one read gives
 * digests over the whole media and the list of sector ranges they could not trust. The pull-based
 * counterpart of {@link EwfImage#forEachChunk}, for {@link dev.forensics.hash.MultiHasher}. Each read stays
 * within one chunk. Not thread-safe.
 */
public final class ZeroFilledChannel implements ReadableByteChannel {

  private final EwfImage image;
  private final long size;
  private final int chunkSize;
  private final byte[] zeros;
  private final List<CorruptChunkException> damaged = new ArrayList<>();
  private long position;
  private boolean open = true;

  /** A channel at media offset 0. */
  public ZeroFilledChannel(EwfImage image) {
    this.image = Objects.requireNonNull(image, "image");
    this.size = image.size();
    this.chunkSize = image.geometry().chunkSize();
    this.zeros = new byte[chunkSize];
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    if (position >= size) {
      return -1;
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    long chunkEnd = Math.min(size, (position / chunkSize + 1) * chunkSize);
    int want = (int) Math.min(dst.remaining(), chunkEnd - position);
    int start = dst.position();
    int limit = dst.limit();
    int n;
    dst.limit(start + want);
    try {
      n = image.read(dst, position);
    } catch (CorruptChunkException e) {
      dst.position(start);
      dst.put(zeros, 0, want);
      n = want;
      if (damaged.isEmpty() || damaged.get(damaged.size() - 1).chunkIndex() != e.chunkIndex()) {
        damaged.add(e); // a chunk met by two reads is recorded once
      }
    } finally {
      dst.limit(limit);
    }
    if (n > 0) {
      position += n;
    }
    return n;
  }

  /** The damaged chunks met so far, in media order. */
  public List<CorruptChunkException> damaged() {
    return List.copyOf(damaged);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** Closes this channel; the image stays open. */
  @Override
  public void close() {
    open = false;
  }
}
