package dev.forensics.exercise;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evidence facts for a scenario as a builder would report them, made from stand-in content ("content of
 * ID") hashed with the JDK: enough to resolve and round-trip an answer key without the generators.
 */
final class ExampleFacts {
  private ExampleFacts() {}

  static DigestSet hashes(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try {
      return DigestSet.of(
          new Digest(HashAlgorithm.MD5, MessageDigest.getInstance("MD5").digest(bytes)),
          new Digest(HashAlgorithm.SHA1, MessageDigest.getInstance("SHA-1").digest(bytes)),
          new Digest(HashAlgorithm.SHA256, MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static EvidenceFacts of(Scenario s) {
    List<PlantedArtifact> planted = new ArrayList<>();
    for (Artifact a : s.artifacts()) {
      String contentOf = a instanceof Artifact.Duplicate d ? d.of() : a.id();
      List<ByteRange> ranges = new ArrayList<>();
      Optional<String> secret = Optional.empty();
      Optional<FileType> type = Optional.empty();
      if (a instanceof Artifact.AppendedData d) {
        ranges.add(new ByteRange(ByteRange.Within.FILE, 20_431, 87, "appended " + d.payload().id()));
        secret = Optional.of(d.text().orElse("bc1q-secret-" + a.id()));
        type = Optional.of(d.carrier());
      } else if (a instanceof Artifact.SlackData sl) {
        ranges.add(new ByteRange(ByteRange.Within.DISK_IMAGE, 1_118_310, 24, "file slack"));
        secret = Optional.of(sl.text().orElse("Tr0ub4dor&3-" + a.id()));
        type = Optional.of(sl.type());
      } else if (a instanceof Artifact.UnallocatedData u) {
        ranges.add(new ByteRange(ByteRange.Within.DISK_IMAGE, 4_194_304, 33_210, "carvable " + u.type().id()));
        type = Optional.of(u.type());
      } else if (a instanceof Artifact.PlainFile f) {
        secret = f.text();
        type = Optional.of(f.type());
      }
      FileTimes times = new FileTimes(
          Optional.of(a.times().modified().orElse(Instant.parse("2026-02-10T12:00:00Z"))),
          Optional.of(a.times().accessed().orElse(Instant.parse("2026-02-11T00:00:00Z"))),
          a.times().created());
      planted.add(new PlantedArtifact(a.id(), a.kind(), a.paths(), type, Optional.of(1000L + a.id().length()),
          hashes("content of " + contentOf), ranges, secret, times,
          a.finding().orElse("The " + a.kind().id() + " artifact " + a.id() + ".")));
    }
    return new EvidenceFacts(planted, Map.of(FileType.JPEG, 27L, FileType.PDF, 4L), hashes("the disk image"));
  }
}
