package dev.forensics.exercise.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Second oracles beside {@code file}: Python's standard modules, unzip, poppler, ImageIO and an OPC check. */
class GeneratedFilesInteropTest {

  static final Instant TIME = FileGeneratorsTest.TIME;
  static final long EPOCH = TIME.getEpochSecond();

  @TempDir
  Path dir;

  private Path write(FileKind kind, long seed) throws Exception {
    GeneratedFile f = FileGenerators.generate(ContentSource.of(seed), kind, "interop." + kind.extension(), TIME);
    Path p = dir.resolve("interop-" + seed + "." + kind.extension());
    f.writeTo(p);
    return p;
  }

  private Tools.Result python(String script, Path file) throws Exception {
    Tools.require("python3");
    Tools.Result r = Tools.run(dir, "python3", "-c", script, file.toString());
    assertThat(r.exitCode()).as(r.describe()).isZero();
    return r;
  }

  @ParameterizedTest
  @EnumSource(value = FileKind.class, names = {"JPEG", "PNG", "GIF"})
  void imageio_readsPictureBack(FileKind kind) throws Exception {
    byte[] bytes = FileGenerators.generate(ContentSource.of(4), kind, "p", TIME).content();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isBetween(160, 400);
    assertThat(image.getHeight()).isBetween(120, 300);
  }

  @Test
  void pdf_popplerReadsFixedMetadataAndText() throws Exception {
    Tools.require("pdfinfo");
    Path p = write(FileKind.PDF, 8);
    Tools.Result info = Tools.run(dir, "pdfinfo", "-isodates", p.toString());
    assertThat(info.exitCode()).as(info.describe()).isZero();
    assertThat(info.out()).contains("Producer:        forensics exercise builder (Apache PDFBox)")
        .contains("CreationDate:    2026-03-14T09:26:53").contains("ModDate:         2026-03-14T09:26:53")
        .contains("Pages:           1");
    Tools.Result text = Tools.run(dir, "pdftotext", p.toString(), "-");
    assertThat(text.exitCode()).as(text.describe()).isZero();
    assertThat(text.out()).matches("(?s)\\s*[A-Z][a-z]+( [A-Z][a-z]+)+\\s+[A-Z][a-z]+ .*");
    assertThat(info.err()).as("poppler complaints").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = FileKind.class, names = {"ZIP", "DOCX", "XLSX"})
  void zip_unzipAndPythonTestEveryMember_withScenarioTime(FileKind kind) throws Exception {
    Tools.require("unzip");
    Path p = write(kind, 12);
    Tools.Result t = Tools.run(dir, "unzip", "-t", p.toString());
    assertThat(t.exitCode()).as(t.describe()).isZero();
    assertThat(t.out()).contains("No errors detected");
    Tools.Result r = python("""
        import sys, zipfile
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        for i in z.infolist():
            assert i.date_time == (2026, 3, 14, 9, 26, 52), i.date_time
            assert i.extra == b'', i.extra
            assert i.flag_bits & 8 == 0, 'data descriptor'
        print(len(z.infolist()))
        """, p);
    assertThat(Integer.parseInt(r.out().strip())).isGreaterThanOrEqualTo(3);
  }

  @Test
  void tar_pythonTarfileAndGnuTarRead_withFixedOwnerAndTime() throws Exception {
    Path p = write(FileKind.TAR, 13);
    Tools.Result r = python("""
        import sys, tarfile
        t = tarfile.open(sys.argv[1], format=tarfile.USTAR_FORMAT)
        ms = t.getmembers()
        assert len(ms) >= 3
        for m in ms:
            assert m.isfile() and m.mtime == %d and m.uid == 1000 and m.gid == 1000, m
            assert m.uname == 'user' and m.gname == 'user' and m.mode == 0o644, m
            assert len(t.extractfile(m).read()) == m.size
        print('ok')
        """.formatted(EPOCH), p);
    assertThat(r.out().strip()).isEqualTo("ok");
    Tools.require("tar");
    Tools.Result gnu = Tools.run(dir, "tar", "-tvf", p.toString());
    assertThat(gnu.exitCode()).as(gnu.describe()).isZero();
    assertThat(gnu.out()).contains("user/user").contains("2026-03-14 09:26");
    assertThat(gnu.err()).isEmpty();
  }

  @Test
  void gzip_pythonAndGzipTest_headerFixed() throws Exception {
    Path p = write(FileKind.GZIP, 14);
    Tools.Result r = python("""
        import sys, gzip, struct
        raw = open(sys.argv[1], 'rb').read()
        assert raw[3] == 8 and struct.unpack('<I', raw[4:8])[0] == %d and raw[9] == 3, raw[:10]
        data = gzip.decompress(raw)
        assert len(data) > 0
        print(raw[10:raw.index(b'\\0', 10)].decode())
        """.formatted(EPOCH), p);
    assertThat(r.out().strip()).matches("[a-z]+-\\d+\\.txt");
    Tools.require("gzip");
    Tools.Result t = Tools.run(dir, "gzip", "-t", p.toString());
    assertThat(t.exitCode()).as(t.describe()).isZero();
  }

  @Test
  void sqlite_pythonIntegrityCheckAndContent() throws Exception {
    Path p = write(FileKind.SQLITE, 15);
    Tools.Result r = python("""
        import sys, sqlite3
        c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
        assert c.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
        assert c.execute('PRAGMA page_size').fetchone()[0] == 4096
        assert c.execute('PRAGMA freelist_count').fetchone()[0] == 0
        head = open(sys.argv[1], 'rb').read(100)
        assert int.from_bytes(head[96:100], 'big') >= 3000000, 'SQLite version number in header'
        assert int.from_bytes(head[24:28], 'big') > 0, 'file change counter'
        n = c.execute('SELECT count(*) FROM message').fetchone()[0]
        latest = c.execute('SELECT max(sent_unix) FROM message').fetchone()[0]
        assert latest <= %d
        print(n)
        """.formatted(EPOCH), p);
    assertThat(Integer.parseInt(r.out().strip())).isBetween(10, 60);
  }

  @Test
  void wav_pythonWaveReadsPcmFormat() throws Exception {
    Path p = write(FileKind.WAV, 16);
    Tools.Result r = python("""
        import sys, wave
        w = wave.open(sys.argv[1])
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 8000)
        assert len(w.readframes(w.getnframes())) == 2 * w.getnframes()
        print(w.getnframes())
        """, p);
    assertThat(Integer.parseInt(r.out().strip())).isBetween(4000, 16000);
  }

  @Test
  void eml_pythonEmailParsesHeaders_dateIsScenarioTime() throws Exception {
    Path p = write(FileKind.EML, 17);
    Tools.Result r = python("""
        import sys, email, email.policy, email.utils
        m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.strict)
        assert m.defects == [], m.defects
        print(int(email.utils.parsedate_to_datetime(m['Date']).timestamp()))
        print(m['Message-ID'])
        print(m.get_content_type())
        """, p);
    String[] lines = r.out().strip().split("\n");
    assertThat(Long.parseLong(lines[0])).isEqualTo(EPOCH);
    assertThat(lines[1]).matches("<[0-9a-f]{24}@example\\.(com|org|net)>");
    assertThat(lines[2]).isEqualTo("text/plain");
  }

  @Test
  void csv_pythonCsvReadsRectangularTable() throws Exception {
    Path p = write(FileKind.CSV, 18);
    Tools.Result r = python("""
        import sys, csv
        rows = list(csv.reader(open(sys.argv[1], newline='')))
        assert rows[0] == ['date', 'name', 'email', 'reference', 'amount']
        assert all(len(x) == 5 for x in rows)
        print(len(rows) - 1)
        """, p);
    assertThat(Integer.parseInt(r.out().strip())).isBetween(8, 40);
  }

  @ParameterizedTest
  @EnumSource(value = FileKind.class, names = {"DOCX", "XLSX"})
  void ooxml_everyReferencedPartExistsAndHasAContentType(FileKind kind) throws Exception {
    byte[] bytes = FileGenerators.generate(ContentSource.of(19), kind, "office", TIME).content();
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        parts.put(e.getName(), zip.readAllBytes());
      }
    }
    assertThat(parts.keySet()).first().isEqualTo("[Content_Types].xml");
    Document types = parse(parts.get("[Content_Types].xml"));
    Map<String, String> overrides = new LinkedHashMap<>();
    NodeList o = types.getElementsByTagNameNS(
        "http://schemas.openxmlformats.org/package/2006/content-types", "Override");
    for (int i = 0; i < o.getLength(); i++) {
      Element e = (Element) o.item(i);
      overrides.put(e.getAttribute("PartName").substring(1), e.getAttribute("ContentType"));
    }
    for (String part : parts.keySet()) {
      boolean byDefault = part.endsWith(".rels") || part.equals("[Content_Types].xml");
      assertThat(byDefault || overrides.containsKey(part)).as("content type for " + part).isTrue();
    }
    assertThat(parts.keySet()).containsAll(overrides.keySet());
    // every relationship target resolves to a part
    for (String relsPart : parts.keySet()) {
      if (!relsPart.endsWith(".rels")) {
        continue;
      }
      String base = relsPart.substring(0, relsPart.indexOf("_rels/"));
      NodeList rels = parse(parts.get(relsPart)).getElementsByTagNameNS(
          "http://schemas.openxmlformats.org/package/2006/relationships", "Relationship");
      assertThat(rels.getLength()).isPositive();
      for (int i = 0; i < rels.getLength(); i++) {
        String target = base + ((Element) rels.item(i)).getAttribute("Target");
        assertThat(parts).as(relsPart + " → " + target).containsKey(target);
      }
    }
    String main = kind == FileKind.DOCX ? "word/document.xml" : "xl/workbook.xml";
    assertThat(overrides.get(main)).endsWith(".main+xml");
    String core = new String(parts.get("docProps/core.xml"), StandardCharsets.UTF_8);
    assertThat(core).contains(">2026-03-14T09:26:53Z</dcterms:created>")
        .contains(">2026-03-14T09:26:53Z</dcterms:modified>");
    for (Map.Entry<String, byte[]> part : parts.entrySet()) {
      if (part.getKey().endsWith(".xml") || part.getKey().endsWith(".rels")) {
        parse(part.getValue()); // well-formed and namespace-valid, or throws
      }
    }
  }

  /** A Python that has python-docx and openpyxl (Debian installs them for /usr/bin/python3). */
  private String officePython() throws Exception {
    for (String python : new String[] {"/usr/bin/python3", "python3"}) {
      if (python.startsWith("/") ? java.nio.file.Files.isExecutable(Path.of(python)) : Tools.find(python) != null) {
        if (Tools.run(dir, python, "-c", "import docx, openpyxl").exitCode() == 0) {
          return python;
        }
      }
    }
    Tools.requirePresent(false, "no python3 can import docx and openpyxl (Debian: python3-docx, python3-openpyxl)");
    throw new AssertionError("requirePresent(false, …) returned");
  }

  @Test
  void docx_pythonDocxReadsParagraphsAndCoreProperties() throws Exception {
    String python = officePython();
    Path p = write(FileKind.DOCX, 21);
    Tools.Result r = Tools.run(dir, python, "-c", """
        import sys, docx
        d = docx.Document(sys.argv[1])
        assert len(d.paragraphs) >= 4 and all(x.text for x in d.paragraphs)
        print(int(d.core_properties.created.replace(tzinfo=__import__('datetime').timezone.utc).timestamp()))
        print(d.core_properties.author)
        """, p.toString());
    assertThat(r.exitCode()).as(r.describe()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(Long.parseLong(lines[0])).isEqualTo(EPOCH);
    assertThat(lines[1]).matches("[A-Z][a-z]+ [A-Z][a-z]+");
  }

  @Test
  void xlsx_openpyxlReadsSheetWithHeaderAndNumbers() throws Exception {
    String python = officePython();
    Path p = write(FileKind.XLSX, 22);
    Tools.Result r = Tools.run(dir, python, "-c", """
        import sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1]).active
        assert [c.value for c in ws[1]] == ['Name', 'Email', 'Reference', 'Amount']
        assert all(isinstance(row[3].value, int) for row in ws.iter_rows(min_row=2))
        print(ws.title, ws.max_row)
        """, p.toString());
    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.out().strip()).matches("Sheet1 \\d+");
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = new ByteArrayInputStream(xml)) {
      return f.newDocumentBuilder().parse(in);
    }
  }

  @Test
  void encryptedContainer_highEntropy_exactSize_decryptsToText() {
    EncryptedContainer c = EncryptedContainer.generate(ContentSource.of(20), "vault.bin", 1 << 16, TIME);
    byte[] bytes = c.file().content();
    assertThat(bytes).hasSize(1 << 16);
    long[] counts = new long[256];
    for (byte b : bytes) {
      counts[b & 0xFF]++;
    }
    double entropy = 0;
    for (long n : counts) {
      if (n > 0) {
        double p = (double) n / bytes.length;
        entropy -= p * Math.log(p) / Math.log(2);
      }
    }
    assertThat(entropy).isGreaterThan(7.99);
    String plain = new String(c.decrypt(), StandardCharsets.US_ASCII);
    assertThat(plain).matches("(?s)[A-Za-z .\\n]+");
    assertThat(EncryptedContainer.generate(ContentSource.of(20), "vault.bin", 1 << 16, TIME)).isEqualTo(c);
    assertThat(EncryptedContainer.generate(ContentSource.of(21), "vault.bin", 1 << 16, TIME).key())
        .isNotEqualTo(c.key());
  }

}
