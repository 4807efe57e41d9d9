package dev.forensics.image;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.HashResult;
import dev.forensics.hash.MultiHasher;
import dev.forensics.hash.Piece;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Hashes the logical media of an image in one read: every chosen digest of the whole media, optionally
 * of fixed-size pieces (like dcfldd {@code hashwindow}), and, for a split raw set, of each segment file
 * (like dc3dd's hash log), each byte being read once. For EWF the media is the decompressed chunk data,
 * never the {@code .E01} files' bytes; a damaged chunk is hashed as zeros and reported (like ewfverify),
 * and hashing goes on. Instances are immutable and thread-safe.
 */
public final class ImageHasher {

  private final MultiHasher hasher;
  private final boolean segmentHashes;

  private ImageHasher(MultiHasher hasher, boolean segmentHashes) {
    this.hasher = hasher;
    this.segmentHashes = segmentHashes;
  }

  /**
   * A hasher for these algorithms (canonical order, duplicates dropped), without pieces or segment hashes.
   *
   * @throws IllegalArgumentException when no algorithm is given
   */
  public static ImageHasher of(Collection<HashAlgorithm> algorithms) {
    return new ImageHasher(MultiHasher.of(algorithms), false);
  }

  /** A copy that also hashes every {@code bytes}-byte piece of the media (0 = no pieces). */
  public ImageHasher withPieceSize(long bytes) {
    return new ImageHasher(hasher.withPieceSize(bytes), segmentHashes);
  }

  /**
   * A copy that also hashes each segment file of a split raw image (a raw image is its one segment).
   * EWF images have no such hashes: a {@code .E01} file holds compressed chunks, not a slice of the media.
   */
  public ImageHasher withSegmentHashes(boolean yes) {
    return new ImageHasher(hasher, yes);
  }

  /** The digests computed. */
  public List<HashAlgorithm> algorithms() {
    return hasher.algorithms();
  }

  /**
   * Hashes the media.
   *
   * @param progress told the number of media bytes after each read
   * @throws IllegalArgumentException if segment hashes are asked of an EWF image
   * @throws IOException if a file cannot be read, or a segment file changed size since the image was
   *     opened (EWF: damaged chunks are reported in the result instead)
   */
  public ImageHash hash(EvidenceImage image, LongConsumer progress) throws IOException {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(progress, "progress");
    MultiHasher mh = hasher;
    if (segmentHashes) {
      if (image.format() == ImageFormat.EWF) {
        throw new IllegalArgumentException("segment hashes are for split raw images: an EWF segment file holds "
            + "compressed chunks, not a slice of the media");
      }
      mh = mh.withSegments(segmentLengths(image));
    }
    HashResult result;
    List<DamagedChunk> damaged = new ArrayList<>();
    int bytesPerSector = 512;
    boolean sectorSizeFromImage = false;
    if (image instanceof EwfImage ewf) {
      bytesPerSector = ewf.geometry().bytesPerSector();
      sectorSizeFromImage = true;
      try (EwfImage.MediaStream channel = ewf.openMediaStream()) {
        result = mh.hash(channel, image.size(), progress);
        channel.damaged().forEach(e -> damaged.add(DamagedChunk.of(e)));
      }
    } else {
      try (ReadableByteChannel channel = image.openChannel()) {
        result = mh.hash(channel, image.size(), progress);
      }
    }
    if (result.size() != image.size()) {
      throw new IOException(image.segments().get(0) + ": read " + result.size() + " bytes of media, expected "
          + image.size());
    }
    List<SegmentHash> segments = new ArrayList<>();
    for (int i = 0; i < result.segments().size(); i++) {
      Piece s = result.segments().get(i);
      segments.add(new SegmentHash(image.segments().get(i), s.offset(), s.length(), s.digests()));
    }
    return new ImageHash(image.format(), image.segments(), image.size(), bytesPerSector, sectorSizeFromImage,
        result.digests(), mh.pieceSize(), result.pieces(), segments, damaged);
  }

  /** The segment files' sizes, which must add up to the media size the image was opened with. */
  private static List<Long> segmentLengths(EvidenceImage image) throws IOException {
    List<Long> lengths = new ArrayList<>();
    long total = 0;
    for (Path segment : image.segments()) {
      long size = Files.size(segment);
      lengths.add(size);
      total += size;
    }
    if (total != image.size()) {
      throw new ImageFormatException(image.segments().get(0), "segment files changed size since the image was "
          + "opened: they hold " + total + " bytes, the image " + image.size());
    }
    return lengths;
  }
}
