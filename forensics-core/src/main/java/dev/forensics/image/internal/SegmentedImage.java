package dev.forensics.image.internal;

import dev.forensics.image.EvidenceImage;
import dev.forensics.image.ImageFormat;
import dev.forensics.image.ImageFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Raw and split raw images: the media is the concatenation of one or more files, each opened read-only
 * once and read with positional reads, so any number of threads may read at once.
 */
public final class SegmentedImage implements EvidenceImage {

  private final ImageFormat format;
  private final List<Path> segments;
  private final FileChannel[] channels;
  /** starts[i] is the media offset of segment i; starts[n] is the media size. */
  private final long[] starts;
  private volatile boolean closed;

  private SegmentedImage(ImageFormat format, List<Path> segments, FileChannel[] channels, long[] starts) {
    this.format = format;
    this.segments = segments;
    this.channels = channels;
    this.starts = starts;
  }

  /**
   * Opens the files read-only as one image. For a split raw set of more than one segment, every segment
   * but the last must be as long as the first and the last no longer than it.
   *
   * @throws ImageFormatException naming a segment whose size breaks that rule
   */
  public static SegmentedImage open(ImageFormat format, List<Path> segments) throws IOException {
    Objects.requireNonNull(format, "format");
    List<Path> files = List.copyOf(segments);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no segments");
    }
    if (format == ImageFormat.RAW && files.size() != 1) {
      throw new IllegalArgumentException("a raw image is one file, got " + files.size());
    }
    FileChannel[] channels = new FileChannel[files.size()];
    try {
      long[] starts = new long[files.size() + 1];
      for (int i = 0; i < files.size(); i++) {
        channels[i] = FileChannel.open(files.get(i), StandardOpenOption.READ);
        starts[i + 1] = Math.addExact(starts[i], channels[i].size());
      }
      checkSizes(files, starts);
      return new SegmentedImage(format, files, channels, starts);
    } catch (IOException | RuntimeException e) {
      closeAll(channels, e);
      throw e;
    }
  }

  private static void checkSizes(List<Path> files, long[] starts) throws ImageFormatException {
    int n = files.size();
    if (n == 1) {
      return;
    }
    long expected = starts[1];
    String first = files.get(0).getFileName().toString();
    if (expected == 0) {
      throw new ImageFormatException(files.get(0), "empty first segment in a split raw set of " + n + " segments");
    }
    for (int i = 1; i < n - 1; i++) {
      long size = starts[i + 1] - starts[i];
      if (size != expected) {
        throw new ImageFormatException(files.get(i), (size < expected ? "short" : "long") + " segment: "
            + size + " bytes, expected " + expected + " (the size of " + first + ")");
      }
    }
    long last = starts[n] - starts[n - 1];
    if (last == 0 || last > expected) {
      throw new ImageFormatException(files.get(n - 1), "last segment is " + last + " bytes, expected 1 to "
          + expected + " (the size of " + first + ")");
    }
  }

  @Override
  public ImageFormat format() {
    return format;
  }

  @Override
  public long size() {
    return starts[starts.length - 1];
  }

  @Override
  public List<Path> segments() {
    return segments;
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    ReadArguments.check(dst, position);
    if (closed) {
      throw new ClosedChannelException();
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    long size = size();
    if (position >= size) {
      return -1;
    }
    int segment = segmentAt(position);
    int limit = dst.limit();
    int total = 0;
    try {
      while (dst.hasRemaining() && position < size) {
        long end = starts[segment + 1];
        long offset = position - starts[segment];
        dst.limit(dst.position() + (int) Math.min(dst.remaining(), end - position));
        while (dst.hasRemaining()) {
          int n = channels[segment].read(dst, offset);
          if (n < 0) {
            throw new IOException(segments.get(segment) + ": segment ended at byte " + offset + ", expected "
                + (end - starts[segment]) + " bytes (was it changed after the image was opened?)");
          }
          offset += n;
          position += n;
          total += n;
        }
        dst.limit(limit);
        segment++;
      }
    } finally {
      dst.limit(limit);
    }
    return total;
  }

  /** The index of the non-empty segment holding media byte {@code position} (which is below the size). */
  private int segmentAt(long position) {
    int i = Arrays.binarySearch(starts, position);
    if (i < 0) {
      return -i - 2;
    }
    while (starts[i + 1] == position) { // skip empty segments starting here
      i++;
    }
    return i;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    IOException failure = closeAll(channels, null);
    if (failure != null) {
      throw failure;
    }
  }

  private static IOException closeAll(FileChannel[] channels, Exception primary) {
    IOException failure = null;
    for (FileChannel channel : channels) {
      if (channel == null) {
        continue;
      }
      try {
        channel.close();
      } catch (IOException e) {
        if (primary != null) {
          primary.addSuppressed(e);
        } else if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    return failure;
  }

  @Override
  public String toString() {
    return format + " image " + segments.get(0) + " (" + segments.size() + " segment"
        + (segments.size() == 1 ? "" : "s") + ", " + size() + " bytes)";
  }
}
