package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.exec;
import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.requireTool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.ImageFixtures.ToolResult;
import dev.forensics.image.internal.EwfLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageVerifierTest {

  @TempDir Path dir;

  private static String hex(String algorithm, byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
  }

  @Test
  void verify_rawImage_againstExpectedHashes() throws Exception {
    byte[] data = randomBytes(3 * 1024 * 1024 + 17, 5);
    Path raw = dir.resolve("disk.dd");
    Files.write(raw, data);
    Digest right = Digest.ofHex(HashAlgorithm.SHA256, hex("SHA-256", data));
    Digest wrong = Digest.ofHex(HashAlgorithm.MD5, "00000000000000000000000000000000");
    try (EvidenceImage image = EvidenceImages.open(raw)) {
      ImageVerification ok = ImageVerifier.verify(image, List.of(HashAlgorithm.MD5), DigestSet.of(right), n -> {});
      assertThat(ok.passed()).isTrue();
      assertThat(ok.calculated().get(HashAlgorithm.MD5).orElseThrow().hex()).isEqualTo(hex("MD5", data));
      assertThat(ok.checks()).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("expected"));

      ImageVerification bad = ImageVerifier.verify(image, List.of(), DigestSet.of(right, wrong), n -> {});
      assertThat(bad.passed()).isFalse();
      assertThat(bad.checks()).extracting(HashCheck::matches).containsExactly(false, true);
    }
  }

  @Test
  void verify_againstTypedAndLoggedHashes_labelsEachCheckWithItsSource() throws Exception {
    byte[] data = randomBytes(1024 * 1024, 6);
    Path raw = dir.resolve("disk.dd");
    Files.write(raw, data);
    Files.writeString(dir.resolve("disk.hashlog"), "Total (md5): " + hex("MD5", data) + "\n\nTotal (sha256): "
        + hex("SHA-256", data).toUpperCase() + "\n");
    AcquisitionLog log = AcquisitionLog.read(dir.resolve("disk.hashlog"));
    DigestSet typed = DigestSet.of(Digest.ofHex(HashAlgorithm.SHA1, "00".repeat(20)));
    try (EvidenceImage image = EvidenceImages.open(raw)) {
      ImageVerification v = ImageVerifier.verify(image, List.of(),
          List.of(ExpectedHashes.typedIn(typed), ExpectedHashes.of(log)), n -> {});
      assertThat(v.checks()).extracting(c -> c.source() + " " + c.expected().algorithm().id() + " " + c.matches())
          .containsExactly("expected sha1 false", "log md5 true", "log sha256 true");
      assertThat(v.passed()).isFalse();
    }
  }

  @Test
  void expectedHashes_cannotPoseAsStored() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExpectedHashes(HashCheck.STORED, DigestSet.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verify_rawImage_withNothingToCompare_doesNotPass() throws Exception {
    Path raw = dir.resolve("disk.dd");
    Files.write(raw, new byte[4096]);
    try (EvidenceImage image = EvidenceImages.open(raw)) {
      ImageVerification v = ImageVerifier.verify(image, List.of(HashAlgorithm.SHA1), DigestSet.empty(), n -> {});
      assertThat(v.checks()).isEmpty();
      assertThat(v.passed()).isFalse();
      assertThat(v.calculated().get(HashAlgorithm.SHA1).orElseThrow().hex())
          .isEqualTo("1ceaf73df40e531df3bfb26b4fb7cd95fb7bff1d");
    }
  }

  @Test
  void verify_e01_storedHashesMatch_thenDamagedChunkFails_likeEwfverify() throws Exception {
    requireTool("ewfacquire");
    requireTool("ewfverify");
    byte[] data = randomBytes(2 * 1024 * 1024, 9);
    Files.write(dir.resolve("source.raw"), data);
    ToolResult acquired = exec(dir, Map.of(), "ewfacquire", "-u", "-t", "img", "-f", "encase6", "-c", "none",
        "-S", "1MiB", "-d", "sha1", "source.raw");
    assertThat(acquired.exitCode()).as(acquired.stdout() + acquired.stderr()).isZero();
    Path e01 = dir.resolve("img.E01");

    try (EvidenceImage image = EvidenceImages.open(e01)) {
      ImageVerification v = ImageVerifier.verify(image, List.of(HashAlgorithm.SHA256), DigestSet.empty(), n -> {});
      assertThat(v.passed()).isTrue();
      assertThat(v.checks()).extracting(c -> c.source() + " " + c.expected().algorithm().id() + " " + c.matches())
          .containsExactly("stored md5 true", "stored sha1 true");
      assertThat(v.calculated().get(HashAlgorithm.MD5).orElseThrow().hex()).isEqualTo(hex("MD5", data));
      assertThat(v.calculated().get(HashAlgorithm.SHA256).orElseThrow().hex()).isEqualTo(hex("SHA-256", data));
    }

    int chunk = 20;
    EwfLayout layout = EwfLayout.read(e01);
    Path segment;
    long offset;
    try {
      segment = layout.segments().get(layout.chunkSegment(chunk));
      offset = layout.chunkOffset(chunk);
    } finally {
      for (var ch : layout.channels()) {
        ch.close();
      }
    }
    byte[] bytes = Files.readAllBytes(segment);
    bytes[(int) offset + 100] ^= 0x5a;
    Files.write(segment, bytes);

    try (EvidenceImage image = EvidenceImages.open(e01)) {
      ImageVerification v = ImageVerifier.verify(image, List.of(), DigestSet.empty(), n -> {});
      assertThat(v.passed()).isFalse();
      assertThat(v.damaged()).singleElement().satisfies(d -> {
        assertThat(d.chunkIndex()).isEqualTo(chunk);
        assertThat(d.firstSector()).isEqualTo(chunk * 64L);
        assertThat(d.lastSector()).isEqualTo(chunk * 64L + 63);
      });
    }
    ToolResult ewfverify = exec(dir, Map.of(), "ewfverify", "-q", "img.E01");
    assertThat(ewfverify.stdout() + ewfverify.stderr()).contains("FAILURE");
  }

  @Test
  void verify_e01_whoseHashAndDigestSectionsDisagree_showsBothAndFails() throws Exception {
    requireTool("ewfacquire");
    byte[] data = randomBytes(256 * 1024, 11);
    Files.write(dir.resolve("source.raw"), data);
    ToolResult acquired = exec(dir, Map.of(), "ewfacquire", "-u", "-t", "img", "-f", "encase6", "-c", "fast",
        "-d", "sha1", "source.raw");
    assertThat(acquired.exitCode()).as(acquired.stdout() + acquired.stderr()).isZero();
    Path e01 = dir.resolve("img.E01");
    byte[] bytes = Files.readAllBytes(e01);
    byte[] type = new byte[16];
    System.arraycopy("hash".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, type, 0, 4);
    int section = indexOf(bytes, type);
    assertThat(section).as("hash section").isPositive();
    int body = section + 76;
    bytes[body] ^= 0x01; // the stored MD5, with the section's Adler-32 made right again: a consistent forgery
    java.util.zip.Adler32 adler = new java.util.zip.Adler32();
    adler.update(bytes, body, 32);
    java.nio.ByteBuffer.wrap(bytes, body + 32, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) adler.getValue());
    Files.write(e01, bytes);

    try (EwfImage image = EwfImage.open(e01)) {
      assertThat(image.allStoredHashes()).filteredOn(d -> d.algorithm() == HashAlgorithm.MD5).hasSize(2);
      ImageVerification v = ImageVerifier.verify(image, List.of(), DigestSet.empty(), n -> {});
      assertThat(v.passed()).isFalse();
      assertThat(v.checks()).filteredOn(c -> c.expected().algorithm() == HashAlgorithm.MD5)
          .extracting(HashCheck::matches).containsExactlyInAnyOrder(true, false);
      assertThat(v.calculated().get(HashAlgorithm.MD5).orElseThrow().hex()).isEqualTo(hex("MD5", data));
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
