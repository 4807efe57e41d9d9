package dev.forensics.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceHasherTest {

  @TempDir Path dir;

  private Path write(String rel, String content) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static List<String> lines(List<FileOutcome> outcomes) {
    List<String> out = new ArrayList<>();
    for (FileOutcome o : outcomes) {
      out.add(o.status() + " " + o.path() + (o.detail().isEmpty() ? "" : " " + o.detail()));
    }
    return out;
  }

  @Test
  void hash_tree_listsFilesRelativeToRoot_inCodePointOrder() throws IOException {
    write("case/b.txt", "b");
    write("case/a/z.txt", "z");
    write("case/A.txt", "A");
    write("case/é.txt", "e");
    write("case/a b/c.txt", "c");

    List<FileOutcome> out = EvidenceHasher.builder().root(dir).threads(3).build().hashAll(List.of(dir.resolve("case")));

    assertThat(out).extracting(FileOutcome::path)
        .containsExactly("case/A.txt", "case/a b/c.txt", "case/a/z.txt", "case/b.txt", "case/é.txt");
    assertThat(out).allMatch(o -> o.status() == FileOutcome.Status.HASHED);
    ManifestEntry b = out.get(3).entry().orElseThrow();
    assertThat(b.size()).isEqualTo(1);
    assertThat(b.digests().algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256);
    assertThat(b.digests().get(HashAlgorithm.MD5).orElseThrow().hex()).isEqualTo("92eb5ffee6ae2fec3ad71c777531578f");
    assertThat(b.modified()).isPresent();
  }

  @Test
  void hash_sameOutcomes_whateverTheThreadCount() throws IOException {
    Random rnd = new Random(42);
    for (int i = 0; i < 60; i++) {
      byte[] data = new byte[rnd.nextInt(70_000)];
      rnd.nextBytes(data);
      Path p = dir.resolve("t/d" + (i % 7) + "/f" + i + ".bin");
      Files.createDirectories(p.getParent());
      Files.write(p, data);
    }
    Path big = dir.resolve("t/big.bin");
    byte[] data = new byte[(int) MultiHasher.PARALLEL_THRESHOLD + 12345];
    rnd.nextBytes(data);
    Files.write(big, data);

    List<FileOutcome> one = EvidenceHasher.builder().root(dir).threads(1).pieceSize(65536).build().hashAll(List.of(dir.resolve("t")));
    List<FileOutcome> four = EvidenceHasher.builder().root(dir).threads(4).pieceSize(65536).build().hashAll(List.of(dir.resolve("t")));

    assertThat(four).isEqualTo(one);
    assertThat(one).hasSize(61);
  }

  @Test
  void hash_symlinkInsideFolder_isRecordedNotFollowed() throws IOException {
    write("ev/real.txt", "real");
    Files.createSymbolicLink(dir.resolve("ev/link.txt"), Path.of("real.txt"));
    Files.createSymbolicLink(dir.resolve("ev/outside"), Path.of("/etc"));

    List<FileOutcome> out = EvidenceHasher.builder().root(dir).build().hashAll(List.of(dir.resolve("ev")));

    assertThat(lines(out))
        .containsExactly("SYMLINK ev/link.txt -> real.txt", "SYMLINK ev/outside -> /etc", "HASHED ev/real.txt");
  }

  @Test
  void hash_followingLinks_reportsALoopAndKeepsGoing() throws IOException {
    write("ev/sub/f.txt", "f");
    Files.createSymbolicLink(dir.resolve("ev/sub/back"), dir.resolve("ev"));

    List<FileOutcome> out = EvidenceHasher.builder().root(dir).followLinks(true).build().hashAll(List.of(dir.resolve("ev")));

    assertThat(lines(out)).containsExactly("LOOP ev/sub/back symbolic link loop: not followed", "HASHED ev/sub/f.txt");
  }

  @Test
  void hash_missingInput_isUnreadable_neverSilentlySkipped() throws IOException {
    write("ev/f.txt", "f");
    List<FileOutcome> out =
        EvidenceHasher.builder().root(dir).build().hashAll(List.of(dir.resolve("ev"), dir.resolve("nope.dd")));
    assertThat(lines(out)).containsExactly("HASHED ev/f.txt", "UNREADABLE nope.dd no such file or directory");
  }

  @Test
  void hash_unreadableFile_isReported() throws IOException {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads every file: permission test skipped");
    Path p = write("ev/locked.txt", "secret");
    assumeTrue(p.toFile().setReadable(false, false), "cannot remove read permission here");
    try {
      List<FileOutcome> out = EvidenceHasher.builder().root(dir).build().hashAll(List.of(dir.resolve("ev")));
      assertThat(lines(out)).containsExactly("UNREADABLE ev/locked.txt permission denied");
    } finally {
      p.toFile().setReadable(true, false);
    }
  }

  @Test
  void hash_fileWhoseContentDiffersFromItsSize_isFlaggedChangedWhileReading() throws IOException {
    // Linux /proc files report size 0 but yield bytes: the same check catches a file growing during the read
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(status), "needs Linux /proc");
    List<FileOutcome> out = EvidenceHasher.builder().root(Path.of("/")).build().hashAll(List.of(status));
    assertThat(out).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(FileOutcome.Status.CHANGED_WHILE_READING);
      assertThat(o.detail()).startsWith("changed while being read: read ").endsWith(" bytes of 0");
    });
  }

  @Test
  void hash_specialFile_isSkippedWithANote() throws Exception {
    Path fifo = dir.resolve("ev/pipe");
    Files.createDirectories(fifo.getParent());
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor() == 0, "mkfifo not available");
    List<FileOutcome> out = EvidenceHasher.builder().root(dir).build().hashAll(List.of(dir.resolve("ev")));
    assertThat(lines(out)).containsExactly("SPECIAL ev/pipe special file (device, pipe or socket): skipped");
  }

  @Test
  void hash_fileOutsideRoot_isReportedByAbsolutePath() throws IOException {
    Path f = write("x/f.txt", "f");
    List<FileOutcome> out = EvidenceHasher.builder().root(dir.resolve("elsewhere")).build().hashAll(List.of(f));
    assertThat(out).extracting(FileOutcome::path).containsExactly(f.toAbsolutePath().toString().replace('\\', '/'));
  }

  @Test
  void hash_excludedFile_isLeftOut() throws IOException {
    write("ev/a.txt", "a");
    Path own = write("ev/manifest.txt", "being written");
    List<FileOutcome> out = EvidenceHasher.builder().root(dir).exclude(List.of(own)).build().hashAll(List.of(dir.resolve("ev")));
    assertThat(out).extracting(FileOutcome::path).containsExactly("ev/a.txt");
  }

  @Test
  void hash_symlinkNamedAsInput_isFollowed_andNotFlaggedAsChanged() throws IOException {
    write("ev/real.txt", "real content");
    Path link = dir.resolve("link.txt");
    Files.createSymbolicLink(link, dir.resolve("ev/real.txt"));
    List<FileOutcome> out = EvidenceHasher.builder().root(dir).build().hashAll(List.of(link));
    assertThat(lines(out)).containsExactly("HASHED link.txt");
    assertThat(out.get(0).entry().orElseThrow().size()).isEqualTo(12);
  }

  @Test
  void hash_folderNamesSortAsIfEndingInSlash_soTheWalkGivesFullPathOrder() throws IOException {
    write("ev/a/z.txt", "1");
    write("ev/a b", "2");
    write("ev/a-x", "3");
    write("ev/a.", "4");
    write("ev/a0/q", "5");
    List<FileOutcome> out = EvidenceHasher.builder().root(dir).build().hashAll(List.of(dir.resolve("ev")));
    List<String> paths = out.stream().map(FileOutcome::path).toList();
    assertThat(paths).containsExactly("ev/a b", "ev/a-x", "ev/a.", "ev/a/z.txt", "ev/a0/q");
    List<String> sorted = new ArrayList<>(paths);
    sorted.sort(ManifestEntry::comparePaths);
    assertThat(paths).isEqualTo(sorted);
  }

  @Test
  void hash_overlappingInputs_reportEachFileOnce_inOrder() throws IOException {
    write("ev/sub/b.txt", "b");
    write("ev/a.txt", "a");
    write("other.txt", "o");
    List<FileOutcome> out =
        EvidenceHasher.builder().root(dir).build()
            .hashAll(List.of(dir.resolve("other.txt"), dir.resolve("ev/sub"), dir.resolve("ev"), dir.resolve("ev/a.txt")));
    assertThat(out).extracting(FileOutcome::path).containsExactly("ev/a.txt", "ev/sub/b.txt", "other.txt");
  }

  @Test
  void estimate_countsTheFilesAndBytesToHash_withoutReadingThem() throws IOException {
    write("ev/a.txt", "abc");
    write("ev/d/b.txt", "hello");
    Files.createSymbolicLink(dir.resolve("ev/link"), Path.of("a.txt"));
    HashProgress p = new HashProgress();
    EvidenceHasher.builder().root(dir).build().estimate(List.of(dir.resolve("ev")), p);
    assertThat(p.totalFiles()).isEqualTo(2);
    assertThat(p.totalBytes()).isEqualTo(8);
    assertThat(p.doneBytes()).isZero();
  }
}
