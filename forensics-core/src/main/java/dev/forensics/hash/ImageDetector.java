package dev.forensics.hash;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Recognises disk images among the files {@link EvidenceHasher} meets, and hashes their media, so that
 * an image held in several files (or in a container such as E01) becomes one manifest entry. The
 * implementation lives with the image readers ({@code dev.forensics.image.ImageSets}), which depend on
 * this package; this interface keeps the dependency one way. Which images are hashed as one stream is
 * decided by {@link EvidenceHasher}, from what this says about each file.
 *
 * <p>Implementations must be safe for use by several threads at once.
 */
public interface ImageDetector {

  /**
   * The image a file named by the user stands for: an EWF set (by its signature, whatever the file's
   * name; any segment of the set may be named) or a split raw set of two or more files (by its name).
   *
   * @return empty for any other file, including a raw image or a lone {@code .001}, whose media is the
   *     file itself
   * @throws IOException if the file is an image that cannot be opened (a missing segment, a damaged EWF
   *     structure, an unsupported EWF variant); the message names the file concerned
   */
  Optional<ImageSet> named(Path file) throws IOException;

  /**
   * The image that a file found in a folder starts: an EWF set whose first segment it is (named {@code
   * .E01}, {@code .e01} or {@code .s01} and starting with the EWF signature), or, when {@code splitSets}
   * is true, a split raw set of two or more files whose first segment it is. Cheap for other files: they
   * are recognised by name before any is opened.
   *
   * @throws IOException as for {@link #named(Path)}
   */
  Optional<ImageSet> found(Path file, boolean splitSets) throws IOException;

  /**
   * Hashes the media of an image detected by this detector, in one read.
   *
   * @param progress told the number of media bytes after each read
   * @throws IOException if a segment cannot be read, the image no longer has the detected segments and
   *     size, or (EWF) a chunk is damaged
   */
  HashResult hash(ImageSet image, MultiHasher hasher, LongConsumer progress) throws IOException;
}
