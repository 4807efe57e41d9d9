package dev.forensics.hash;

import static dev.forensics.hash.Manifests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDetectTest {

  private static final Map<String, ManifestFormat> FIXTURES = Map.of(
      "known/known.hashdeep", ManifestFormat.HASHDEEP,
      "known/known.sha256", ManifestFormat.GNU,
      "known/known.bsd", ManifestFormat.BSD,
      "known/known.dfxml", ManifestFormat.DFXML,
      "known/known.csv", ManifestFormat.CSV,
      "known/known.json", ManifestFormat.JSON,
      "real_hashdeep_piecewise.dfxml", ManifestFormat.DFXML,
      "hashdeep/real_hashdeep_crlf.hashdeep", ManifestFormat.HASHDEEP);

  @Test
  void detect_eachFixture_givesItsFormat() throws Exception {
    for (Map.Entry<String, ManifestFormat> f : FIXTURES.entrySet()) {
      assertThat(ManifestFormat.detect(Manifests.resource(f.getKey()), f.getKey())).as(f.getKey()).isEqualTo(f.getValue());
    }
  }

  @Test
  void detect_bomAndBlankLinesBeforeContent_areSkipped() throws Exception {
    assertThat(ManifestFormat.detect(utf8("\uFEFF\r\n\n%%%% HASHDEEP-1.0\r\n"), "x")).isEqualTo(ManifestFormat.HASHDEEP);
    assertThat(ManifestFormat.detect(utf8("\n  {\"format\": 1}"), "x")).isEqualTo(ManifestFormat.JSON);
  }

  @Test
  void detect_checksumLineShapes() throws Exception {
    String md5 = "d41d8cd98f00b204e9800998ecf8427e";
    assertThat(ManifestFormat.detect(utf8(md5 + "  a\n"), "x")).isEqualTo(ManifestFormat.GNU);
    assertThat(ManifestFormat.detect(utf8(md5 + " *a\n"), "x")).isEqualTo(ManifestFormat.GNU);
    assertThat(ManifestFormat.detect(utf8("\\" + md5 + "  a\\nb\n"), "x")).isEqualTo(ManifestFormat.GNU);
    assertThat(ManifestFormat.detect(utf8("MD5 (a) = " + md5 + "\n"), "x")).isEqualTo(ManifestFormat.BSD);
    assertThat(ManifestFormat.detect(utf8("\\BLAKE3 (a\\\\b) = " + md5 + md5 + "\n"), "x")).isEqualTo(ManifestFormat.BSD);
    assertThat(ManifestFormat.detect(utf8("BLAKE2b-256 (a) = " + md5 + md5), "x")).isEqualTo(ManifestFormat.BSD);
  }

  @Test
  void detect_unknownContent_throwsNamingWhatWasExpected() {
    assertThatThrownBy(() -> ManifestFormat.detect(utf8("\nHello (world\n"), "notes.txt"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("notes.txt:2: unrecognised manifest format: expected a hashdeep header '%%%% HASHDEEP-1.0',"
            + " DFXML, a JSON manifest, a CSV header 'path,size,...', tagged checksum lines 'SHA256 (NAME) = HEX'"
            + " or checksum lines 'HEX  NAME'; found 'Hello (world'");
    assertThatThrownBy(() -> ManifestFormat.detect(utf8(" \n\t\n"), "blank"))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage("blank: the manifest is empty");
  }

  @Test
  void readFile_eachFixture_detectsAndReads(@TempDir Path dir) throws Exception {
    for (Map.Entry<String, ManifestFormat> f : FIXTURES.entrySet()) {
      Path file = dir.resolve(f.getKey().replace('/', '_'));
      Files.write(file, Manifests.resource(f.getKey()));
      ManifestReadResult r = ManifestFormat.readFile(file);
      assertThat(r.format()).as(f.getKey()).isEqualTo(f.getValue());
      assertThat(r.problems()).as(f.getKey()).isEmpty();
      assertThat(r.manifest().entries()).as(f.getKey()).isNotEmpty();
    }
  }

  @Test
  void readFile_withByteOrderMark_readsEveryFormat(@TempDir Path dir) throws Exception {
    for (Map.Entry<String, ManifestFormat> f : FIXTURES.entrySet()) {
      byte[] plain = Manifests.resource(f.getKey());
      byte[] withBom = new byte[plain.length + 3];
      withBom[0] = (byte) 0xEF;
      withBom[1] = (byte) 0xBB;
      withBom[2] = (byte) 0xBF;
      System.arraycopy(plain, 0, withBom, 3, plain.length);
      Path file = dir.resolve("bom_" + f.getKey().replace('/', '_'));
      Files.write(file, withBom);

      ManifestReadResult r = ManifestFormat.readFile(file);

      assertThat(r.format()).as(f.getKey()).isEqualTo(f.getValue());
      assertThat(r.problems()).as(f.getKey()).isEmpty();
      assertThat(r.manifest()).as(f.getKey()).isEqualTo(Manifests.read(f.getValue(), plain, "plain").manifest());
    }
  }

  @Test
  void readFile_b3sumOutputName_readsBlake3(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("evidence.b3");
    byte[] abc = utf8("abc");
    Files.writeString(file, Manifests.digest(HashAlgorithm.BLAKE3, abc).hex() + "  abc\n");

    ManifestReadResult r = ManifestFormat.readFile(file);

    assertThat(r.manifest().entries()).containsExactly(ManifestEntry.of("abc", ManifestEntry.UNKNOWN_SIZE,
        DigestSet.of(Manifests.digest(HashAlgorithm.BLAKE3, abc))));
    assertThat(r.manifest().info().algorithms()).isEqualTo(List.of(HashAlgorithm.BLAKE3));
  }
}
