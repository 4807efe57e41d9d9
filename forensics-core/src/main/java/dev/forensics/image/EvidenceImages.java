package dev.forensics.image;

import dev.forensics.image.internal.EwfLayout;
import dev.forensics.image.internal.SegmentedImage;
import dev.forensics.image.internal.SplitRawSets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens evidence images read-only, detecting their format.
 *
 * <p>Detection, in order:
 *
 * <ol>
 *   <li>A file starting with the EWF signature ({@code EVF}: E01, s01) is opened as an {@link EwfImage}
 *       with the other segments of its set. Ex01 (EWF2) and logical evidence files (L01, Lx01) are refused
 *       with an {@link ImageFormatException}.
 *   <li>A file named {@code NAME.DIGITS} (two or more digits: {@code .000}, {@code .001}, {@code .0001}
 *       …, so also {@code NAME.raw.001}) is a segment of a {@link ImageFormat#SPLIT_RAW} set that starts
 *       at {@code .000} if present, else {@code .001}. A lone {@code NAME.001} is a split raw set of one
 *       segment.
 *   <li>A file named {@code NAME.aa}, {@code NAME.aaa} (two or three letters, all lower or all upper
 *       case, as {@code split} writes them) is a split raw segment when the set's first segment or the
 *       segment just before it exists; otherwise (for {@code disk.img}, {@code disk.dd}) it is raw.
 *   <li>Any other file is a {@link ImageFormat#RAW} image.
 * </ol>
 *
 * <p>Any segment of a split set may be given: the whole set is found next to it. A gap in the
 * numbering, or a segment other than the last whose size differs from the first's, is an {@link
 * ImageFormatException} naming the segment. Use {@link #openRaw(Path)} to read one file as it is.
 */
public final class EvidenceImages {

  private static final byte[] EWF1 = EwfLayout.SIGNATURE;
  private static final byte[] EWF2 = {'E', 'V', 'F', '2', 0x0d, 0x0a, (byte) 0x81, 0x00};
  private static final byte[] LEF1 = {'L', 'V', 'F', 0x09, 0x0d, 0x0a, (byte) 0xff, 0x00};
  private static final byte[] LEF2 = {'L', 'E', 'F', '2', 0x0d, 0x0a, (byte) 0x81, 0x00};

  private EvidenceImages() {}

  /**
   * Opens the image that {@code anySegment} is part of, detecting its format as described above.
   *
   * @throws NoSuchFileException if {@code anySegment} does not exist
   * @throws ImageFormatException if the file is not a regular file, is an Ex01 or L01 image, an EWF image
   *     with a missing segment or a damaged structure (see {@link EwfImage#open(Path)}), or belongs to a
   *     split raw set with a missing or wrongly sized segment
   */
  public static EvidenceImage open(Path anySegment) throws IOException {
    checkRegularFile(anySegment);
    if (refuseEwf(anySegment, false)) {
      return EwfImage.open(anySegment);
    }
    Optional<List<Path>> set = SplitRawSets.find(anySegment);
    if (set.isEmpty()) {
      return SegmentedImage.open(ImageFormat.RAW, List.of(anySegment));
    }
    List<Path> segments = set.get();
    if (!segments.get(0).equals(anySegment)) {
      refuseEwf(segments.get(0), true);
    }
    return SegmentedImage.open(ImageFormat.SPLIT_RAW, segments);
  }

  /**
   * Opens one file as a {@link ImageFormat#RAW} image, whatever its name or content (an {@code .E01} is
   * then read as its container bytes, not its media).
   *
   * @throws NoSuchFileException if {@code file} does not exist
   * @throws ImageFormatException if it is not a regular file
   */
  public static EvidenceImage openRaw(Path file) throws IOException {
    checkRegularFile(file);
    return SegmentedImage.open(ImageFormat.RAW, List.of(file));
  }

  private static void checkRegularFile(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!Files.isRegularFile(file)) {
      throw new ImageFormatException(file, "not a regular file");
    }
  }

  /**
   * True when {@code file} is an EWF1 segment (and not {@code inSplitSet}); throws for the EWF variants
   * that cannot be read.
   */
  private static boolean refuseEwf(Path file, boolean inSplitSet) throws IOException {
    byte[] head = new byte[8];
    ByteBuffer buffer = ByteBuffer.wrap(head);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // fill the 8-byte signature
      }
    }
    if (buffer.hasRemaining()) {
      return false;
    }
    if (Arrays.equals(head, EWF1)) {
      if (inSplitSet) {
        throw new ImageFormatException(file,
            "EWF (EnCase E01) image named like a split raw segment: name its segments .E01, .E02, … to open it");
      }
      return true;
    }
    if (Arrays.equals(head, EWF2)) {
      throw new ImageFormatException(file,
          "EWF2 (EnCase Ex01) image: not supported, only EWF1 images (E01, s01) can be read");
    }
    if (Arrays.equals(head, LEF1) || Arrays.equals(head, LEF2)) {
      throw new ImageFormatException(file,
          "EnCase logical evidence file (L01/Lx01), not a disk image: not supported");
    }
    return false;
  }
}
