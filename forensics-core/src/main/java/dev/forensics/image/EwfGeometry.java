package dev.forensics.image;

import java.util.Objects;
import java.util.Optional;

/**
 * How the media of an EWF image is laid out, from its {@code volume} (or {@code disk}) section.
 *
 * @param bytesPerSector bytes in one media sector (usually 512)
 * @param sectorsPerChunk sectors in one chunk (64 unless the acquisition chose otherwise)
 * @param chunkCount the number of chunks in the image
 * @param sectorCount the number of media sectors; the media size is {@code sectorCount * bytesPerSector}
 * @param compression the compression level the volume section records, empty when it records none (SMART
 *     and EWF images) or an unknown value
 */
public record EwfGeometry(int bytesPerSector, int sectorsPerChunk, long chunkCount, long sectorCount,
    Optional<Compression> compression) {

  /** The compression level recorded in the volume section. */
  public enum Compression {
    /** No compression (chunks may still be zlib streams, as SMART writes them). */
    NONE,
    /** Good (fast) deflate compression. */
    FAST,
    /** Best deflate compression. */
    BEST
  }

  /** @throws IllegalArgumentException if a count or size is not positive */
  public EwfGeometry {
    if (bytesPerSector <= 0 || sectorsPerChunk <= 0 || chunkCount < 0 || sectorCount < 0) {
      throw new IllegalArgumentException("bad geometry: " + bytesPerSector + " bytes per sector, "
          + sectorsPerChunk + " sectors per chunk, " + chunkCount + " chunks, " + sectorCount + " sectors");
    }
    Objects.requireNonNull(compression, "compression");
  }

  /** Bytes in a full chunk: {@code sectorsPerChunk * bytesPerSector}. */
  public int chunkSize() {
    return sectorsPerChunk * bytesPerSector;
  }

  /** The media size in bytes: {@code sectorCount * bytesPerSector}. */
  public long mediaSize() {
    return sectorCount * bytesPerSector;
  }
}
