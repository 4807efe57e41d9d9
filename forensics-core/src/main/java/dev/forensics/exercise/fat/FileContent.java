package dev.forensics.exercise.fat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bytes of a planted file: a declared size and a source that yields exactly that many bytes, the same
 * bytes every time it is opened (the writer opens it once; the layout is planned from the size alone, so
 * content never has to be held in memory).
 */
public final class FileContent {

  /** Opens a fresh stream of the content. */
  @FunctionalInterface
  public interface Source {
    /** A new stream positioned at the first byte. */
    InputStream open() throws IOException;
  }

  private final long size;
  private final Source source;

  private FileContent(long size, Source source) {
    if (size < 0 || size > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("file size must be 0 to 4294967295 bytes (FAT's limit), got " + size);
    }
    this.size = size;
    this.source = Objects.requireNonNull(source, "source");
  }

  /** Content held in memory (the array is copied). */
  public static FileContent of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new FileContent(copy.length, () -> new ByteArrayInputStream(copy));
  }

  /** Content of {@code size} bytes read from {@code source} when the image is written. */
  public static FileContent of(long size, Source source) {
    return new FileContent(size, source);
  }

  /** No bytes: a file of size 0, which occupies no cluster. */
  public static FileContent empty() {
    return of(new byte[0]);
  }

  /** The declared size in bytes. */
  public long size() {
    return size;
  }

  /** Opens the content. */
  public InputStream open() throws IOException {
    return source.open();
  }
}
