package dev.forensics.image.internal;

import dev.forensics.image.EvidenceImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * A read-only {@link SeekableByteChannel} with its own position over any {@link EvidenceImage}, built on
 * its positional reads. Not thread-safe (a channel has one position); the image is.
 */
public final class ImageChannel implements SeekableByteChannel {

  private final EvidenceImage image;
  private long position;
  private boolean open = true;

  /** A channel at position 0 over {@code image}. */
  public ImageChannel(EvidenceImage image) {
    this.image = Objects.requireNonNull(image, "image");
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    int n = image.read(dst, position);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    ensureOpen();
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position: " + newPosition);
    }
    ensureOpen();
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return image.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) throws IOException {
    ensureOpen();
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
