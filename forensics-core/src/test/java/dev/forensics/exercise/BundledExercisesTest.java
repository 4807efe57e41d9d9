package dev.forensics.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.knownfiles.HashSetKind;
import dev.forensics.knownfiles.KnownFileLibrary;
import dev.forensics.knownfiles.KnownFileSets;
import dev.forensics.triage.Finding;
import dev.forensics.triage.FindingKind;
import dev.forensics.triage.Triage;
import dev.forensics.triage.TriageOptions;
import dev.forensics.triage.TriageRecord;
import dev.forensics.triage.TriageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled scenarios: valid, and their committed sets in sample-evidence/exercises are what they build. */
class BundledExercisesTest {

  static Path committed() {
    Path repo = Path.of("").toAbsolutePath();
    while (repo != null && !Files.isDirectory(repo.resolve("sample-evidence/exercises"))) {
      repo = repo.getParent();
    }
    Assumptions.assumeTrue(repo != null, "sample-evidence/exercises not found above " + Path.of("").toAbsolutePath());
    return repo.resolve("sample-evidence/exercises");
  }

  @Test
  void list_atLeastFourValidScenarios_eachWithADistinctTopic() {
    List<BundledScenarios.Entry> all = BundledScenarios.list();
    assertThat(all).extracting(BundledScenarios.Entry::name)
        .containsExactly("verify-evidence", "triage", "chain-of-custody", "deleted-files");
    assertThat(all).extracting(e -> e.scenario().info().topic()).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(e -> assertThat(e.scenario().info().id()).isEqualTo(e.name()));
  }

  @Test
  void everyBundledSet_rebuildsByteForByte(@TempDir Path tmp) throws Exception {
    Path committed = committed();
    for (String name : BundledScenarios.names()) {
      Scenario s = BundledScenarios.read(name).orElseThrow();
      Path out = tmp.resolve(name);
      ExerciseBuilder.build(s, Optional.empty(), Optional.empty(), out, ExerciseBuilder.Options.defaults());
      // a difference after a JDK or zlib upgrade (Debian's JDK deflates with the system zlib) means the
      // committed sets must be rebuilt: forensics exercise build NAME -o sample-evidence/exercises/NAME --force
      ExerciseBuilderTest.assertSameTree(committed.resolve(name), out);
      assertThat(ExerciseChecker.check(committed.resolve(name)).passed()).as(name).isTrue();
    }
  }

  @Test
  void build_inOtherJvmZoneLocaleAndUser_sameBytes(@TempDir Path tmp) throws Exception {
    // Arabic (Saudi Arabia) formats numbers with Arabic-Indic digits: names like invoice-{n:3}.pdf must not
    Path out = tmp.resolve("verify-evidence");
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.timezone=Pacific/Kiritimati", "-Duser.language=ar", "-Duser.country=SA",
        "-Duser.name=someone-else", "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), BuildBundledSet.class.getName(), "verify-evidence", out.toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile());
    pb.environment().put("TZ", "Asia/Kathmandu");
    Process p = pb.start();
    assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
    ExerciseBuilderTest.assertSameTree(committed().resolve("verify-evidence"), out);
  }

  @Test
  void triageOnTheTriageSet_findsEveryPlantedArtifact(@TempDir Path tmp) throws Exception {
    // a fresh build: same bytes as the committed set (tested above), and file times from the scenario
    Path set = tmp.resolve("triage");
    ExerciseBuilder.build(BundledScenarios.read("triage").orElseThrow(), Optional.empty(), Optional.empty(), set,
        ExerciseBuilder.Options.defaults());
    AnswerKey key = ExerciseBuilderTest.key(set);
    var notable = KnownFileSets.load(set.resolve("notable-hashes.txt"), HashSetKind.NOTABLE, "notable-hashes.txt");
    TriageOptions options = TriageOptions.defaults().withThreads(1).withRoot(set.resolve("evidence"))
        .withLibrary(KnownFileLibrary.of(notable.set()));
    TriageResult result = Triage.run(List.of(set.resolve("evidence")), options);
    Map<String, List<FindingKind>> found = result.records().stream().collect(Collectors.toMap(TriageRecord::path,
        r -> r.findings().stream().map(Finding::kind).toList()));
    Map<ArtifactKind, FindingKind> expected = Map.of(
        ArtifactKind.RENAMED, FindingKind.EXTENSION_MISMATCH,
        ArtifactKind.ENCRYPTED_CONTAINER, FindingKind.ENCRYPTION_SUSPECTED,
        ArtifactKind.APPENDED_DATA, FindingKind.APPENDED_DATA,
        ArtifactKind.KNOWN_BAD, FindingKind.NOTABLE_FILE);
    assertThat(key.artifacts()).hasSize(5);
    for (PlantedArtifact a : key.artifacts()) {
      String path = a.paths().get(0);
      assertThat(found.get(path)).as(a.id() + " at " + path).contains(expected.get(a.kind()));
    }
    // and nothing else is flagged: the background files are honest (times aside: a file's birth time is
    // the moment of the build, which the file system sets and no program can)
    List<String> flagged = result.records().stream()
        .filter(r -> r.findings().stream().anyMatch(f -> f.kind() != FindingKind.TIME_IN_FUTURE
            && f.kind() != FindingKind.TIME_BEFORE_1990))
        .map(TriageRecord::path).toList();
    assertThat(flagged).containsExactlyInAnyOrderElementsOf(key.artifacts().stream().map(a -> a.paths().get(0)).toList());
  }

  @Test
  void verifyEvidenceSet_seizureManifestFindsExactlyTheAlteredFile() throws Exception {
    Path set = committed().resolve("verify-evidence");
    var read = dev.forensics.hash.ManifestFormat.readFile(set.resolve("seizure-manifest.txt"));
    Path evidence = set.resolve("evidence");
    var audit = dev.forensics.hash.ManifestVerifier.of(evidence, List.of(evidence), 1, false)
        .verify(read, "seizure-manifest.txt", new dev.forensics.hash.HashProgress());
    assertThat(audit.entries().stream().filter(e -> e.status() != dev.forensics.hash.AuditStatus.MATCHED)
        .map(e -> e.status() + " " + e.path()).toList())
        .containsExactly("CHANGED Contracts/supply-agreement.txt");
    AnswerKey key = ExerciseBuilderTest.key(set);
    assertThat(((ExpectedAnswer.FileSet) key.question("q1-changed").orElseThrow().expected()).items())
        .extracting(i -> i.path().orElseThrow()).containsExactly("Contracts/supply-agreement.txt");
  }
}
