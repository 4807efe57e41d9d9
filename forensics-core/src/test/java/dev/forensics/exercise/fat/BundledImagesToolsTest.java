package dev.forensics.exercise.fat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.exercise.AnswerKey;
import dev.forensics.exercise.AnswerKeyJson;
import dev.forensics.exercise.ArtifactKind;
import dev.forensics.exercise.PlantedArtifact;
import dev.forensics.hash.HashAlgorithm;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed exercise sets checked with independent tools: dosfstools finds their FAT images clean,
 * Sleuth Kit lists exactly the deleted files of the answer key and recovers their exact bytes, and
 * hashdeep audits each set against its MANIFEST.
 */
class BundledImagesToolsTest {

  static Path exercises() {
    Path repo = Path.of("").toAbsolutePath();
    while (repo != null && !Files.isDirectory(repo.resolve("sample-evidence/exercises"))) {
      repo = repo.getParent();
    }
    Assumptions.assumeTrue(repo != null, "sample-evidence/exercises not found");
    return repo.resolve("sample-evidence/exercises");
  }

  static AnswerKey key(Path set) throws Exception {
    try (InputStream in = Files.newInputStream(set.resolve("answer-key.json"))) {
      return AnswerKeyJson.read(in, "answer-key.json");
    }
  }

  @Test
  void deletedFilesImage_fsckClean_flsListsExactlyTheDeletedFiles_icatRecoversThem(@TempDir Path tmp) throws Exception {
    String fsck = FatTools.require("fsck.fat", "dosfstools");
    String fls = FatTools.require("fls", "sleuthkit");
    String icat = FatTools.require("icat", "sleuthkit");
    Path set = exercises().resolve("deleted-files");
    Path image = set.resolve("usb-stick.img");
    FatTools.Result check = FatTools.run(tmp, fsck, "-n", image.toString());
    assertThat(check.exitCode()).as(check.describe()).isZero();

    FatTools.Result listed = FatTools.run(tmp, fls, "-r", "-d", "-p", image.toString());
    assertThat(listed.exitCode()).as(listed.describe()).isZero();
    List<String> recovered = new ArrayList<>();
    for (String line : listed.out().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String inode = line.replaceAll("^\\S+ \\* (\\d+):\\t.*$", "$1");
      FatTools.Result content = FatTools.run(tmp, icat, image.toString(), inode);
      assertThat(content.exitCode()).as(content.describe()).isZero();
      recovered.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.stdout())));
    }
    List<String> expected = key(set).artifacts().stream().filter(a -> a.kind() == ArtifactKind.DELETED_FILE)
        .map(a -> HexFormat.of().formatHex(a.hashes().get(HashAlgorithm.SHA256).orElseThrow().value())).toList();
    assertThat(expected).hasSize(2);
    assertThat(recovered).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void chainOfCustodyImage_fsckClean_noDeletedFiles(@TempDir Path tmp) throws Exception {
    String fsck = FatTools.require("fsck.fat", "dosfstools");
    String fls = FatTools.require("fls", "sleuthkit");
    Path image = exercises().resolve("chain-of-custody/memory-card.img");
    assertThat(FatTools.run(tmp, fsck, "-n", image.toString()).exitCode()).isZero();
    FatTools.Result listed = FatTools.run(tmp, fls, "-r", "-p", image.toString());
    PlantedArtifact note = key(exercises().resolve("chain-of-custody")).artifact("delivery-note").orElseThrow();
    assertThat(listed.out()).contains(note.paths().get(0)).doesNotContain(" * ");
  }

  @Test
  void everySet_passesHashdeepAuditAgainstItsManifest(@TempDir Path tmp) throws Exception {
    String hashdeep = FatTools.require("hashdeep", "hashdeep");
    try (Stream<Path> sets = Files.list(exercises())) {
      for (Path committed : sets.filter(Files::isDirectory).sorted().toList()) {
        // a copy, so that the tool's scratch files never land in the repository
        Path set = tmp.resolve(committed.getFileName().toString());
        try (Stream<Path> all = Files.walk(committed)) {
          for (Path p : all.toList()) {
            Files.copy(p, set.resolve(committed.relativize(p).toString()));
          }
        }
        List<String> cmd = new ArrayList<>(List.of(hashdeep, "-l", "-r", "-a", "-k", "MANIFEST"));
        try (Stream<Path> top = Files.list(set)) {
          top.map(p -> p.getFileName().toString()).filter(n -> !n.equals("MANIFEST") && !n.equals("custody.jsonl"))
              .sorted().forEach(cmd::add);
        }
        FatTools.Result r = FatTools.run(set, cmd.toArray(String[]::new));
        assertThat(r.out()).as(set + "\n" + r.describe()).contains("Audit passed");
      }
    }
  }
}
