package dev.forensics.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Reading acquisition logs from committed fixtures (tools that are not Debian packages) and small inline
 * texts. Real dc3dd, dcfldd and libewf output is tested in {@link AcquisitionLogInteropTest}.
 *
 * <p>The fixtures in {@code src/test/resources/image/logs/} describe a 1 MiB medium whose byte {@code i}
 * is {@code i % 251}. They follow real files:
 *
 * <ul>
 *   <li>Guymager {@code .info}: the table layout, row labels, {@code --} for hashes not calculated, the
 *       verification sentences and the "Generated image files and their MD5 hashes" list are those written
 *       by Guymager's {@code t_Table::InfoAcquisitionEnd0} (tables.cpp, Guymager 0.8.x source), and match
 *       published .info files of Guymager 0.7.3 (an EWF image, MD5 + SHA-256, image verification only)
 *       and 0.8.8 (a split dd image, MD5/SHA-1/SHA-256, source and image verification).
 *   <li>FTK Imager {@code .txt}: the layout of the reports FTK Imager 4.1.1.1 and 4.5.0.3 write next to an
 *       E01 ({@code Created By AccessData® FTK® Imager ...}, {@code [Computed Hashes]} with
 *       {@code MD5 checksum:}/{@code SHA1 checksum:}, {@code Image Verification Results:} with
 *       {@code ... : verified}) as published in CTF write-ups (Horcrux.E01.txt, DiskDrigger.ad1.txt);
 *       written with CRLF and the Windows-1252 {@code ®} as a Windows program does.
 *   <li>{@code real_*}: output of the real tools (dc3dd 7.2.646, dcfldd 1.9, ewf-tools 20140813 from Debian)
 *       for that medium, kept so that the known answers are checked where the tools are not installed.
 * </ul>
 */
class AcquisitionLogTest {

  static final String MD5 = "8f293a2f6c19b345152f7a49bb4c643c";
  static final String SHA1 = "c2fc4cb20f1301a6b0dd211c19e69a13925dbe40";
  static final String SHA256 = "631b84027d6b9e52b539c4e8373622d23032dfadc64d60af87339c9037e4f769";

  static Path fixture(String name) {
    return Path.of("src/test/resources/image/logs", name);
  }

  private static AcquisitionLog parse(String text) throws IOException {
    InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return AcquisitionLog.read(in, "acq.txt");
  }

  private static DigestSet digests(String... idHex) {
    return DigestSet.of(java.util.Arrays.stream(idHex)
        .map(s -> Digest.ofHex(HashAlgorithm.fromName(s.substring(0, s.indexOf(':'))), s.substring(s.indexOf(':') + 1)))
        .toList());
  }

  @Test
  void realToolOutput_knownAnswers() throws IOException {
    assertThat(AcquisitionLog.read(fixture("real_dc3dd_7.2.646.hlog")).mediaHashes())
        .isEqualTo(digests("md5:" + MD5, "sha256:" + SHA256));
    AcquisitionLog dcfldd = AcquisitionLog.read(fixture("real_dcfldd_1.9.hashlog"));
    assertThat(dcfldd.mediaHashes()).isEqualTo(digests("md5:" + MD5, "sha1:" + SHA1, "sha256:" + SHA256));
    assertThat(dcfldd.ranges()).extracting(LoggedRange::offset).containsExactly(0L, 262144L, 524288L, 786432L);
    assertThat(dcfldd.ranges().get(0).digests().get(HashAlgorithm.MD5).orElseThrow().hex())
        .isEqualTo("f6224c81f6d6b0c9c260a4f677f5db6f");
    assertThat(AcquisitionLog.read(fixture("real_ewfacquire_20140813.txt")).mediaHashes())
        .isEqualTo(digests("md5:" + MD5, "sha1:" + SHA1));
    assertThat(AcquisitionLog.read(fixture("real_ewfverify_20140813.txt")).mediaHashes())
        .isEqualTo(digests("md5:" + MD5, "sha1:" + SHA1, "sha256:" + SHA256));
    assertThat(AcquisitionLog.read(fixture("real_ewfinfo_20140813.txt")).mediaHashes())
        .isEqualTo(digests("md5:" + MD5, "sha1:" + SHA1));
  }

  @Test
  void guymager_ewf_givesAcquisitionHashes() throws IOException {
    AcquisitionLog log = AcquisitionLog.read(fixture("guymager_ewf.info"));
    assertThat(log.tool()).isEqualTo(AcquisitionTool.GUYMAGER);
    assertThat(log.mediaHashes()).isEqualTo(digests("md5:" + MD5, "sha256:" + SHA256));
    assertThat(log.imageFiles()).as("n/a: CalcImageFileMD5 was off").isEmpty();
    assertThat(log.ranges()).isEmpty();
    assertThat(log.notes()).isEmpty();
  }

  @Test
  void guymager_splitDd_givesAllHashesAndTheImageFiles() throws IOException {
    AcquisitionLog log = AcquisitionLog.read(fixture("guymager_dd_split.info"));
    assertThat(log.mediaHashes()).isEqualTo(digests("md5:" + MD5, "sha1:" + SHA1, "sha256:" + SHA256));
    assertThat(log.imageFiles()).containsExactly(
        new LoggedFile("usb.000", digests("md5:cad29d4e367797f6ac5f1cc7c52768a4")),
        new LoggedFile("usb.001", digests("md5:f93b98c8bdcc693863790231137c280b")));
  }

  @Test
  void ftkImager_crlfAndWindows1252_givesComputedHashes() throws IOException {
    AcquisitionLog log = AcquisitionLog.read(fixture("ftk_imager.txt"));
    assertThat(log.tool()).isEqualTo(AcquisitionTool.FTK_IMAGER);
    assertThat(log.mediaHashes()).isEqualTo(digests("md5:" + MD5, "sha1:" + SHA1));
  }

  @Test
  void guymager_verifiedImageDiffers_isRefusedNamingBothLines() {
    assertThatThrownBy(() -> AcquisitionLog.read(fixture("error_guymager_verified_image_differs.info")))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessage(fixture("error_guymager_verified_image_differs.info") + ":50: two different md5 hashes of the "
            + "whole media: 'MD5 hash' on line 48 is " + MD5 + ", 'MD5 hash verified image' on line 50 is 0"
            + MD5.substring(1) + "; the log does not say which one the media has")
        .satisfies(e -> assertThat(((AcquisitionLogException) e).line()).isEqualTo(50));
  }

  @Test
  void ftk_verificationDiffers_isRefused() {
    assertThatThrownBy(() -> AcquisitionLog.read(fixture("error_ftk_verification_differs.txt")))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessage(fixture("error_ftk_verification_differs.txt") + ":42: two different sha1 hashes of the whole "
            + "media: 'SHA1 checksum ([Computed Hashes])' on line 30 is " + SHA1 + ", 'SHA1 checksum (Image "
            + "Verification Results)' on line 42 is " + SHA1.substring(0, 39) + "1; the log does not say which "
            + "one the media has");
  }

  @Test
  void guymager_noHashCalculated_isRefused() {
    assertThatThrownBy(() -> AcquisitionLog.read(fixture("error_guymager_no_hash.info")))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessage(fixture("error_guymager_no_hash.info") + ": found no hash of the whole media in this Guymager "
            + ".info file: every 'MD5 hash', 'SHA1 hash' and 'SHA256 hash' row is '--' or missing (was the "
            + "acquisition aborted?)");
  }

  @Test
  void checksumList_isNotAnAcquisitionLog() {
    assertThatThrownBy(() -> AcquisitionLog.read(fixture("error_unrecognised.txt")))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessage(fixture("error_unrecognised.txt") + ":1: not an acquisition log this program reads: expected "
            + "the output of ewfacquire, ewfverify or ewfinfo, a Guymager .info file, an FTK Imager .txt report, "
            + "a dc3dd hlog=/log= file or a dcfldd hashlog= file; found '" + SHA256 + "  usb.dd'");
  }

  @Test
  void emptyAndBinaryFiles_areRefused() {
    assertThatThrownBy(() -> parse("\n  \n"))
        .isInstanceOf(AcquisitionLogException.class).hasMessage("acq.txt: the acquisition log is empty");
    assertThatThrownBy(() -> AcquisitionLog.read(new ByteArrayInputStream(new byte[1 << 20]), "disk.dd"))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessageStartingWith("disk.dd:1: not a text file: it holds NUL bytes");
  }

  @Test
  void ftk_verificationNotVerified_isRefused() {
    String text = "Created By AccessData® FTK® Imager 4.5.0.3\n[Computed Hashes]\n MD5 checksum:    " + MD5
        + "\n\nImage Verification Results:\n MD5 checksum:    " + MD5 + " : NOT verified\n";
    assertThatThrownBy(() -> parse(text)).isInstanceOf(AcquisitionLogException.class)
        .hasMessage("acq.txt:6: FTK Imager reports a failed verification: 'MD5 checksum:    " + MD5 + " : NOT verified'");
  }

  @Test
  void malformedHash_namesLineAndLabel() {
    String text = "ewfacquire 20140813\n\nMD5 hash calculated over data:\t\t" + MD5.substring(1) + "\n";
    assertThatThrownBy(() -> parse(text)).isInstanceOf(AcquisitionLogException.class)
        .hasMessage("acq.txt:3: 'MD5 hash calculated over data': md5 digest must be 32 hex digits, got 31, found '"
            + MD5.substring(1) + "'");
  }

  @Test
  void upperCaseHex_andAPastedPromptAbove_areRead() throws IOException {
    AcquisitionLog log = parse("$ dcfldd if=/dev/sdb of=usb.dd hash=md5 hashlog=usb.hashlog\n\nTotal (md5): "
        + MD5.toUpperCase() + "\n");
    assertThat(log.tool()).isEqualTo(AcquisitionTool.DCFLDD);
    assertThat(log.mediaHashes()).isEqualTo(digests("md5:" + MD5));
  }

  @Test
  void dcfldd_progressOnStderr_startsOverAtCarriageReturn() throws IOException {
    AcquisitionLog log = parse("\r256 blocks (8Mb) written.\r512 blocks (16Mb) written.\n"
        + "0 - 1048576: " + MD5 + "\n\nTotal (md5): " + MD5 + "\n\n32+0 records in\n32+0 records out\n");
    assertThat(log.ranges()).containsExactly(new LoggedRange(0, OptionalLong.of(1048576), digests("md5:" + MD5)));
  }

  @Test
  void dcfldd_sha384_isLeftOutWithANote() throws IOException {
    AcquisitionLog log = parse("Total (md5): " + MD5 + "\n\nTotal (sha384): " + "ab".repeat(48) + "\n");
    assertThat(log.mediaHashes()).isEqualTo(digests("md5:" + MD5));
    assertThat(log.notes()).containsExactly(
        "left out sha384 hashes: an algorithm forensics does not calculate (first on line 3)");
  }

  @Test
  void ftk_checksumLinesOutsideTheHashSections_areIgnored() throws IOException {
    AcquisitionLog log = parse("Created By AccessData® FTK® Imager 4.5.0.3\nCase Information:\nNotes: seized "
        + "with a label reading\nMD5 checksum: see bag\n\n[Computed Hashes]\n MD5 checksum:    " + MD5 + "\n");
    assertThat(log.mediaHashes()).isEqualTo(digests("md5:" + MD5));
  }

  @Test
  void dcfldd_sameWindowTwiceWithDifferentHashes_isRefused() {
    String other = "0" + MD5.substring(1);
    assertThatThrownBy(() -> parse("0 - 512: " + MD5 + "\n0 - 512: " + other + "\nTotal (md5): " + MD5 + "\n"))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessage("acq.txt:2: two different md5 hashes of bytes 0 to 511: line 1 gives " + MD5 + ", line 2 gives "
            + other);
  }

  @Test
  void dc3dd_abortedRun_isRefused() {
    assertThatThrownBy(() -> parse("\ndc3dd 7.2.646 started at 2026-11-28 17:45:26 +0000\ninput results for file "
        + "`/dev/sdb':\n   " + MD5 + " (md5)\n\ndc3dd aborted at 2026-11-28 17:45:27 +0000\n"))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessage("acq.txt:6: dc3dd aborted this run: its hashes, if any, cover only what was read before");
  }

  @Test
  void dc3dd_failedOutputVerification_isRefused() {
    assertThatThrownBy(() -> parse("\ndc3dd 7.2.646 started at 2026-11-28 17:45:26 +0000\ninput results for file "
        + "`/dev/sdb':\n   " + MD5 + " (md5)\n\noutput results for file `usb.dd':\n   [MISMATCH] " + MD5
        + " (md5)\n"))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessage("acq.txt:7: dc3dd reports a failed verification of its output: '[MISMATCH] " + MD5 + " (md5)'");
  }

  @Test
  void ewfverify_storedDiffersFromCalculated_isRefused() {
    String other = "0" + MD5.substring(1);
    assertThatThrownBy(() -> parse("ewfverify 20140813\n\nMD5 hash stored in file:\t\t" + MD5
        + "\nMD5 hash calculated over data:\t\t" + other + "\n\newfverify: FAILURE\n"))
        .isInstanceOf(AcquisitionLogException.class)
        .hasMessageContaining("acq.txt:4: two different md5 hashes of the whole media: 'MD5 hash stored in file' on "
            + "line 3");
  }

  @Test
  void utf16WithByteOrderMark_isRead() throws IOException {
    byte[] text = ("Created By AccessData® FTK® Imager 3.1.2.0\r\n[Computed Hashes]\r\n MD5 checksum:    " + MD5
        + "\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[text.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(text, 0, withBom, 2, text.length);
    AcquisitionLog log = AcquisitionLog.read(new ByteArrayInputStream(withBom), "usb.E01.txt");
    assertThat(log.mediaHashes()).isEqualTo(digests("md5:" + MD5));
  }
}
