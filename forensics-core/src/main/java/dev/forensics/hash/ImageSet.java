package dev.forensics.hash;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A disk image held in several files, or in a container format, whose media {@link EvidenceHasher} hashes
 * as one stream and lists under its first segment file.
 *
 * @param kind how the files hold the media
 * @param format the image format's name, for messages (e.g. {@code EWF}, {@code SPLIT_RAW})
 * @param segments the image's files in media order, the first naming the image; absolute and normalized
 * @param mediaSize the length of the media in bytes, as found when the image was detected
 */
public record ImageSet(Kind kind, String format, List<Path> segments, long mediaSize) {

  /** How an image's files hold its media. */
  public enum Kind {
    /** The media is encoded inside the files (EWF/E01: compressed chunks, headers, tables). */
    CONTAINER,
    /** The media is the files' bytes, concatenated (split raw: {@code .001}, {@code .aa} …). */
    SPLIT
  }

  public ImageSet {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(format, "format");
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("an image set needs at least one segment file");
    }
    for (Path p : segments) {
      if (!p.isAbsolute()) {
        throw new IllegalArgumentException("segment paths must be absolute: " + p);
      }
    }
    if (mediaSize < 0) {
      throw new IllegalArgumentException("negative media size " + mediaSize);
    }
  }

  /** The first segment file, which names the image in a manifest. */
  public Path first() {
    return segments.get(0);
  }
}
