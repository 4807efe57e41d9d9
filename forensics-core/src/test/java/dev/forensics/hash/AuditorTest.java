package dev.forensics.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditorTest {

  private static final MultiHasher HASHER = MultiHasher.of(HashAlgorithm.MD5, HashAlgorithm.SHA256);

  private static ManifestEntry entry(String path, String content) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    return ManifestEntry.of(path, b.length, HASHER.hash(b).digests());
  }

  private static FileOutcome found(String path, String content) {
    return new FileOutcome(path, FileOutcome.Status.HASHED, entry(path, content), "");
  }

  private static Manifest manifest(ManifestEntry... entries) {
    return new Manifest(ManifestInfo.of(HASHER.algorithms()), List.of(entries));
  }

  private static List<String> verdicts(AuditResult r) {
    List<String> out = new ArrayList<>();
    for (AuditEntry e : r.entries()) {
      out.add(e.status() + " " + e.path() + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"));
    }
    return out;
  }

  @Test
  void audit_classifiesEveryKindOfDifference() {
    Manifest m =
        manifest(
            entry("a/same.txt", "same"),
            entry("a/edited.txt", "before"),
            entry("a/old-name.txt", "moved content"),
            entry("a/gone.txt", "deleted"));
    List<FileOutcome> disk =
        List.of(
            found("a/edited.txt", "after!"),
            found("a/extra.txt", "brand new"),
            found("a/renamed.txt", "moved content"),
            found("a/same.txt", "same"));

    AuditResult r = Auditor.audit(m, disk, List.of());

    assertThat(verdicts(r))
        .containsExactly(
            "CHANGED a/edited.txt (md5 " + hex("before", HashAlgorithm.MD5) + " -> " + hex("after!", HashAlgorithm.MD5)
                + "; sha256 " + hex("before", HashAlgorithm.SHA256) + " -> " + hex("after!", HashAlgorithm.SHA256) + ")",
            "NEW a/extra.txt (not in manifest)",
            "MISSING a/gone.txt (not found)",
            "MOVED a/old-name.txt (moved to a/renamed.txt)",
            "MATCHED a/same.txt");
    assertThat(r.passed(false)).isFalse();
    assertThat(r.count(AuditStatus.MATCHED)).isEqualTo(1);
  }

  @Test
  void audit_sizeDifference_isReported() {
    ManifestEntry listed = new ManifestEntry("f", 99, null, entry("f", "x").digests(), List.of());
    AuditResult r = Auditor.audit(manifest(listed), List.of(found("f", "x")), List.of());
    assertThat(verdicts(r)).containsExactly("CHANGED f (size 99 -> 1)");
  }

  @Test
  void audit_duplicates_arePairedOneToOne() {
    Manifest m = manifest(entry("copy1", "dup"), entry("copy2", "dup"), entry("copy3", "dup"));
    List<FileOutcome> disk = List.of(found("copy1", "dup"), found("elsewhere", "dup"), found("more", "dup"));

    AuditResult r = Auditor.audit(m, disk, List.of());

    assertThat(verdicts(r))
        .containsExactly(
            "MATCHED copy1",
            "MOVED copy2 (moved to elsewhere)",
            "MOVED copy3 (moved to more)");
  }

  @Test
  void audit_copyOfListedFile_isNewAndSaysWhatItCopies() {
    AuditResult r =
        Auditor.audit(manifest(entry("orig", "content")), List.of(found("orig", "content"), found("copy", "content")), List.of());
    assertThat(verdicts(r)).containsExactly("NEW copy (not in manifest; same content as orig)", "MATCHED orig");
    assertThat(r.passed(true)).isTrue();
    assertThat(r.passed(false)).isFalse();
  }

  @Test
  void audit_unreadableListedFile_isNotCalledMissing() {
    AuditResult r =
        Auditor.audit(
            manifest(entry("locked", "x")),
            List.of(new FileOutcome("locked", FileOutcome.Status.UNREADABLE, null, "permission denied")),
            List.of());
    assertThat(verdicts(r)).containsExactly("UNREADABLE locked (permission denied)");
  }

  @Test
  void audit_noCommonAlgorithm_isNotVerified() {
    ManifestEntry sha1Only =
        ManifestEntry.of("f", 1, MultiHasher.of(HashAlgorithm.SHA1).hash(new byte[] {'x'}).digests());
    AuditResult r =
        Auditor.audit(new Manifest(ManifestInfo.of(List.of(HashAlgorithm.SHA1)), List.of(sha1Only)), List.of(found("f", "x")), List.of());
    assertThat(verdicts(r)).containsExactly("UNREADABLE f (no digest algorithm in common with the manifest: not verified)");
  }

  @Test
  void audit_changedFileWithPieces_namesTheDamagedByteRanges() {
    MultiHasher pieces = HASHER.withPieceSize(4);
    byte[] before = "aaaabbbbccccdd".getBytes(StandardCharsets.US_ASCII);
    byte[] after = "aaaaXbbbccccdd".getBytes(StandardCharsets.US_ASCII);
    HashResult b = pieces.hash(before);
    HashResult a = pieces.hash(after);
    ManifestEntry listed = new ManifestEntry("disk.dd", before.length, null, b.digests(), b.pieces());
    FileOutcome now =
        new FileOutcome("disk.dd", FileOutcome.Status.HASHED, new ManifestEntry("disk.dd", after.length, null, a.digests(), a.pieces()), "");

    AuditResult r = Auditor.audit(new Manifest(ManifestInfo.of(HASHER.algorithms()).withPieceSize(4), List.of(listed)), List.of(now), List.of());

    assertThat(r.entries()).singleElement().satisfies(e -> assertThat(e.detail()).endsWith("; differing bytes 4-7"));
  }

  @Test
  void audit_manifestProblems_failTheAudit() {
    AuditResult r =
        Auditor.audit(manifest(entry("f", "x")), List.of(found("f", "x")), List.of(new ManifestProblem("m.txt", 7, "bad line")));
    assertThat(r.passed(true)).isFalse();
  }

  private static String hex(String content, HashAlgorithm a) {
    return MultiHasher.of(a).hash(content.getBytes(StandardCharsets.UTF_8)).digests().get(a).orElseThrow().hex();
  }
}
