package dev.forensics.hash;

import static dev.forensics.hash.Manifests.digests;
import static dev.forensics.hash.Manifests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks against the real tools: they accept the manifests written here, and what they write reads
 * back with the digests the JDK computes. Files have awkward names; each test leaves out only the names a
 * tool cannot handle (hashdeep: newline, hashdeep bug #384; b3sum 1.2: an escaped carriage return).
 */
class ToolInteropTest {

  private static final String EVIDENCE = "evidence";
  private static final List<HashAlgorithm> THREE = List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256);

  @TempDir Path work;

  /** Awkward names (relative to the evidence directory) and their contents. */
  private static Map<String, byte[]> awkwardFiles() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("plain.txt", utf8("plain\n"));
    files.put("with space.txt", utf8("space"));
    files.put(" leading space", utf8("lead"));
    files.put("trailing space ", utf8("trail"));
    files.put("*star", utf8("star"));
    files.put("-dash", utf8("dash"));
    files.put("back\\slash", utf8("bs"));
    files.put("new\nline", utf8("nl"));
    files.put("cr\rret", utf8("cr"));
    files.put("comma, name.txt", utf8("comma"));
    files.put("quote\"d 'x'", utf8("q"));
    files.put("paren) = x", utf8("paren"));
    files.put("x offset 0-9", utf8("abc"));
    files.put("amp & <lt>", utf8("xml"));
    files.put("ünï 😀.txt", utf8("unicode"));
    files.put("empty", new byte[0]);
    byte[] big = new byte[3000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7);
    }
    files.put("sub/dir/nested.bin", big);
    return files;
  }

  private static Map<String, byte[]> without(Map<String, byte[]> files, String... chars) {
    return files.entrySet().stream()
        .filter(e -> Arrays.stream(chars).noneMatch(c -> e.getKey().contains(c)))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** Creates the files under work/evidence; names the JVM cannot encode on this system are left out. */
  private Map<String, byte[]> create(Map<String, byte[]> files) throws IOException {
    Map<String, byte[]> created = new TreeMap<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p;
      try {
        p = work.resolve(EVIDENCE).resolve(f.getKey());
      } catch (InvalidPathException e) {
        continue;
      }
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
      created.put(EVIDENCE + "/" + f.getKey(), f.getValue());
    }
    return created;
  }

  private static Manifest manifest(List<HashAlgorithm> algs, Map<String, byte[]> files) {
    return new Manifest(ManifestInfo.of(algs), Manifests.entries(algs, files));
  }

  private Path writeManifest(ManifestFormat f, Manifest m, String name) throws IOException {
    Path file = work.resolve(name);
    Files.write(file, Manifests.write(f, m));
    return file;
  }

  private static Map<String, DigestSet> digestsByPath(Manifest m) {
    return m.entries().stream().collect(Collectors.toMap(ManifestEntry::path, ManifestEntry::digests));
  }

  private static Map<String, DigestSet> expected(List<HashAlgorithm> algs, Map<String, byte[]> files, String prefix) {
    Map<String, DigestSet> map = new TreeMap<>();
    files.forEach((path, data) -> map.put(prefix + path, digests(algs, data)));
    return map;
  }

  // ---------------------------------------------------------------- our manifests, their checkers

  @Test
  void gnuManifests_passSha256sumAndMd5sumCheck() throws Exception {
    ExternalTools.require("sha256sum");
    ExternalTools.require("md5sum");
    Map<String, byte[]> files = create(awkwardFiles());
    for (HashAlgorithm a : List.of(HashAlgorithm.SHA256, HashAlgorithm.MD5)) {
      Path m = writeManifest(ManifestFormat.GNU, manifest(List.of(a), files), "manifest." + a.id());

      ExternalTools.Result r = ExternalTools.run(work, a.id() + "sum", "--check", "--strict", m.toString());

      assertThat(r.exitCode()).as(r.describe()).isZero();
      assertThat(r.out().split("\n")).as(r.describe()).hasSize(files.size()).allMatch(l -> l.endsWith(": OK"));
    }
  }

  @Test
  void gnuBlake3Manifest_passesB3sumCheck() throws Exception {
    ExternalTools.require("b3sum");
    Map<String, byte[]> files = create(without(awkwardFiles(), "\r"));
    Path m = writeManifest(ManifestFormat.GNU, manifest(List.of(HashAlgorithm.BLAKE3), files), "manifest.b3");

    ExternalTools.Result r = ExternalTools.run(work, "b3sum", "--check", m.toString());

    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.out().split("\n")).as(r.describe()).hasSize(files.size()).allMatch(l -> l.endsWith(": OK"));
  }

  @Test
  void tagManifest_passesSha256sumCheck() throws Exception {
    ExternalTools.require("sha256sum");
    Map<String, byte[]> files = create(awkwardFiles());
    Path m = writeManifest(ManifestFormat.BSD, manifest(List.of(HashAlgorithm.SHA256), files), "manifest.tag");

    ExternalTools.Result r = ExternalTools.run(work, "sha256sum", "--check", "--strict", m.toString());

    assertThat(r.exitCode()).as(r.describe()).isZero();
  }

  @Test
  void hashdeepManifest_passesHashdeepAudit_andAChangedFileFailsIt() throws Exception {
    ExternalTools.require("hashdeep");
    Map<String, byte[]> files = create(without(awkwardFiles(), "\n", "\r"));
    Path m = writeManifest(ManifestFormat.HASHDEEP, manifest(List.of(HashAlgorithm.MD5, HashAlgorithm.SHA256), files),
        "manifest.hashdeep");

    ExternalTools.Result r = ExternalTools.run(work, "hashdeep", "-a", "-vv", "-k", m.toString(), "-l", "-r", EVIDENCE);

    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.out()).as(r.describe()).contains("hashdeep: Audit passed")
        .containsPattern("Files matched: " + files.size() + "\\b");

    Files.write(work.resolve(EVIDENCE).resolve("plain.txt"), utf8("tampered\n"));
    ExternalTools.Result tampered = ExternalTools.run(work, "hashdeep", "-a", "-k", m.toString(), "-l", "-r", EVIDENCE);
    assertThat(tampered.exitCode()).as(tampered.describe()).isNotZero();
    assertThat(tampered.out()).contains("hashdeep: Audit failed");
  }

  // ---------------------------------------------------------------- their output, our readers

  @Test
  void hashdeepOutput_readsBackWithJdkDigestsAndSizes() throws Exception {
    ExternalTools.require("hashdeep");
    Map<String, byte[]> files = create(without(awkwardFiles(), "\n"));

    ExternalTools.Result r = ExternalTools.run(work, "hashdeep", "-c", "md5,sha1,sha256", "-l", "-r", EVIDENCE);

    assertThat(r.exitCode()).as(r.describe()).isZero();
    ManifestReadResult read = Manifests.read(ManifestFormat.HASHDEEP, r.stdout(), "hashdeep");
    assertThat(read.problems()).isEmpty();
    assertThat(read.manifest().entries()).containsExactlyInAnyOrderElementsOf(Manifests.entries(THREE, files));
  }

  @Test
  void hashdeepPiecewiseOutput_readsBackAsPieces() throws Exception {
    ExternalTools.require("hashdeep");
    Map<String, byte[]> files = create(without(awkwardFiles(), "\n"));

    ExternalTools.Result r = ExternalTools.run(work, "hashdeep", "-c", "md5,sha256", "-p", "1k", "-l", "-r", EVIDENCE);

    assertThat(r.exitCode()).as(r.describe()).isZero();
    ManifestReadResult read = Manifests.read(ManifestFormat.HASHDEEP, r.stdout(), "hashdeep -p");
    assertThat(read.problems()).isEmpty();
    List<HashAlgorithm> algs = List.of(HashAlgorithm.MD5, HashAlgorithm.SHA256);
    for (ManifestEntry e : read.manifest().entries()) {
      byte[] data = files.get(e.path());
      assertThat(data).as(e.path()).isNotNull();
      assertThat(e.size()).isEqualTo(data.length);
      List<Piece> expected = data.length == 0
          ? List.of(new Piece(0, 0, digests(algs, data)))
          : Manifests.pieces(algs, data, 1024);
      assertThat(e.pieces()).as(e.path()).isEqualTo(expected);
    }
    assertThat(read.manifest().entries()).hasSize(files.size());
  }

  @Test
  void hashdeepDfxmlOutput_readsBackWithJdkDigests() throws Exception {
    ExternalTools.require("hashdeep");
    Map<String, byte[]> files = create(without(awkwardFiles(), "\n", "\r"));

    ExternalTools.Result r = ExternalTools.run(work, "hashdeep", "-d", "-c", "md5,sha256", "-l", "-r", EVIDENCE);

    assertThat(r.exitCode()).as(r.describe()).isZero();
    ManifestReadResult read = Manifests.read(ManifestFormat.DFXML, r.stdout(), "hashdeep -d");
    assertThat(read.problems()).isEmpty();
    assertThat(digestsByPath(read.manifest()))
        .isEqualTo(expected(List.of(HashAlgorithm.MD5, HashAlgorithm.SHA256), files, ""));
  }

  @Test
  void coreutilsOutput_textAndTag_readsBackWithJdkDigests() throws Exception {
    ExternalTools.require("sha256sum");
    ExternalTools.require("md5sum");
    ExternalTools.require("find");
    Map<String, byte[]> files = create(awkwardFiles());
    for (HashAlgorithm a : List.of(HashAlgorithm.SHA256, HashAlgorithm.MD5)) {
      String tool = a.id() + "sum";
      ExternalTools.Result text = ExternalTools.run(work, "find", EVIDENCE, "-type", "f", "-exec", tool, "--", "{}", "+");
      ExternalTools.Result tag = ExternalTools.run(work, "find", EVIDENCE, "-type", "f", "-exec", tool, "--tag", "--", "{}", "+");

      assertThat(text.exitCode()).as(text.describe()).isZero();
      assertThat(tag.exitCode()).as(tag.describe()).isZero();
      ManifestReadResult fromText = Manifests.read(ManifestFormat.GNU, text.stdout(), a.id() + "sums");
      ManifestReadResult fromTag = Manifests.read(ManifestFormat.BSD, tag.stdout(), a.id() + " --tag");
      assertThat(fromText.problems()).isEmpty();
      assertThat(fromTag.problems()).isEmpty();
      assertThat(digestsByPath(fromText.manifest())).isEqualTo(expected(List.of(a), files, ""));
      assertThat(digestsByPath(fromTag.manifest())).isEqualTo(expected(List.of(a), files, ""));
    }
  }

  @Test
  void cksumTaggedOutput_readsBackWithJdkDigests() throws Exception {
    ExternalTools.require("cksum");
    ExternalTools.require("find");
    ExternalTools.Result probe = ExternalTools.run(work, "cksum", "-a", "sha512", "/dev/null");
    ExternalTools.requireFeature(probe.exitCode() == 0, "this cksum has no -a option (coreutils < 9)");
    Map<String, byte[]> files = create(awkwardFiles());

    ExternalTools.Result r = ExternalTools.run(work, "find", EVIDENCE, "-type", "f", "-exec", "cksum", "-a", "sha512", "--", "{}", "+");

    assertThat(r.exitCode()).as(r.describe()).isZero();
    ManifestReadResult read = Manifests.read(ManifestFormat.BSD, r.stdout(), "cksum");
    assertThat(read.problems()).isEmpty();
    assertThat(digestsByPath(read.manifest())).isEqualTo(expected(List.of(HashAlgorithm.SHA512), files, ""));
  }

  @Test
  void b3sumOutput_readsBackAsBlake3() throws Exception {
    ExternalTools.require("b3sum");
    ExternalTools.require("find");
    Map<String, byte[]> files = create(awkwardFiles());

    ExternalTools.Result r = ExternalTools.run(work, "find", EVIDENCE, "-type", "f", "-exec", "b3sum", "--", "{}", "+");

    assertThat(r.exitCode()).as(r.describe()).isZero();
    ManifestReadResult read = Manifests.read(ManifestFormat.GNU, r.stdout(), "evidence.b3");
    assertThat(read.problems()).isEmpty();
    assertThat(digestsByPath(read.manifest())).isEqualTo(expected(List.of(HashAlgorithm.BLAKE3), files, ""));
  }

  @Test
  void b3sumTagOutput_readsBackAsBlake3() throws Exception {
    ExternalTools.require("b3sum");
    ExternalTools.require("find");
    ExternalTools.Result probe = ExternalTools.run(work, "b3sum", "--tag", "/dev/null");
    ExternalTools.requireFeature(probe.exitCode() == 0, "this b3sum has no --tag option (added in b3sum 1.3)");
    Map<String, byte[]> files = create(without(awkwardFiles(), "\r"));

    ExternalTools.Result r = ExternalTools.run(work, "find", EVIDENCE, "-type", "f", "-exec", "b3sum", "--tag", "--", "{}", "+");

    assertThat(r.exitCode()).as(r.describe()).isZero();
    ManifestReadResult read = Manifests.read(ManifestFormat.BSD, r.stdout(), "b3sum --tag");
    assertThat(read.problems()).isEmpty();
    assertThat(digestsByPath(read.manifest())).isEqualTo(expected(List.of(HashAlgorithm.BLAKE3), files, ""));
  }
}
