package dev.forensics.image;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.MultiHasher;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Recomputes the hashes of an image's media in one read and compares them with the hashes the image
 * stores (EWF) and those an examiner expects (from an acquisition log or typed in). Damaged EWF chunks
 * are reported as sector ranges and verification goes on past them.
 */
public final class ImageVerifier {

  private ImageVerifier() {}

  /**
   * Verifies an image against the hashes it stores and those an examiner expects.
   *
   * @param algorithms hashes to calculate in any case; those of the stored and expected hashes are added
   * @param expected hashes to compare with, e.g. from {@code --expect}; their checks have the source
   *     {@link HashCheck#EXPECTED}
   * @param progress told the number of media bytes after each read
   */
  public static ImageVerification verify(
      EvidenceImage image, Collection<HashAlgorithm> algorithms, DigestSet expected, LongConsumer progress)
      throws IOException {
    return verify(image, algorithms, List.of(ExpectedHashes.typedIn(expected)), progress);
  }

  /**
   * Verifies an image against the hashes it stores and any number of sets of expected hashes (typed in,
   * read from an acquisition log, ...), all in one read of the media. The checks come in this order: the
   * stored hashes, then each set of {@code expected} in the order given, each in canonical algorithm order.
   *
   * @param algorithms hashes to calculate in any case; those of the stored and expected hashes are added
   * @param expected hashes to compare with, each set labelled with its source
   * @param progress told the number of media bytes after each read
   */
  public static ImageVerification verify(
      EvidenceImage image, Collection<HashAlgorithm> algorithms, List<ExpectedHashes> expected,
      LongConsumer progress) throws IOException {
    DigestSet stored = image instanceof EwfImage ewf ? ewf.storedHashes() : DigestSet.empty();
    EnumSet<HashAlgorithm> all = EnumSet.noneOf(HashAlgorithm.class);
    all.addAll(algorithms);
    all.addAll(stored.algorithms());
    if (image instanceof EwfImage ewf) {
      ewf.untrustedStoredHashes().forEach(d -> all.add(d.algorithm()));
    }
    for (ExpectedHashes e : expected) {
      all.addAll(e.digests().algorithms());
    }
    if (all.isEmpty()) {
      all.add(HashAlgorithm.MD5);
    }
    List<DamagedChunk> damaged = new ArrayList<>();
    DigestSet calculated;
    MultiHasher hasher = MultiHasher.of(all);
    if (image instanceof EwfImage ewf) {
      try (EwfImage.MediaStream media = ewf.openMediaStream()) {
        calculated = hasher.hash(media, ewf.size(), progress).digests();
        media.damaged().forEach(e -> damaged.add(DamagedChunk.of(e)));
      }
    } else {
      try (SeekableByteChannel ch = image.openChannel()) {
        calculated = hasher.hash(ch, image.size(), progress).digests();
      }
    }
    List<HashCheck> checks = new ArrayList<>();
    addChecks(checks, HashCheck.STORED, image instanceof EwfImage ewf ? ewf.allStoredHashes() : List.of(), calculated);
    addChecks(checks, HashCheck.STORED_DAMAGED, image instanceof EwfImage ewf ? ewf.untrustedStoredHashes() : List.of(),
        calculated);
    for (ExpectedHashes e : expected) {
      addChecks(checks, e.source(), e.digests().digests(), calculated);
    }
    return new ImageVerification(image.size(), calculated, checks, damaged);
  }

  private static void addChecks(
      List<HashCheck> checks, String source, Collection<Digest> given, DigestSet calculated) {
    for (Digest d : given) {
      checks.add(new HashCheck(source, d, calculated.get(d.algorithm()).orElseThrow()));
    }
  }

}
