package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.exec;
import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.hash.AuditResult;
import dev.forensics.hash.AuditStatus;
import dev.forensics.hash.EvidenceHasher;
import dev.forensics.hash.FileOutcome;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.HashProgress;
import dev.forensics.hash.ImageSet;
import dev.forensics.hash.Manifest;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestVerifier;
import dev.forensics.image.ImageFixtures.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk images in manifests: {@link EvidenceHasher} with {@link ImageSets} lists an image as one entry
 * (its first segment, the media size, the media digests), and {@link ManifestVerifier} verifies such
 * manifests, and manifests of the segment files themselves, each as they were made.
 */
class ImageManifestTest {

  private static final List<HashAlgorithm> MD5_SHA256 = List.of(HashAlgorithm.MD5, HashAlgorithm.SHA256);

  @TempDir Path dir;
  Path evidence;
  byte[] media;

  @BeforeEach
  void folder() throws Exception {
    evidence = Files.createDirectories(dir.resolve("evidence"));
    Files.writeString(evidence.resolve("notes.txt"), "seized 2026-11-28\n");
  }

  private EvidenceHasher.Builder hasher() {
    return EvidenceHasher.builder().algorithms(MD5_SHA256).root(dir).threads(2);
  }

  private static Map<String, FileOutcome> byPath(List<FileOutcome> outcomes) {
    return outcomes.stream().collect(Collectors.toMap(FileOutcome::path, o -> o));
  }

  private static String md5(FileOutcome o) {
    return o.entry().orElseThrow().digests().get(HashAlgorithm.MD5).orElseThrow().hex();
  }

  private String md5sum(Path file) throws Exception {
    return run(file.getParent(), "md5sum", file.getFileName().toString()).substring(0, 32);
  }

  /** An E01 set of several segments in the evidence folder, from {@code ewfacquire}. */
  private void acquireE01() throws Exception {
    media = randomBytes(2 * 1024 * 1024 + 4096, 31);
    Files.write(dir.resolve("source.raw"), media);
    ToolResult r = exec(dir, Map.of(), "ewfacquire", "-u", "-t", "evidence/disk", "-f", "encase6", "-c", "fast",
        "-S", "1MiB", "source.raw");
    assertThat(r.exitCode()).as("ewfacquire: %s%s", r.stdout(), r.stderr()).isZero();
    assertThat(evidence.resolve("disk.E02")).exists();
  }

  /** A split raw set usb.001… of three segments in the evidence folder, from coreutils {@code split}. */
  private void splitRaw() throws Exception {
    media = randomBytes(250_000, 32);
    Files.write(dir.resolve("source.raw"), media);
    run(dir, "split", "-b", "100000", "-d", "-a", "3", "--numeric-suffixes=1", "source.raw", "evidence/usb.");
  }

  @Test
  void hash_folderWithE01Set_listsTheImageOnce_withTheMediaHash() throws Exception {
    acquireE01();
    List<FileOutcome> out = hasher().images(ImageSets.detector()).build().hashAll(List.of(evidence));
    assertThat(out).extracting(FileOutcome::path).containsExactly("evidence/disk.E01", "evidence/notes.txt");
    FileOutcome image = byPath(out).get("evidence/disk.E01");
    assertThat(image.status()).isEqualTo(FileOutcome.Status.HASHED);
    assertThat(md5(image)).isEqualTo(md5sum(dir.resolve("source.raw")));
    assertThat(image.entry().orElseThrow().size()).isEqualTo(media.length);
    assertThat(image.image()).hasValueSatisfying(set -> {
      assertThat(set.kind()).isEqualTo(ImageSet.Kind.CONTAINER);
      assertThat(set.segments()).extracting(p -> p.getFileName().toString()).startsWith("disk.E01", "disk.E02");
    });

    List<FileOutcome> files = hasher().build().hashAll(List.of(evidence));
    assertThat(files).as("without a detector every file is itself").extracting(FileOutcome::path)
        .contains("evidence/disk.E01", "evidence/disk.E02", "evidence/notes.txt");
    assertThat(md5(byPath(files).get("evidence/disk.E01"))).isEqualTo(md5sum(evidence.resolve("disk.E01")));
  }

  @Test
  void hash_namedLaterE01Segment_listsTheImageUnderItsFirstSegment() throws Exception {
    acquireE01();
    List<FileOutcome> out = hasher().images(ImageSets.detector()).build()
        .hashAll(List.of(evidence.resolve("disk.E02"), evidence.resolve("disk.E01")));
    assertThat(out).singleElement().satisfies(o -> {
      assertThat(o.path()).isEqualTo("evidence/disk.E01");
      assertThat(md5(o)).isEqualTo(md5sum(dir.resolve("source.raw")));
    });
  }

  @Test
  void hash_splitRawSet_isAnImageWhenNamed_filesInAFolder_unlessAskedForThere() throws Exception {
    splitRaw();
    String sourceMd5 = md5sum(dir.resolve("source.raw"));
    List<FileOutcome> named = hasher().images(ImageSets.detector()).build()
        .hashAll(List.of(evidence.resolve("usb.002")));
    assertThat(named).singleElement().satisfies(o -> {
      assertThat(o.path()).isEqualTo("evidence/usb.001");
      assertThat(md5(o)).isEqualTo(sourceMd5);
      assertThat(o.entry().orElseThrow().size()).isEqualTo(media.length);
    });

    List<FileOutcome> folder = hasher().images(ImageSets.detector()).build().hashAll(List.of(evidence));
    assertThat(folder).extracting(FileOutcome::path)
        .containsExactly("evidence/notes.txt", "evidence/usb.001", "evidence/usb.002", "evidence/usb.003");
    assertThat(md5(byPath(folder).get("evidence/usb.002"))).isEqualTo(md5sum(evidence.resolve("usb.002")));

    List<FileOutcome> asImages = hasher().images(ImageSets.detector()).splitSetsInFolders(true).build()
        .hashAll(List.of(evidence));
    assertThat(asImages).extracting(FileOutcome::path).containsExactly("evidence/notes.txt", "evidence/usb.001");
    assertThat(md5(byPath(asImages).get("evidence/usb.001"))).isEqualTo(sourceMd5);
  }

  @Test
  void hash_e01WithMissingSegment_inAFolder_isUnreadableNamingIt() throws Exception {
    acquireE01();
    Files.delete(evidence.resolve("disk.E02"));
    List<FileOutcome> out = hasher().images(ImageSets.detector()).build().hashAll(List.of(evidence));
    FileOutcome e01 = byPath(out).get("evidence/disk.E01");
    assertThat(e01.status()).isEqualTo(FileOutcome.Status.UNREADABLE);
    assertThat(e01.detail()).contains("disk.E02").contains("missing segment 2");
  }

  @Test
  void verify_manifestsOfImagesAndOfSegmentFiles_eachMatch() throws Exception {
    acquireE01();
    splitRaw();
    EvidenceHasher images = hasher().images(ImageSets.detector()).build();
    List<Path> inputs = List.of(evidence, evidence.resolve("usb.001"));
    Manifest imageManifest = manifest(images.hashAll(inputs));
    assertThat(imageManifest.entries()).extracting(ManifestEntry::path)
        .containsExactly("evidence/disk.E01", "evidence/notes.txt", "evidence/usb.001");
    Manifest fileManifest = manifest(hasher().build().hashAll(List.of(evidence)));
    assertThat(fileManifest.entries()).hasSizeGreaterThan(5);

    ManifestVerifier verifier = ManifestVerifier.of(dir, List.of(), 2, false).withImages(ImageSets.detector());
    for (Manifest m : List.of(imageManifest, fileManifest)) {
      AuditResult r = verifier.verify(new ManifestReadResult(m, ManifestFormat.JSON, List.of()), "m", new HashProgress());
      assertThat(r.entries()).as("%s", r.entries()).allMatch(e -> e.status() == AuditStatus.MATCHED);
      assertThat(r.entries()).hasSize(m.entries().size());
    }
  }

  @Test
  void verify_imageManifest_afterOneByteOfASegmentChanged_namesTheImageChanged() throws Exception {
    splitRaw();
    Manifest m = manifest(hasher().images(ImageSets.detector()).build().hashAll(List.of(evidence.resolve("usb.001"))));
    byte[] second = Files.readAllBytes(evidence.resolve("usb.002"));
    second[5] ^= 1;
    Files.write(evidence.resolve("usb.002"), second);

    AuditResult r = ManifestVerifier.of(dir, List.of(), 2, false).withImages(ImageSets.detector())
        .verify(new ManifestReadResult(m, ManifestFormat.JSON, List.of()), "m", new HashProgress());
    assertThat(r.entries()).singleElement().satisfies(e -> {
      assertThat(e.status()).isEqualTo(AuditStatus.CHANGED);
      assertThat(e.path()).isEqualTo("evidence/usb.001");
      assertThat(e.detail()).contains("md5 ").contains("hashed as the media of an image (SPLIT_RAW, 3 segment files)");
    });

    AuditResult plain = ManifestVerifier.of(dir, List.of(), 2, false)
        .verify(new ManifestReadResult(m, ManifestFormat.JSON, List.of()), "m", new HashProgress());
    assertThat(plain.entries()).as("without images, the first segment file is compared with the image")
        .singleElement().satisfies(e -> {
          assertThat(e.status()).isEqualTo(AuditStatus.CHANGED);
          assertThat(e.detail()).contains("size 250000 -> 100000").doesNotContain("image");
        });
  }

  private static Manifest manifest(List<FileOutcome> outcomes) {
    List<ManifestEntry> entries = outcomes.stream().flatMap(o -> o.entry().stream()).toList();
    assertThat(entries).hasSize(outcomes.size());
    return new Manifest(ManifestInfo.of(MD5_SHA256), entries);
  }
}
