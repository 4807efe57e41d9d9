package dev.forensics.triage;

import static dev.forensics.triage.TriageFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.MultiHasher;
import dev.forensics.knownfiles.HashSetFormat;
import dev.forensics.knownfiles.HashSetKind;
import dev.forensics.knownfiles.KnownFileLibrary;
import dev.forensics.knownfiles.KnownFileSet;
import dev.forensics.knownfiles.KnownFileStatus;
import dev.forensics.triage.internal.ContentScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageTest {

  @TempDir Path dir;

  private TriageOptions options() {
    return TriageOptions.defaults().withRoot(dir).withThreads(2);
  }

  private TriageRecord one(Path file) throws IOException {
    return one(file, options());
  }

  private TriageRecord one(Path file, TriageOptions o) throws IOException {
    List<TriageRecord> r = Triage.run(List.of(file), o).records();
    assertThat(r).hasSize(1);
    return r.get(0);
  }

  private static List<FindingKind> kinds(TriageRecord r) {
    return r.findings().stream().map(Finding::kind).toList();
  }

  private static Finding finding(TriageRecord r, FindingKind k) {
    return r.findings().stream().filter(f -> f.kind() == k).findFirst().orElseThrow(() ->
        new AssertionError("no " + k + " in " + r.findings()));
  }

  @Test
  void entropy_isShannonInBitsPerByte() {
    long[] all = new long[256];
    java.util.Arrays.fill(all, 1);
    assertThat(ContentScanner.entropy(all, 256)).isEqualTo(8.0);
    long[] two = new long[256];
    two['a'] = 2;
    two['b'] = 2;
    assertThat(ContentScanner.entropy(two, 4)).isEqualTo(1.0);
    long[] one = new long[256];
    one[0] = 1000;
    assertThat(ContentScanner.entropy(one, 1000)).isEqualTo(0.0);
    long[] skew = new long[256]; // p = 1/4, 3/4: H = 0.811278...
    skew[1] = 1;
    skew[2] = 3;
    assertThat(ContentScanner.entropy(skew, 4)).isCloseTo(0.8112781244591328, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void randomBytes_areSuspectedEncrypted_andNamedJpg_areNotAnImage() throws IOException {
    TriageRecord r = one(write(dir, "holiday.jpg", random(64 << 10, 7)));
    assertThat(r.detection().mediaType()).isEqualTo(Detection.OCTET_STREAM);
    assertThat(r.category()).isEqualTo(Category.ENCRYPTED);
    assertThat(r.entropy()).isGreaterThan(7.99);
    assertThat(kinds(r)).contains(FindingKind.ENCRYPTION_SUSPECTED, FindingKind.EXTENSION_MISMATCH);
    assertThat(finding(r, FindingKind.EXTENSION_MISMATCH).reason()).isEqualTo("the extension '.jpg' does not fit "
        + "the content, which is application/octet-stream (expected: the signature of image/jpeg, which is missing)");
    // an extension whose type has no signature says nothing about unknown bytes; nor does an empty file
    assertThat(one(write(dir, "data.txt", random(5000, 8))).extensionMismatch()).isFalse();
    assertThat(one(write(dir, "empty.jpg", new byte[0])).extensionMismatch()).isFalse();
    assertThat(finding(r, FindingKind.ENCRYPTION_SUSPECTED).reason()).contains("65536 bytes", "threshold 7.500");
  }

  @Test
  void encryptionRule_hasConfigurableSizeAndThreshold_andSparesKnownFormats() throws IOException {
    Path small = write(dir, "small.bin", random(2000, 3));
    assertThat(kinds(one(small))).doesNotContain(FindingKind.ENCRYPTION_SUSPECTED);
    assertThat(kinds(one(small, options().withMinEncryptedSize(1000)))).contains(FindingKind.ENCRYPTION_SUSPECTED);
    Path big = write(dir, "big.bin", random(8192, 4));
    assertThat(kinds(one(big, options().withEntropyThreshold(7.999)))).doesNotContain(FindingKind.ENCRYPTION_SUSPECTED);
    // compressed data of a known format is not suspected, however high its entropy
    byte[] gz = gzip(random(20_000, 5));
    assertThat(kinds(one(write(dir, "r.gz", gz)))).doesNotContain(FindingKind.ENCRYPTION_SUSPECTED);
  }

  private static byte[] gzip(byte[] b) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void digests_comeFromTheSameRead_andMatchTheJdk() throws Exception {
    byte[] pdf = bytes("report.pdf");
    TriageRecord r = one(write(dir, "report.pdf", pdf), options().withMd5(true));
    assertThat(r.digests().get(HashAlgorithm.SHA256).orElseThrow().hex())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(r.digests().get(HashAlgorithm.MD5).orElseThrow().hex())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(pdf)));
    assertThat(r.size()).isEqualTo(pdf.length);
    assertThat(one(write(dir, "b.pdf", pdf)).digests().get(HashAlgorithm.MD5)).isEmpty();
  }

  @Test
  void realFiles_withTheirOwnNames_haveNoFindings() throws IOException {
    for (String name : new String[] {"report.docx", "ledger.xlsx", "report.pptx", "report.odt", "ledger.ods",
        "report.doc", "ledger.xls", "report.pdf", "photo.jpg", "logo.png", "icon.gif", "plain.zip", "bundle.tar",
        "report.txt.gz", "cases.sqlite", "tool.jar", "report.txt", "ledger.csv"}) {
      TriageRecord r = one(real(dir, name));
      assertThat(r.findings()).as(name + " " + r.detection()).isEmpty();
      assertThat(r.score()).isZero();
      assertThat(r.extensionMismatch()).isFalse();
    }
  }

  @Test
  void extensionMismatch_isDecidedByTypeHierarchyAndAllowList() throws IOException {
    TriageRecord zipAsDocx = one(real(dir, "plain.zip", "contract.docx"));
    assertThat(zipAsDocx.extensionMismatch()).isTrue();
    assertThat(finding(zipAsDocx, FindingKind.EXTENSION_MISMATCH).reason())
        .isEqualTo("the extension '.docx' does not fit the content, which is application/zip (expected: .zip, .zipx)");
    assertThat(one(real(dir, "logo.png", "logo.jpg")).extensionMismatch()).isTrue();
    assertThat(one(real(dir, "report.pdf", "report.doc")).extensionMismatch()).isTrue();
    // a docx renamed .zip is still a ZIP; JPEG as .jfif; any text as .log; unknown extension says nothing
    assertThat(one(real(dir, "report.docx", "report.zip")).extensionMismatch()).isFalse();
    assertThat(one(real(dir, "photo.jpg", "photo.jfif")).extensionMismatch()).isFalse();
    assertThat(one(real(dir, "ledger.csv", "ledger.log")).extensionMismatch()).isFalse();
    assertThat(one(real(dir, "report.txt", "report.zzq")).extensionMismatch()).isFalse();
    assertThat(one(real(dir, "cases.sqlite", "History.db")).extensionMismatch()).isFalse();
    assertThat(one(real(dir, "elf-program", "libtrue.so.1")).findings()).isEmpty();
    assertThat(one(real(dir, "report.txt", "cacert.pem")).extensionMismatch()).isFalse();
    assertThat(one(real(dir, "report.txt", "invoice.pdf")).extensionMismatch()).isTrue();
    assertThat(one(real(dir, "report.txt", "photo.png")).extensionMismatch()).isTrue();
  }

  @Test
  void nameTricks_doubleExtension_directionOverride_trailingDot_executableWithoutExtension() throws IOException {
    TriageRecord dbl = one(real(dir, "elf-program", "invoice.pdf.exe"));
    assertThat(finding(dbl, FindingKind.DOUBLE_EXTENSION).reason())
        .isEqualTo("double extension: '.pdf' is shown, but the name really ends in '.exe'");
    assertThat(kinds(one(real(dir, "report.txt.gz")))).doesNotContain(FindingKind.DOUBLE_EXTENSION);

    TriageRecord rtl = one(real(dir, "elf-program", "invoice\u202Efdp.exe"));
    assertThat(finding(rtl, FindingKind.DIRECTION_CONTROL_IN_NAME).reason())
        .contains("U+202E RIGHT-TO-LEFT OVERRIDE", "'.exe'");

    TriageRecord dot = one(real(dir, "report.pdf", "report.pdf."));
    assertThat(kinds(dot)).contains(FindingKind.TRAILING_DOT_OR_SPACE).doesNotContain(FindingKind.EXTENSION_MISMATCH);
    assertThat(dot.extension()).isEqualTo("pdf");

    TriageRecord bare = one(real(dir, "elf-program", "update"));
    assertThat(kinds(bare)).contains(FindingKind.EXECUTABLE_WITHOUT_EXTENSION);
  }

  @Test
  void appendedData_afterPngJpegGifZipPdf_isReportedWithOffsetAndLength() throws IOException {
    byte[] zip = bytes("plain.zip");
    for (String image : new String[] {"logo.png", "photo.jpg", "icon.gif"}) {
      byte[] img = bytes(image);
      TriageRecord r = one(write(dir, "hidden-" + image, concat(img, zip)));
      Finding f = finding(r, FindingKind.APPENDED_DATA);
      assertThat(f.offset()).as(image).isEqualTo(img.length);
      assertThat(f.length()).isEqualTo(zip.length);
      assertThat(f.reason()).contains("ZIP archive signature");
      assertThat(kinds(r)).doesNotContain(FindingKind.EMBEDDED_SIGNATURE, FindingKind.DAMAGED_STRUCTURE);
    }
    byte[] junk = "appended secret text".getBytes(StandardCharsets.US_ASCII);
    TriageRecord z = one(write(dir, "a.zip", concat(zip, junk)));
    assertThat(finding(z, FindingKind.APPENDED_DATA).offset()).isEqualTo(zip.length);
    byte[] pdf = bytes("report.pdf");
    TriageRecord p = one(write(dir, "a.pdf", concat(pdf, junk)));
    assertThat(finding(p, FindingKind.APPENDED_DATA).length()).isEqualTo(junk.length);
  }

  @Test
  void pdfIncrementalUpdates_andTrailingWhitespace_areNotAppendedData() throws IOException {
    byte[] pdf = bytes("report.pdf");
    byte[] update = "1 0 obj\n<</Type/Catalog>>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1>>\nstartxref\n0\n%%EOF\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    TriageRecord r = one(write(dir, "updated.pdf", concat(pdf, update, "\n\n  ".getBytes(StandardCharsets.US_ASCII))));
    assertThat(kinds(r)).doesNotContain(FindingKind.APPENDED_DATA, FindingKind.DAMAGED_STRUCTURE);
  }

  @Test
  void archiveSignatureInsideAnImage_isReported() throws IOException {
    byte[] jpg = bytes("photo.jpg");
    byte[] zip = bytes("plain.zip");
    // a JPEG comment segment (FFFE) holding a ZIP, placed after SOI
    byte[] com = concat(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) ((zip.length + 2) >> 8), (byte) (zip.length + 2)}, zip);
    byte[] stego = concat(java.util.Arrays.copyOf(jpg, 2), com, java.util.Arrays.copyOfRange(jpg, 2, jpg.length));
    TriageRecord r = one(write(dir, "stego.jpg", stego));
    Finding f = finding(r, FindingKind.EMBEDDED_SIGNATURE);
    assertThat(f.offset()).isEqualTo(6);
    assertThat(f.reason()).contains("ZIP archive");
    assertThat(kinds(r)).doesNotContain(FindingKind.APPENDED_DATA);
  }

  @Test
  void truncatedImage_isDamaged() throws IOException {
    byte[] png = bytes("logo.png");
    TriageRecord r = one(write(dir, "cut.png", java.util.Arrays.copyOf(png, png.length - 10)));
    assertThat(finding(r, FindingKind.DAMAGED_STRUCTURE).reason()).contains("PNG IEND chunk");
  }

  @Test
  void timestamps_inTheFutureOrBefore1990_useTheInjectedClock() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
    Path f = real(dir, "report.txt");
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2031-05-05T10:00:00Z")));
    Files.setAttribute(f, "lastAccessTime", FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
    TriageRecord r = one(f, options().withClock(clock));
    assertThat(finding(r, FindingKind.TIME_IN_FUTURE).reason())
        .isEqualTo("the modified time 2031-05-05T10:00:00Z is in the future (now: 2027-01-01T00:00:00Z)");
    assertThat(r.modified()).contains(Instant.parse("2031-05-05T10:00:00Z"));
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("1985-01-01T00:00:00Z")));
    assertThat(kinds(one(f, options().withClock(clock)))).contains(FindingKind.TIME_BEFORE_1990)
        .doesNotContain(FindingKind.TIME_IN_FUTURE);
  }

  @Test
  void knownFilesSink_notableFilesRise() throws IOException {
    Path a = real(dir, "report.txt", "a.txt");
    Path b = real(dir, "photo.jpg", "b.jpg");
    Path c = real(dir, "plain.zip", "c.docx"); // a mismatch, scored 40
    KnownFileSet known = KnownFileSet.builder("nsrl", HashSetKind.KNOWN, HashSetFormat.IN_MEMORY)
        .add(sha256(Files.readAllBytes(a))).build();
    KnownFileSet bad = KnownFileSet.builder("bad", HashSetKind.NOTABLE, HashSetFormat.IN_MEMORY)
        .add(sha256(Files.readAllBytes(b))).build();
    TriageResult result = Triage.run(List.of(dir), options().withLibrary(KnownFileLibrary.of(known, bad)));
    assertThat(result.ranked()).extracting(TriageRecord::path).containsExactly("b.jpg", "c.docx", "a.txt");
    assertThat(result.records()).extracting(TriageRecord::path).containsExactly("a.txt", "b.jpg", "c.docx");
    TriageRecord ra = result.records().get(0);
    assertThat(ra.known()).isEqualTo(KnownFileStatus.KNOWN);
    assertThat(ra.knownSets()).containsExactly("nsrl");
    assertThat(ra.score()).isEqualTo(-100);
    assertThat(result.records().get(1).known()).isEqualTo(KnownFileStatus.NOTABLE);
    assertThat(result.records().get(1).score()).isEqualTo(100);
  }

  private static DigestSet sha256(byte[] b) {
    return MultiHasher.of(HashAlgorithm.SHA256).hash(b).digests();
  }

  @Test
  void unreadableInputs_andLinks_getRecords_andTheRestIsExamined() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("case"));
    real(sub, "report.txt");
    Files.createSymbolicLink(sub.resolve("link.txt"), sub.resolve("report.txt"));
    TriageResult r = Triage.run(List.of(sub, dir.resolve("missing.bin")), options());
    assertThat(r.records()).extracting(TriageRecord::path, TriageRecord::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("case/link.txt", TriageRecord.Status.SKIPPED),
        org.assertj.core.groups.Tuple.tuple("case/report.txt", TriageRecord.Status.TRIAGED),
        org.assertj.core.groups.Tuple.tuple("missing.bin", TriageRecord.Status.UNREADABLE));
    assertThat(r.records().get(2).detail()).isEqualTo("no such file or directory");
    assertThat(r.count(TriageRecord.Status.UNREADABLE)).isEqualTo(1);
    assertThat(r.countsByCategory()).containsEntry(Category.TEXT, 1L);

    Path link = Files.createSymbolicLink(dir.resolve("case-link"), sub);
    assertThat(Triage.run(List.of(link), options()).records()).extracting(TriageRecord::path, TriageRecord::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("case-link/link.txt", TriageRecord.Status.SKIPPED),
            org.assertj.core.groups.Tuple.tuple("case-link/report.txt", TriageRecord.Status.TRIAGED));
  }

  @Test
  void output_isTheSame_withOneThreadOrTwo() throws IOException {
    for (String n : new String[] {"report.docx", "photo.jpg", "plain.zip", "report.pdf", "ledger.xls"}) {
      real(dir, n);
    }
    write(dir, "x.bin", random(10_000, 9));
    List<TriageRecord> one = Triage.run(List.of(dir), options().withThreads(1)).records();
    List<TriageRecord> two = Triage.run(List.of(dir), options().withThreads(2)).records();
    // reading a file may update its access time (relatime): the rest must be identical
    assertThat(two).usingRecursiveFieldByFieldElementComparatorIgnoringFields("accessed").isEqualTo(one);
  }

  @Test
  void jpegWithAThumbnailInItsExifSegment_endsAtItsOwnEoi() throws IOException {
    byte[] jpg = bytes("photo.jpg");
    byte[] thumb = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), jpg); // a whole JPEG, FFD9 included
    int len = thumb.length + 2;
    byte[] app1 = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len}, thumb);
    byte[] withThumb = concat(java.util.Arrays.copyOf(jpg, 2), app1, java.util.Arrays.copyOfRange(jpg, 2, jpg.length));
    TriageRecord r = one(write(dir, "camera.jpg", withThumb));
    assertThat(r.findings()).isEmpty();
    TriageRecord appended = one(write(dir, "camera2.jpg", concat(withThumb, "secret".getBytes(StandardCharsets.US_ASCII))));
    assertThat(finding(appended, FindingKind.APPENDED_DATA).offset()).isEqualTo(withThumb.length);
  }

  @Test
  void gifWithColorTablesAndExtensions_endsAtItsTrailer() throws IOException {
    byte[] gif = bytes("icon.gif");
    assertThat(gif[gif.length - 1]).isEqualTo((byte) 0x3B);
    TriageRecord r = one(write(dir, "x.gif", concat(gif, new byte[] {0x3B, 1, 2, 3})));
    assertThat(finding(r, FindingKind.APPENDED_DATA).offset()).isEqualTo(gif.length);
  }

  @Test
  void sampleEvidence_case01_plantedFilesComeFirst() throws IOException {
    Path repo = Path.of("").toAbsolutePath();
    while (repo != null && !Files.isDirectory(repo.resolve("sample-evidence/case01"))) {
      repo = repo.getParent();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(repo != null, "sample-evidence/ not found above " + Path.of("").toAbsolutePath());
    TriageResult r = Triage.run(List.of(repo.resolve("sample-evidence/case01")), options().withRoot(repo));
    assertThat(r.ranked()).extracting(TriageRecord::path).startsWith(
        "sample-evidence/case01/documents/passwords.txt", "sample-evidence/case01/usb stick/.hidden/backup.bin");
    assertThat(r.ranked().get(0).detection().mediaType()).isEqualTo("image/png");
    assertThat(r.ranked().get(2).score()).isZero();
  }

  @Test
  void mutatedContainersAndImages_neverStopTheRun() throws IOException {
    java.util.Random rnd = new java.util.Random(42);
    int n = 0;
    for (String name : new String[] {"report.docx", "ledger.xls", "report.pdf", "photo.jpg", "logo.png", "icon.gif",
        "plain.zip", "report.odt"}) {
      byte[] b = bytes(name);
      for (int i = 0; i < 25; i++) {
        byte[] m = b.clone();
        for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
          m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
        }
        write(dir, (n++) + "-" + name, m);
      }
    }
    TriageResult r = Triage.run(List.of(dir), options());
    assertThat(r.records()).hasSize(n).allMatch(x -> x.status() == TriageRecord.Status.TRIAGED);
  }

  @Test
  void windowsProgram_disguised_isFlagged() throws IOException {
    TriageRecord asJpg = one(write(dir, "holiday.jpg", pe()));
    assertThat(asJpg.detection().mediaType()).startsWith("application/x-msdownload");
    assertThat(asJpg.category()).isEqualTo(Category.EXECUTABLE);
    assertThat(asJpg.extensionMismatch()).isTrue();
    assertThat(kinds(one(write(dir, "invoice.pdf.exe", pe())))).contains(FindingKind.DOUBLE_EXTENSION)
        .doesNotContain(FindingKind.EXTENSION_MISMATCH);
    assertThat(kinds(one(write(dir, "svchost", pe())))).contains(FindingKind.EXECUTABLE_WITHOUT_EXTENSION);
    TriageRecord png = one(write(dir, "logo.png", concat(bytes("logo.png"), pe())));
    assertThat(finding(png, FindingKind.APPENDED_DATA).reason())
        .isEqualTo("1024 bytes after the PNG IEND chunk, from offset 84; they hold a Windows executable (PE) signature at offset 162");
  }
}
