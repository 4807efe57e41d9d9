package dev.forensics.image;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.Piece;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The digests of an image's logical media, all from one read of it (see {@link ImageHasher}): of the
 * whole media, of fixed-size pieces of it, and of each segment file of a split raw set.
 *
 * @param format the image's container format
 * @param segmentFiles the image's files in media order
 * @param mediaSize the media length in bytes
 * @param bytesPerSector the sector size for sector ranges: from the image (EWF), else 512
 * @param sectorSizeFromImage whether the image records its sector size (EWF) or 512 is assumed (raw),
 *     as dc3dd assumes 512 for files
 * @param digests the digests of the whole media
 * @param pieceSize the piece size, 0 for no pieces
 * @param pieces one per {@code pieceSize} bytes of media from offset 0, the last possibly shorter; none
 *     for empty media
 * @param segments one per segment file, in order, covering the media; empty unless asked for
 * @param damaged EWF chunks that could not be decoded: their bytes were hashed as zeros, so the digests
 *     are not those of the acquired media
 */
public record ImageHash(
    ImageFormat format,
    List<Path> segmentFiles,
    long mediaSize,
    int bytesPerSector,
    boolean sectorSizeFromImage,
    DigestSet digests,
    long pieceSize,
    List<Piece> pieces,
    List<SegmentHash> segments,
    List<DamagedChunk> damaged) {

  /** @throws IllegalArgumentException when the pieces or segments do not cover the media as described */
  public ImageHash {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(digests, "digests");
    segmentFiles = List.copyOf(segmentFiles);
    pieces = List.copyOf(pieces);
    segments = List.copyOf(segments);
    damaged = List.copyOf(damaged);
    if (segmentFiles.isEmpty() || digests.isEmpty()) {
      throw new IllegalArgumentException("an image hash needs a segment file and a digest");
    }
    if (mediaSize < 0 || bytesPerSector <= 0 || pieceSize < 0) {
      throw new IllegalArgumentException("bad sizes: media " + mediaSize + ", sector " + bytesPerSector
          + ", piece " + pieceSize);
    }
    long expectedPieces = pieceSize == 0 ? 0 : (mediaSize + pieceSize - 1) / pieceSize;
    if (pieces.size() != expectedPieces) {
      throw new IllegalArgumentException(pieces.size() + " pieces for " + mediaSize + " bytes in pieces of "
          + pieceSize + ", expected " + expectedPieces);
    }
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      long offset = i * pieceSize;
      if (p.offset() != offset || p.length() != Math.min(pieceSize, mediaSize - offset)) {
        throw new IllegalArgumentException("piece " + i + " covers " + p.offset() + "+" + p.length());
      }
    }
    if (!segments.isEmpty()) {
      if (segments.size() != segmentFiles.size()) {
        throw new IllegalArgumentException(segments.size() + " segment hashes for " + segmentFiles.size() + " files");
      }
      long offset = 0;
      for (int i = 0; i < segments.size(); i++) {
        SegmentHash s = segments.get(i);
        if (!s.file().equals(segmentFiles.get(i)) || s.offset() != offset) {
          throw new IllegalArgumentException("segment " + i + " is " + s.file() + " at " + s.offset()
              + ", expected " + segmentFiles.get(i) + " at " + offset);
        }
        offset += s.length();
      }
      if (offset != mediaSize) {
        throw new IllegalArgumentException("segments cover " + offset + " bytes of " + mediaSize);
      }
    }
  }

  /** Whether every byte of the media was read as stored: no damaged chunk. */
  public boolean complete() {
    return damaged.isEmpty();
  }

  /** The sector holding media byte {@code offset}. */
  public long sectorOf(long offset) {
    return offset / bytesPerSector;
  }

  /**
   * The last sector holding bytes of the range {@code [offset, offset + length)} (a partial last sector
   * counts), or {@code sectorOf(offset) - 1} for an empty range.
   */
  public long lastSectorOf(long offset, long length) {
    return length == 0 ? sectorOf(offset) - 1 : (offset + length - 1) / bytesPerSector;
  }
}
