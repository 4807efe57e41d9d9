package dev.forensics.triage;

import static dev.forensics.triage.TriageFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeDetectorTest {

  @TempDir Path dir;
  private final TypeDetector detector = TypeDetector.standard();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "report.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document, DOCUMENT, CONTAINER",
    "ledger.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, SPREADSHEET, CONTAINER",
    "report.pptx, application/vnd.openxmlformats-officedocument.presentationml.presentation, PRESENTATION, CONTAINER",
    "report.odt, application/vnd.oasis.opendocument.text, DOCUMENT, MAGIC",
    "ledger.ods, application/vnd.oasis.opendocument.spreadsheet, SPREADSHEET, MAGIC",
    "report.doc, application/msword, DOCUMENT, CONTAINER",
    "ledger.xls, application/vnd.ms-excel, SPREADSHEET, CONTAINER",
    "report.pdf, application/pdf, DOCUMENT, MAGIC",
    "photo.jpg, image/jpeg, IMAGE, MAGIC",
    "logo.png, image/png, IMAGE, MAGIC",
    "icon.gif, image/gif, IMAGE, MAGIC",
    "plain.zip, application/zip, ARCHIVE, MAGIC",
    "bundle.tar, application/x-gtar, ARCHIVE, MAGIC",
    "report.txt.gz, application/gzip, ARCHIVE, MAGIC",
    "cases.sqlite, application/x-sqlite3, DATABASE, MAGIC",
    "tool.jar, application/java-archive, EXECUTABLE, CONTAINER",
    "elf-program, application/x-executable, EXECUTABLE, CONTAINER",
    "report.txt, text/plain, TEXT, MAGIC",
    "ledger.csv, text/csv, SPREADSHEET, NAME_REFINEMENT",
  })
  void realFiles_areDetectedFromTheirBytes(String name, String type, Category category, DecisionBasis basis)
      throws IOException {
    Detection d = detector.detect(real(dir, name));
    assertThat(d.mediaType()).as(d.toString()).startsWith(type);
    assertThat(d.category()).isEqualTo(category);
    assertThat(d.basis()).isEqualTo(basis);
    assertThat(d.problems()).isEmpty();
    assertThat(d.encrypted()).isFalse();
  }

  @ParameterizedTest(name = "{0} renamed")
  @CsvSource({"report.docx", "report.pdf", "photo.jpg", "report.doc", "ledger.xlsx", "cases.sqlite"})
  void theTypeComesFromTheBytes_notTheName(String name) throws IOException {
    String expected = detector.detect(real(dir, name)).mediaType();
    assertThat(detector.detect(real(dir, name, "renamed.txt")).mediaType()).isEqualTo(expected);
    assertThat(detector.detect(real(dir, name, "no-extension")).mediaType()).isEqualTo(expected);
  }

  @Test
  void randomBytesNamedJpg_areNotJpeg() throws IOException {
    Detection d = detector.detect(write(dir, "holiday.jpg", random(10_000, 1)));
    assertThat(d.mediaType()).isEqualTo(Detection.OCTET_STREAM);
    assertThat(d.basis()).isEqualTo(DecisionBasis.NONE);
    assertThat(d.category()).isEqualTo(Category.UNKNOWN);
  }

  @Test
  void plainZipNamedDocx_staysZip() throws IOException {
    Detection d = detector.detect(real(dir, "plain.zip", "contract.docx"));
    assertThat(d.mediaType()).isEqualTo("application/zip");
    assertThat(d.category()).isEqualTo(Category.ARCHIVE);
  }

  @Test
  void ooxmlWithContentTypesLast_likeLibreOffice_isFoundInTheCentralDirectory() throws IOException {
    byte[] z = zip(entries(
        "_rels/.rels", "<Relationships/>",
        "xl/workbook.xml", "<workbook/>",
        "[Content_Types].xml", "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\""
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"));
    Detection d = detector.detect(write(dir, "book", z));
    assertThat(d.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(d.basis()).isEqualTo(DecisionBasis.CONTAINER);
    assertThat(d.evidence()).contains("[Content_Types].xml");
  }

  @Test
  void macroEnabledWord_isTold_fromItsContentTypes() throws IOException {
    byte[] z = zip(entries(
        "[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\""
            + "application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>",
        "word/document.xml", "<document/>", "word/vbaProject.bin", "x"));
    assertThat(detector.detect(write(dir, "a.docx", z)).mediaType())
        .isEqualTo("application/vnd.ms-word.document.macroenabled.12");
  }

  @Test
  void ooxmlPartNames_decide_whenContentTypesIsUnreadable() throws IOException {
    byte[] z = zip(entries("ppt/presentation.xml", "<p/>", "[Content_Types].xml", "<Types/>"));
    assertThat(detector.detect(write(dir, "deck", z)).mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
  }

  @Test
  void epubAndOdf_fromTheirMimetypeEntry_evenWhenNotFirst() throws IOException {
    byte[] epub = zip(entries("META-INF/container.xml", "<container/>", "mimetype", "application/epub+zip"));
    Detection d = detector.detect(write(dir, "book.bin", epub));
    assertThat(d.mediaType()).isEqualTo("application/epub+zip");
    assertThat(d.basis()).isEqualTo(DecisionBasis.CONTAINER);
    assertThat(d.category()).isEqualTo(Category.DOCUMENT);
  }

  @Test
  void apk_fromItsEntries() throws IOException {
    byte[] apk = zip(entries("AndroidManifest.xml", "x", "classes.dex", "dex\n035", "META-INF/MANIFEST.MF", "M"));
    Detection d = detector.detect(write(dir, "app", apk));
    assertThat(d.mediaType()).isEqualTo("application/vnd.android.package-archive");
    assertThat(d.category()).isEqualTo(Category.EXECUTABLE);
  }

  @Test
  void encryptedZipEntries_areReported() throws IOException {
    for (String name : new String[] {"locked.zip", "aes.zip"}) {
      Detection d = detector.detect(real(dir, name));
      assertThat(d.mediaType()).as(name).isEqualTo("application/zip");
      assertThat(d.encrypted()).as(name).isTrue();
      assertThat(d.evidence()).as(name).isEqualTo("1 of 1 ZIP entries encrypted");
    }
  }

  @Test
  void ole2Directories_tellOfficeFormatsApart() throws IOException {
    Map<String, String> cases = Map.of(
        "WordDocument", "application/msword",
        "Workbook", "application/vnd.ms-excel",
        "PowerPoint Document", "application/vnd.ms-powerpoint",
        "__substg1.0_0037001F", "application/vnd.ms-outlook");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Detection d = detector.detect(write(dir, "f", ole2("\u0005SummaryInformation", c.getKey())));
      assertThat(d.mediaType()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(d.basis()).isEqualTo(DecisionBasis.CONTAINER);
      assertThat(d.problems()).isEmpty();
    }
  }

  @Test
  void encryptedOoxml_isAnOle2WithEncryptionInfo() throws IOException {
    Detection d = detector.detect(write(dir, "secret.docx", ole2("EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces")));
    assertThat(d.mediaType()).isEqualTo("application/x-tika-ooxml-protected");
    assertThat(d.category()).isEqualTo(Category.ENCRYPTED);
    assertThat(d.encrypted()).isTrue();
  }

  @Test
  void encryptedPdf_fromItsTrailer() throws IOException {
    String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n2 0 obj<</Filter/Standard/V 2/R 3/O<00>/U<00>/P -4>>endobj\n"
        + "xref\n0 3\n0000000000 65535 f \ntrailer<</Root 1 0 R/Encrypt 2 0 R/Size 3>>\nstartxref\n60\n%%EOF\n";
    Detection d = detector.detect(write(dir, "locked.pdf", pdf.getBytes(StandardCharsets.US_ASCII)));
    assertThat(d.mediaType()).isEqualTo("application/pdf");
    assertThat(d.encrypted()).isTrue();
    assertThat(detector.detect(real(dir, "report.pdf")).encrypted()).isFalse();
  }

  @Test
  void damagedContainers_areProblems_neverExceptions() throws IOException {
    byte[] docx = bytes("report.docx");
    byte[] truncated = java.util.Arrays.copyOf(docx, docx.length / 2);
    Detection d = detector.detect(write(dir, "cut.bin", truncated));
    assertThat(d.problems()).anyMatch(p -> p.contains("no end-of-central-directory record"));
    assertThat(d.basis()).isEqualTo(DecisionBasis.MAGIC);

    byte[] ole = ole2("WordDocument");
    byte[] badDir = ole.clone();
    badDir[0x30] = 0x70; // directory starts far outside the file
    Detection o = detector.detect(write(dir, "bad.doc", badDir));
    assertThat(o.problems()).isNotEmpty();

    byte[] loop = ole.clone();
    java.nio.ByteBuffer.wrap(loop).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(512 + 4, 1); // dir -> itself
    assertThat(detector.detect(write(dir, "loop.doc", loop)).problems()).anyMatch(p -> p.contains("loop"));
  }

  @Test
  void everyTruncationOfARealContainer_isDetectedWithoutThrowing() throws IOException {
    for (String name : new String[] {"report.docx", "ledger.xls", "report.pdf", "photo.jpg"}) {
      byte[] b = bytes(name);
      for (int n = 0; n < b.length; n += Math.max(1, b.length / 41)) {
        detector.detect(write(dir, "t", java.util.Arrays.copyOf(b, n)));
      }
    }
  }

  @Test
  void emptyFile_isUnknown() throws IOException {
    Detection d = detector.detect(write(dir, "empty.txt", new byte[0]));
    assertThat(d.isUnknown()).isTrue();
    assertThat(d.evidence()).isEqualTo("empty file");
  }

  @Test
  void extensions_comeFromTika_withoutTheDot() {
    assertThat(detector.extensions("image/jpeg")).contains("jpg", "jpeg");
    assertThat(detector.isA("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"))
        .isTrue();
  }

  @Test
  void emailAndMailboxes_areEmail() throws IOException {
    String eml = "Return-Path: <a@example.org>\r\nReceived: from mx.example.org by mail.example.org\r\n"
        + "From: Alice <a@example.org>\r\nTo: Bob <b@example.org>\r\nSubject: shipment\r\n"
        + "Date: Mon, 5 Jan 2026 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\n\r\nMonday, harbour.\r\n";
    Detection d = detector.detect(write(dir, "msg.bin", eml.getBytes(StandardCharsets.US_ASCII)));
    assertThat(d.mediaType()).isEqualTo("message/rfc822");
    assertThat(d.category()).isEqualTo(Category.EMAIL);
    String mbox = "From a@example.org Mon Jan  5 10:00:00 2026\n" + eml.replace("\r\n", "\n");
    Detection m = detector.detect(write(dir, "inbox", mbox.getBytes(StandardCharsets.US_ASCII)));
    assertThat(m.mediaType()).isEqualTo("application/mbox");
    assertThat(m.category()).isEqualTo(Category.EMAIL);
  }

  @Test
  void e01Evidence_isADiskImage() throws IOException {
    byte[] evf = {'E', 'V', 'F', 0x09, 0x0d, 0x0a, (byte) 0xff, 0x00, 1, 1, 0, 0, 0};
    Detection d = detector.detect(write(dir, "usb.E01", evf));
    assertThat(d.mediaType()).isEqualTo(TypeDetector.EWF);
    assertThat(d.category()).isEqualTo(Category.DISK_IMAGE);
  }

  @Test
  void ole2StreamHeads_areRead_fromRegularSectorsAndTheMiniStream_ofRealFiles() throws IOException {
    var doc = dev.forensics.triage.internal.Ole2Directory.read(
        new dev.forensics.triage.internal.FileBytes(bytes("report.doc")));
    byte[] fib = doc.streamHead("WordDocument");
    assertThat(fib).hasSizeGreaterThan(12);
    assertThat(fib[0] & 0xff).isEqualTo(0xEC);
    assertThat(fib[1] & 0xff).isEqualTo(0xA5);
    var xls = dev.forensics.triage.internal.Ole2Directory.read(
        new dev.forensics.triage.internal.FileBytes(bytes("ledger.xls")));
    byte[] bof = xls.streamHead("Workbook");
    assertThat(bof).hasSizeGreaterThan(8);
    assertThat(bof[0] & 0xff).isEqualTo(0x09);
    assertThat(bof[1] & 0xff).isEqualTo(0x08);
    assertThat(xls.problems()).isEmpty();
  }

  @Test
  void encryptedLegacyOffice_fromFibFlagFilepassAndEncryptedSummary() throws IOException {
    byte[] fib = new byte[32];
    fib[0] = (byte) 0xEC;
    fib[1] = (byte) 0xA5;
    fib[0x0B] = 0x01; // flags 0x0100: fEncrypted
    Detection doc = detector.detect(write(dir, "secret.doc", ole2(Map.of("WordDocument", fib))));
    assertThat(doc.mediaType()).isEqualTo("application/msword");
    assertThat(doc.encrypted()).isTrue();
    assertThat(doc.category()).isEqualTo(Category.DOCUMENT);
    fib[0x0B] = 0;
    assertThat(detector.detect(write(dir, "plain.doc", ole2(Map.of("WordDocument", fib)))).encrypted()).isFalse();

    byte[] biff = new byte[32];
    biff[0] = 0x09;
    biff[1] = 0x08;
    biff[2] = 0x10; // BOF of 16 bytes
    biff[20] = 0x2F; // FILEPASS
    Detection xls = detector.detect(write(dir, "secret.xls", ole2(Map.of("Workbook", biff))));
    assertThat(xls.encrypted()).isTrue();
    assertThat(xls.evidence()).contains("FILEPASS");
    biff[20] = 0x42;
    assertThat(detector.detect(write(dir, "plain.xls", ole2(Map.of("Workbook", biff)))).encrypted()).isFalse();

    Detection ppt = detector.detect(write(dir, "s.ppt", ole2("PowerPoint Document", "EncryptedSummary")));
    assertThat(ppt.encrypted()).isTrue();
    assertThat(detector.detect(real(dir, "report.doc")).encrypted()).isFalse();
    assertThat(detector.detect(real(dir, "ledger.xls")).encrypted()).isFalse();
  }

  @Test
  void nameRefinement_isSkippedOnlyForTypesNoRegisteredTypeSpecialises() {
    TypeDetector d = TypeDetector.standard();
    org.apache.tika.mime.MediaTypeRegistry registry = org.apache.tika.mime.MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    java.util.List<org.apache.tika.mime.MediaType> all = new java.util.ArrayList<>(registry.getTypes());
    int skipped = 0;
    for (org.apache.tika.mime.MediaType detected : all) {
      if (d.nameCanRefine(detected.toString())) {
        continue;
      }
      skipped++;
      for (org.apache.tika.mime.MediaType byName : all) {
        assertThat(d.isA(byName.toString(), detected.toString())).as("%s specialises %s", byName, detected).isFalse();
      }
    }
    assertThat(skipped).as("leaf types").isGreaterThan(all.size() / 2);
    assertThat(d.nameCanRefine("text/plain")).isTrue();
    assertThat(d.nameCanRefine("application/xml")).isTrue();
    assertThat(d.nameCanRefine("image/jpeg")).isFalse();
  }
}
