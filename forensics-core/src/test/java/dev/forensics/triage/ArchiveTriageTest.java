package dev.forensics.triage;

import static dev.forensics.triage.TriageFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.MultiHasher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTriageTest {

  @TempDir Path dir;

  private TriageOptions options(ArchiveLimits limits) {
    return TriageOptions.defaults().withRoot(dir).withThreads(2).withArchives(limits);
  }

  private List<TriageRecord> run(ArchiveLimits limits) throws IOException {
    return Triage.run(List.of(dir), options(limits)).records();
  }

  private static TriageRecord at(List<TriageRecord> rs, String path) {
    return rs.stream().filter(r -> r.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError(path + " not in " + rs.stream().map(TriageRecord::path).toList()));
  }

  private static List<FindingKind> kinds(TriageRecord r) {
    return r.findings().stream().map(Finding::kind).toList();
  }

  @Test
  void membersOfZipTarAndGzip_areTriaged_atEveryLevel() throws IOException {
    Map<String, byte[]> inner = new LinkedHashMap<>();
    inner.put("bundle.tar", bytes("bundle.tar"));
    inner.put("pics/passwords.txt", bytes("logo.png"));
    Map<String, byte[]> outer = new LinkedHashMap<>();
    outer.put("docs/report.docx", bytes("report.docx"));
    outer.put("inner.zip", zip(inner));
    outer.put("notes.txt.gz", bytes("report.txt.gz"));
    write(dir, "evidence.zip", zip(outer));
    List<TriageRecord> rs = run(ArchiveLimits.defaults());
    assertThat(rs).extracting(TriageRecord::path).containsExactly(
        "evidence.zip",
        "evidence.zip!/docs/report.docx",
        "evidence.zip!/inner.zip",
        "evidence.zip!/inner.zip!/bundle.tar",
        "evidence.zip!/inner.zip!/bundle.tar!/ledger.csv",
        "evidence.zip!/inner.zip!/bundle.tar!/report.txt",
        "evidence.zip!/inner.zip!/pics/passwords.txt",
        "evidence.zip!/notes.txt.gz",
        "evidence.zip!/notes.txt.gz!/notes.txt");
    assertThat(at(rs, "evidence.zip!/docs/report.docx").detection().mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    TriageRecord hidden = at(rs, "evidence.zip!/inner.zip!/pics/passwords.txt");
    assertThat(hidden.extensionMismatch()).isTrue();
    assertThat(hidden.digests().get(HashAlgorithm.SHA256)).isEqualTo(
        MultiHasher.of(HashAlgorithm.SHA256).hash(bytes("logo.png")).digests().get(HashAlgorithm.SHA256));
    assertThat(at(rs, "evidence.zip!/notes.txt.gz!/notes.txt").size()).isEqualTo(bytes("report.txt").length);
    assertThat(at(rs, "evidence.zip").findings()).isEmpty();
    // off by default
    assertThat(Triage.run(List.of(dir), TriageOptions.defaults().withRoot(dir)).records()).hasSize(1);
  }

  @Test
  void zipBomb_isAFinding_notACrash() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] block = new byte[1 << 20];
      for (int i = 0; i < 16; i++) {
        z.write(block);
      }
      z.closeEntry();
    }
    write(dir, "bomb.zip", out.toByteArray());
    List<TriageRecord> rs = run(new ArchiveLimits(3, 1000, 1L << 30, 100, 1 << 20));
    TriageRecord bomb = at(rs, "bomb.zip");
    assertThat(kinds(bomb)).contains(FindingKind.ARCHIVE_BOMB);
    Finding f = bomb.findings().stream().filter(x -> x.kind() == FindingKind.ARCHIVE_BOMB).findFirst().orElseThrow();
    assertThat(f.reason()).startsWith("expands more than 100 times its size: expansion stopped after");
    assertThat(Long.parseLong(f.args().get(1))).isLessThan(100L * out.size() + (1 << 17));
  }

  @Test
  void entryAndDepthLimits_areReportedOnTheArchive() throws IOException {
    write(dir, "many.zip", zip(entries("a.txt", "a", "b.txt", "b", "c.txt", "c", "d.txt", "d")));
    List<TriageRecord> rs = run(new ArchiveLimits(3, 2, 1 << 20, 100, 1 << 20));
    assertThat(rs).extracting(TriageRecord::path).containsExactly("many.zip", "many.zip!/a.txt", "many.zip!/b.txt");
    assertThat(at(rs, "many.zip").findings().get(0).reason())
        .isEqualTo("not every member was examined: more than 2 members: the rest were not examined");

    Map<String, byte[]> level2 = Map.of("deep.zip", zip(entries("x.txt", "x")));
    write(dir, "many.zip", zip(level2));
    rs = run(new ArchiveLimits(1, 100, 1 << 20, 100, 1 << 20));
    assertThat(at(rs, "many.zip").findings().get(0).reason()).contains("nested deeper than 1 levels");
  }

  @Test
  void bigMembers_areStreamed_andStillHashed() throws IOException {
    byte[] pdf = bytes("report.pdf");
    write(dir, "docs.zip", zip(Map.of("report.pdf", pdf)));
    List<TriageRecord> rs = run(new ArchiveLimits(3, 100, 1 << 30, 100, 1000));
    TriageRecord m = at(rs, "docs.zip!/report.pdf");
    assertThat(m.detection().mediaType()).isEqualTo("application/pdf");
    assertThat(m.detection().evidence()).contains("first bytes only");
    assertThat(m.size()).isEqualTo(pdf.length);
    assertThat(m.digests()).isEqualTo(MultiHasher.of(HashAlgorithm.SHA256).hash(pdf).digests());
  }

  @Test
  void encryptedZip_stopsExpansionWithAReason() throws IOException {
    real(dir, "locked.zip");
    List<TriageRecord> rs = run(ArchiveLimits.defaults());
    assertThat(rs).hasSize(1);
    assertThat(kinds(rs.get(0))).contains(FindingKind.ENCRYPTED_CONTENT, FindingKind.ARCHIVE_NOT_FULLY_EXPANDED);
  }

  @Test
  void damagedTar_isReported() throws IOException {
    byte[] tar = bytes("bundle.tar").clone();
    tar[148] = '9'; // checksum field
    write(dir, "broken.tar", tar);
    List<TriageRecord> rs = run(ArchiveLimits.defaults());
    assertThat(rs.get(0).findings().get(0).reason()).contains("tar header");
  }
}
