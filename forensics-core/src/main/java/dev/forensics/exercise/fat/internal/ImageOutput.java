package dev.forensics.exercise.fat.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where image bytes go: one raw file, or a split raw set of equal segments. Regions never written read as
 * zeros (the files are created new and left sparse where the file system allows it).
 */
public abstract class ImageOutput implements Closeable {

  /** Writes {@code data} at image offset {@code offset}. */
  public abstract void write(long offset, ByteBuffer data) throws IOException;

  /** Extends the output to {@code size} bytes; called once after the last write. */
  public abstract void finish(long size) throws IOException;

  /** The files written, in order. */
  public abstract List<Path> files();

  /** One raw file, created new. */
  public static ImageOutput single(Path file) throws IOException {
    return new Single(file);
  }

  /** Segments {@code base.001}, {@code base.002} … of {@code segmentSize} bytes (the last may be shorter). */
  public static ImageOutput split(Path base, long segmentSize, long imageSize) throws IOException {
    return new Split(base, segmentSize, imageSize);
  }

  static FileChannel create(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  static void writeFully(FileChannel channel, long position, ByteBuffer data) throws IOException {
    long pos = position;
    while (data.hasRemaining()) {
      pos += channel.write(data, pos);
    }
  }

  static void extend(FileChannel channel, long size) throws IOException {
    if (channel.size() < size) {
      writeFully(channel, size - 1, ByteBuffer.wrap(new byte[1]));
    }
  }

  private static final class Single extends ImageOutput {
    private final Path file;
    private final FileChannel channel;

    Single(Path file) throws IOException {
      this.file = file;
      this.channel = create(file);
    }

    @Override
    public void write(long offset, ByteBuffer data) throws IOException {
      writeFully(channel, offset, data);
    }

    @Override
    public void finish(long size) throws IOException {
      extend(channel, size);
    }

    @Override
    public List<Path> files() {
      return List.of(file);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private static final class Split extends ImageOutput {
    private final long segmentSize;
    private final List<Path> files = new ArrayList<>();
    private final List<FileChannel> channels = new ArrayList<>();

    Split(Path base, long segmentSize, long imageSize) throws IOException {
      if (segmentSize <= 0 || segmentSize % 512 != 0) {
        throw new IllegalArgumentException("segment size must be a positive multiple of 512, got " + segmentSize);
      }
      this.segmentSize = segmentSize;
      long count = (imageSize + segmentSize - 1) / segmentSize;
      if (count > 999) {
        throw new IllegalArgumentException(count + " segments: at most 999 (.001 to .999); use larger segments");
      }
      for (int i = 1; i <= count; i++) {
        Path p = base.resolveSibling(base.getFileName() + String.format(java.util.Locale.ROOT, ".%03d", i));
        files.add(p);
      }
      try {
        for (Path p : files) {
          channels.add(create(p));
        }
      } catch (IOException e) {
        List<Path> created = files.subList(0, channels.size());
        try {
          close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
        deleteAll(created, e);
        throw e;
      }
    }

    @Override
    public void write(long offset, ByteBuffer data) throws IOException {
      long pos = offset;
      while (data.hasRemaining()) {
        int segment = Math.toIntExact(pos / segmentSize);
        long inSegment = pos % segmentSize;
        int n = (int) Math.min(data.remaining(), segmentSize - inSegment);
        ByteBuffer part = data.slice(data.position(), n);
        writeFully(channels.get(segment), inSegment, part);
        data.position(data.position() + n);
        pos += n;
      }
    }

    @Override
    public void finish(long size) throws IOException {
      for (int i = 0; i < channels.size(); i++) {
        extend(channels.get(i), Math.min(segmentSize, size - i * segmentSize));
      }
    }

    @Override
    public List<Path> files() {
      return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
      IOException first = null;
      for (FileChannel c : channels) {
        try {
          c.close();
        } catch (IOException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  /** Deletes what was created after a failed write; a failure to delete is added to {@code cause}. */
  public void discard(Throwable cause) {
    deleteAll(files(), cause);
  }

  static void deleteAll(List<Path> created, Throwable cause) {
    for (Path p : created) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
