package dev.forensics.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A chunk of an EWF image whose stored data cannot be turned back into media bytes: its Adler-32 does not
 * match, its zlib stream is damaged, its table entry gives an impossible size, or its segment file ends
 * before it. Names the chunk, the media sectors it holds and where it is stored, so that a verifier can
 * report the damaged sector range and go on with the next chunk.
 */
public final class CorruptChunkException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long chunkIndex;
  private final long firstSector;
  private final long lastSector;
  private final transient Path segment;
  private final long fileOffset;

  /**
   * @param chunkIndex the chunk's number in the image, from 0
   * @param firstSector the first media sector the chunk holds
   * @param lastSector the last media sector the chunk holds (inclusive)
   * @param segment the segment file storing the chunk
   * @param fileOffset the offset of the chunk's stored data in {@code segment}
   * @param problem what is wrong, e.g. {@code "Adler-32 mismatch, calculated: … stored: …"}
   * @param cause the underlying error, or null
   */
  public CorruptChunkException(long chunkIndex, long firstSector, long lastSector, Path segment,
      long fileOffset, String problem, Throwable cause) {
    super("chunk " + chunkIndex + " (sectors " + firstSector + "-" + lastSector + ") in "
        + Objects.requireNonNull(segment, "segment") + " at offset " + fileOffset + ": " + problem, cause);
    this.chunkIndex = chunkIndex;
    this.firstSector = firstSector;
    this.lastSector = lastSector;
    this.segment = segment;
    this.fileOffset = fileOffset;
  }

  /** The chunk's number in the image, from 0. */
  public long chunkIndex() {
    return chunkIndex;
  }

  /** The first media sector held by the chunk. */
  public long firstSector() {
    return firstSector;
  }

  /** The last media sector held by the chunk (inclusive). */
  public long lastSector() {
    return lastSector;
  }

  /** The segment file that stores the chunk. */
  public Path segment() {
    return segment;
  }

  /** The offset in {@link #segment()} where the chunk's stored data starts. */
  public long fileOffset() {
    return fileOffset;
  }
}
