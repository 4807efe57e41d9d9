package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar from outside, from another working directory, as a user would. */
class PackagedJarIT {

  @TempDir Path work;

  private final Path jar = Path.of(System.getProperty("forensics.jar", "target/forensics.jar")).toAbsolutePath();
  private final Path project = Path.of(System.getProperty("forensics.projectRoot", "..")).toAbsolutePath().normalize();

  private record Result(int exit, String out, String err) {}

  private Result run(Path cwd, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Path out = work.resolve("stdout");
    Path err = work.resolve("stderr");
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void jar_hashesAndVerifiesTheSampleEvidence() throws Exception {
    Path manifest = work.resolve("case01.hashdeep");
    Result hash = run(project, "hash", "-o", manifest.toString(), "sample-evidence/case01");
    assertThat(hash.exit()).as(hash.err()).isZero();
    assertThat(hash.err()).contains("hashed 8 files");

    Result verify = run(project, "verify", manifest.toString());
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("MATCHED 8,");
  }

  @Test
  void jar_triagesTheSampleEvidence_withTikaInsideAndNoLoggingNoise() throws Exception {
    Result r = run(project, "triage", "sample-evidence/case01");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty(); // tika-core's SLF4J is bound to slf4j-nop in the jar
    assertThat(r.out()).contains("sample-evidence/case01/documents/passwords.txt", "image/png",
        "8 files examined, 2 with findings");
  }

  @Test
  void jar_committedSampleManifest_stillVerifies() throws Exception {
    Result verify = run(project.resolve("sample-evidence"), "verify", "case01.hashdeep");
    assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
  }

  @Test
  void jar_versionAndHelp_work() throws Exception {
    assertThat(run(work, "--version").out()).startsWith("forensics ");
    assertThat(run(work, "help", "verify").out()).contains("MATCHED", "CHANGED", "MOVED", "NEW", "MISSING");
  }

  @Test
  void jar_unknownCommand_isAUsageError() throws IOException, Exception {
    Result r = run(work, "frobnicate");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument");
  }
}
