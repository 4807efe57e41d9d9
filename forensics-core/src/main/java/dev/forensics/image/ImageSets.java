package dev.forensics.image;

import dev.forensics.hash.HashResult;
import dev.forensics.hash.ImageDetector;
import dev.forensics.hash.ImageSet;
import dev.forensics.hash.MultiHasher;
import dev.forensics.image.internal.EwfLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Recognises disk images for {@link dev.forensics.hash.EvidenceHasher} with the rules of {@link
 * EvidenceImages#open(Path)}, so that {@code forensics hash} and {@code forensics verify} list an image as
 * one entry: its first segment file, the media size and the digests of the media.
 */
public final class ImageSets implements ImageDetector {

  private static final ImageSets INSTANCE = new ImageSets();

  private ImageSets() {}

  /** The detector (stateless, thread-safe). */
  public static ImageDetector detector() {
    return INSTANCE;
  }

  @Override
  public Optional<ImageSet> named(Path file) throws IOException {
    try (EvidenceImage image = EvidenceImages.open(file.toAbsolutePath().normalize())) {
      return describe(image);
    }
  }

  @Override
  public Optional<ImageSet> found(Path file, boolean splitSets) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    String name = abs.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1);
    boolean ewfFirst = ext.length() == 3 && "EeSs".indexOf(ext.charAt(0)) >= 0 && ext.endsWith("01");
    if (ewfFirst ? !isFirstEwfSegment(abs) : !(splitSets && looksLikeFirstSplitSegment(ext))) {
      return Optional.empty();
    }
    try (EvidenceImage image = EvidenceImages.open(abs)) {
      return describe(image).filter(set -> set.first().equals(abs));
    }
  }

  @Override
  public HashResult hash(ImageSet set, MultiHasher hasher, LongConsumer progress) throws IOException {
    try (EvidenceImage image = EvidenceImages.open(set.first())) {
      if (!image.segments().equals(set.segments()) || image.size() != set.mediaSize()) {
        throw new ImageFormatException(set.first(), "the image changed after it was listed: it had "
            + set.segments().size() + " segment files and " + set.mediaSize() + " bytes of media, now "
            + image.segments().size() + " and " + image.size());
      }
      HashResult result;
      try (SeekableByteChannel channel = image.openChannel()) {
        result = hasher.hash(channel, image.size(), progress);
      }
      if (result.size() != image.size()) {
        throw new IOException(set.first() + ": read " + result.size() + " bytes of media, expected " + image.size());
      }
      return result;
    }
  }

  /** The set of an image held in several files or in a container; empty for a plain file. */
  private static Optional<ImageSet> describe(EvidenceImage image) {
    if (image.format() == ImageFormat.RAW || (image.format() == ImageFormat.SPLIT_RAW && image.segments().size() < 2)) {
      return Optional.empty(); // the media is the file itself
    }
    ImageSet.Kind kind = image.format() == ImageFormat.EWF ? ImageSet.Kind.CONTAINER : ImageSet.Kind.SPLIT;
    return Optional.of(new ImageSet(kind, image.format().name(), image.segments(), image.size()));
  }

  /** Whether the file starts with the EWF signature and says it is segment 1 (read: 13 bytes). */
  private static boolean isFirstEwfSegment(Path file) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (head.hasRemaining() && ch.read(head) >= 0) {
        // fill the file header
      }
    }
    if (head.hasRemaining()) {
      return false;
    }
    byte[] signature = new byte[EwfLayout.SIGNATURE.length];
    head.get(0, signature);
    return Arrays.equals(signature, EwfLayout.SIGNATURE) && head.getShort(9) == 1;
  }

  /** {@code .000}, {@code .001}, {@code .0001}…, {@code .aa}, {@code .aaa}, {@code .AA}, {@code .AAA}. */
  private static boolean looksLikeFirstSplitSegment(String ext) {
    return ext.matches("0+[01]") || ext.equals("aa") || ext.equals("aaa") || ext.equals("AA") || ext.equals("AAA");
  }
}
