package dev.forensics.image;

import dev.forensics.image.internal.ImageChannel;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * A read-only, random-access view of the logical media in an evidence image, whatever its container:
 * byte {@code 0} is the first byte of the acquired media and {@link #size()} its length, independent of
 * how the image cuts, compresses or annotates the data.
 *
 * <p>Implementations are safe for use by several threads at once: {@link #read(ByteBuffer, long)} has no
 * shared position. Obtain one with {@link EvidenceImages#open(java.nio.file.Path)}; close it when done.
 */
public interface EvidenceImage extends Closeable {

  /** The container format. */
  ImageFormat format();

  /** The length of the logical media in bytes, as found when the image was opened. */
  long size();

  /** The files that make up the image, in media order (one file for a raw image). */
  List<Path> segments();

  /**
   * Reads bytes of the media starting at {@code position} into {@code dst}, from its position up to its
   * limit; fewer bytes are read only when the end of the media is reached. Does not change any shared
   * state, so several threads may read at once.
   *
   * <p>As with {@link java.nio.channels.FileChannel}, interrupting a thread blocked in this method may
   * close the image.
   *
   * @return the number of bytes read, possibly 0 when {@code dst} has no space left, or -1 when {@code
   *     position} is at or beyond {@link #size()}
   * @throws IllegalArgumentException if {@code position} is negative or {@code dst} is read-only
   * @throws java.nio.channels.ClosedChannelException if the image is closed
   * @throws IOException if a segment cannot be read or has become shorter since the image was opened
   */
  int read(ByteBuffer dst, long position) throws IOException;

  /**
   * A new read-only channel over the media, positioned at byte 0. Each channel has its own position (use
   * one per thread); closing it leaves the image open, closing the image makes its channels fail.
   * {@code write} and {@code truncate} throw {@link java.nio.channels.NonWritableChannelException}.
   */
  default SeekableByteChannel openChannel() {
    return new ImageChannel(this);
  }

  /** Releases the files; later reads throw {@link java.nio.channels.ClosedChannelException}. */
  @Override
  void close() throws IOException;
}
