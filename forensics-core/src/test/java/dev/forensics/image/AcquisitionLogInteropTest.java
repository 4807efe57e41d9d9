package dev.forensics.image;

import static dev.forensics.image.ImageFixtures.exec;
import static dev.forensics.image.ImageFixtures.randomBytes;
import static dev.forensics.image.ImageFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.image.ImageFixtures.ToolResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs written by the real tools (Debian packages dc3dd, dcfldd, ewf-tools) read back: the hashes must be
 * those of the data, computed here with the JDK.
 */
class AcquisitionLogInteropTest {

  private static final int MIB = 1 << 20;

  @TempDir Path dir;

  private static DigestSet hashes(byte[] data, int from, int to, HashAlgorithm... algorithms) throws Exception {
    Digest[] digests = new Digest[algorithms.length];
    for (int i = 0; i < algorithms.length; i++) {
      String jdk = switch (algorithms[i]) {
        case MD5 -> "MD5";
        case SHA1 -> "SHA-1";
        case SHA256 -> "SHA-256";
        case SHA512 -> "SHA-512";
        default -> throw new IllegalArgumentException(algorithms[i].id());
      };
      byte[] value = MessageDigest.getInstance(jdk).digest(Arrays.copyOfRange(data, from, to));
      digests[i] = new Digest(algorithms[i], value);
    }
    return DigestSet.of(digests);
  }

  private static final HashAlgorithm[] MD5_SHA1_SHA256 = {HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256};

  @Test
  void dc3dd_hlogWithPieces_givesMediaPiecesAndOutputFiles() throws Exception {
    byte[] data = randomBytes(3_000_000, 21);
    Files.write(dir.resolve("usb.raw"), data);
    run(dir, "dc3dd", "if=usb.raw", "hofs=usb.000", "ofsz=1M", "hash=md5", "hash=sha1", "hash=sha256",
        "hlog=usb.hlog", "log=usb.log");

    AcquisitionLog hlog = AcquisitionLog.read(dir.resolve("usb.hlog"));
    assertThat(hlog.tool()).isEqualTo(AcquisitionTool.DC3DD);
    assertThat(hlog.mediaHashes()).isEqualTo(hashes(data, 0, data.length, MD5_SHA1_SHA256));
    assertThat(hlog.ranges()).containsExactly(
        new LoggedRange(0, OptionalLong.of(MIB), hashes(data, 0, MIB, MD5_SHA1_SHA256)),
        new LoggedRange(MIB, OptionalLong.of(MIB), hashes(data, MIB, 2 * MIB, MD5_SHA1_SHA256)),
        new LoggedRange(2 * MIB, OptionalLong.empty(), hashes(data, 2 * MIB, data.length, MD5_SHA1_SHA256)));
    assertThat(hlog.imageFiles()).containsExactly(
        new LoggedFile("usb.000", hashes(data, 0, MIB, MD5_SHA1_SHA256)),
        new LoggedFile("usb.001", hashes(data, MIB, 2 * MIB, MD5_SHA1_SHA256)),
        new LoggedFile("usb.002", hashes(data, 2 * MIB, data.length, MD5_SHA1_SHA256)));
    assertThat(hlog.notes()).containsExactly(
        "dc3dd's sector size is not in this log: piece ranges assume 512-byte sectors");

    AcquisitionLog log = AcquisitionLog.read(dir.resolve("usb.log"));
    assertThat(log.mediaHashes()).isEqualTo(hlog.mediaHashes());
    assertThat(log.notes()).isEmpty();
  }

  @Test
  void dc3dd_singleOutputAndMachineLog_giveTheMediaHashes() throws Exception {
    byte[] data = randomBytes(1_500_000, 22);
    Files.write(dir.resolve("usb.raw"), data);
    run(dir, "dc3dd", "if=usb.raw", "hof=usb.dd", "hash=sha512", "hash=md5", "hlog=usb.hlog");
    AcquisitionLog hlog = AcquisitionLog.read(dir.resolve("usb.hlog"));
    assertThat(hlog.mediaHashes()).isEqualTo(hashes(data, 0, data.length, HashAlgorithm.MD5, HashAlgorithm.SHA512));
    assertThat(hlog.ranges()).isEmpty();

    run(dir, "dc3dd", "if=usb.raw", "hofs=m.000", "ofsz=1M", "hash=md5", "mlog=usb.mlog");
    AcquisitionLog mlog = AcquisitionLog.read(dir.resolve("usb.mlog"));
    assertThat(mlog.mediaHashes()).isEqualTo(hashes(data, 0, data.length, HashAlgorithm.MD5));
    assertThat(mlog.ranges()).containsExactly(
        new LoggedRange(0, OptionalLong.of(MIB), hashes(data, 0, MIB, HashAlgorithm.MD5)),
        new LoggedRange(MIB, OptionalLong.empty(), hashes(data, MIB, data.length, HashAlgorithm.MD5)));
    assertThat(mlog.imageFiles()).extracting(LoggedFile::name).containsExactly("m.000", "m.001");
  }

  @Test
  void dcfldd_hashlogWithWindows_givesTotalsAndWindows() throws Exception {
    byte[] data = randomBytes(2_500_000, 23);
    Files.write(dir.resolve("usb.raw"), data);
    run(dir, "dcfldd", "if=usb.raw", "of=usb.dd", "hash=md5,sha256", "hashwindow=1M", "hashlog=usb.hashlog");
    AcquisitionLog log = AcquisitionLog.read(dir.resolve("usb.hashlog"));
    assertThat(log.tool()).isEqualTo(AcquisitionTool.DCFLDD);
    HashAlgorithm[] both = {HashAlgorithm.MD5, HashAlgorithm.SHA256};
    assertThat(log.mediaHashes()).isEqualTo(hashes(data, 0, data.length, both));
    assertThat(log.ranges()).containsExactly(
        new LoggedRange(0, OptionalLong.of(MIB), hashes(data, 0, MIB, both)),
        new LoggedRange(MIB, OptionalLong.of(MIB), hashes(data, MIB, 2 * MIB, both)),
        new LoggedRange(2 * MIB, OptionalLong.of(data.length - 2 * MIB), hashes(data, 2 * MIB, data.length, both)));

    ToolResult stderr = exec(dir, Map.of(), "dcfldd", "if=usb.raw", "of=usb2.dd", "hash=sha1");
    assertThat(stderr.exitCode()).isZero();
    AcquisitionLog fromStderr = AcquisitionLog.read(
        new ByteArrayInputStream(stderr.stderr().getBytes(StandardCharsets.UTF_8)), "dcfldd.err");
    assertThat(fromStderr.mediaHashes()).isEqualTo(hashes(data, 0, data.length, HashAlgorithm.SHA1));
  }

  @Test
  void ewfTools_outputGivesTheHashes() throws Exception {
    byte[] data = randomBytes(2 * MIB, 24);
    Files.write(dir.resolve("usb.raw"), data);
    String acquire = run(dir, "ewfacquire", "-u", "-t", "usb", "-f", "encase6", "-c", "fast", "-d", "sha1,sha256",
        "-S", "1MiB", "usb.raw");
    Files.writeString(dir.resolve("acquire.txt"), acquire);
    AcquisitionLog acquired = AcquisitionLog.read(dir.resolve("acquire.txt"));
    assertThat(acquired.tool()).isEqualTo(AcquisitionTool.EWFACQUIRE);
    assertThat(acquired.mediaHashes()).isEqualTo(hashes(data, 0, data.length, MD5_SHA1_SHA256));

    Files.writeString(dir.resolve("verify.txt"), run(dir, "ewfverify", "-d", "sha256", "usb.E01"));
    AcquisitionLog verified = AcquisitionLog.read(dir.resolve("verify.txt"));
    assertThat(verified.tool()).isEqualTo(AcquisitionTool.EWFVERIFY);
    assertThat(verified.mediaHashes()).as("stored and calculated MD5, calculated SHA-256, additional SHA1")
        .isEqualTo(hashes(data, 0, data.length, MD5_SHA1_SHA256));

    Files.writeString(dir.resolve("info.txt"), run(dir, "ewfinfo", "usb.E01"));
    AcquisitionLog info = AcquisitionLog.read(dir.resolve("info.txt"));
    assertThat(info.tool()).isEqualTo(AcquisitionTool.EWFINFO);
    assertThat(info.mediaHashes()).isEqualTo(hashes(data, 0, data.length, HashAlgorithm.MD5, HashAlgorithm.SHA1));
    assertThat(List.of(acquired, verified, info)).allSatisfy(l -> assertThat(l.notes()).isEmpty());
  }
}
