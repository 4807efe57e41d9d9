package dev.forensics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar from outside, from another working directory, as a user would. */
class PackagedJarIT {

  @TempDir Path work;

  private final Path jar = Path.of(System.getProperty("forensics.jar", "target/forensics.jar")).toAbsolutePath();
  private final Path project = Path.of(System.getProperty("forensics.projectRoot", "..")).toAbsolutePath().normalize();

  private record Result(int exit, String out, String err) {}

  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private Result run(Path cwd, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return exec(cwd, cmd);
  }

  private Result exec(Path cwd, List<String> cmd) throws Exception {
    return exec(cwd, cmd, Map.of());
  }

  /** Runs {@code cmd} with these environment variables set, and no FORENSICS_JAVA_OPTS or FORENSICS_CDS unless given. */
  private Result exec(Path cwd, List<String> cmd, Map<String, String> env) throws Exception {
    Path out = work.resolve("stdout");
    Path err = work.resolve("stderr");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("FORENSICS_JAVA_OPTS");
    pb.environment().remove("FORENSICS_CDS");
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
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
  void jar_manifestOnStandardOutput_isByteForByteTheFileOne() throws Exception {
    Path file = work.resolve("SHA256SUMS");
    Result toFile = run(project, "hash", "-q", "-c", "sha256", "-f", "gnu", "-o", file.toString(), "sample-evidence/case01");
    assertThat(toFile.exit()).as(toFile.err()).isZero();
    Result toStdout = run(project, "hash", "-q", "-c", "sha256", "-f", "gnu", "sample-evidence/case01");
    assertThat(toStdout.exit()).as(toStdout.err()).isZero();
    assertThat(toStdout.out()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8)).contains("  sample-evidence/case01/");
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
  void jar_opensslAndJdkDigests_giveTheSameManifest_andVersionSaysWhichIsUsed() throws Exception {
    String[] hash = {"hash", "-q", "-f", "bsd", "-c", "md5,sha1,sha256,sha512,sha3-256", "sample-evidence/case01"};
    Result openssl = run(project, hash);
    assertThat(openssl.exit()).as(openssl.err()).isZero();
    List<String> jdkCmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dforensics.native.digests=false", "-jar", jar.toString()));
    jdkCmd.addAll(List.of(hash));
    Result jdk = exec(project, jdkCmd);
    assertThat(jdk.exit()).as(jdk.err()).isZero();
    assertThat(openssl.out()).isEqualTo(jdk.out()).contains("SHA3-256 (sample-evidence/case01/");

    jdkCmd = new ArrayList<>(jdkCmd.subList(0, 5));
    jdkCmd.add("--version");
    assertThat(exec(work, jdkCmd).out())
        .contains("Digests: the JDK's, and Bouncy Castle's for BLAKE3; OpenSSL: switched off (forensics.native.digests=false)");
    if (Files.isRegularFile(Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"))) {
      assertThat(run(work, "--version").out())
          .containsPattern("Digests: OpenSSL 3\\.\\S+ .*\\(md5, sha1, sha256, sha512, sha3-256\\) for files under 4 MiB");
    }
  }

  @Test
  void jar_unknownCommand_isAUsageError() throws IOException, Exception {
    Result r = run(work, "frobnicate");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument");
  }

  /** Whether the jar is newer than every source and build file (else the launcher would rebuild it). */
  private boolean jarIsUpToDate() throws IOException {
    long jarTime = Files.getLastModifiedTime(jar).toMillis();
    List<Path> roots = List.of(project.resolve("pom.xml"), project.resolve("forensics-core/pom.xml"),
        project.resolve("forensics-cli/pom.xml"), project.resolve("forensics-core/src/main"),
        project.resolve("forensics-cli/src/main"));
    for (Path r : roots) {
      try (var files = Files.walk(r)) {
        if (files.anyMatch(f -> {
          try {
            return Files.getLastModifiedTime(f).toMillis() > jarTime;
          } catch (IOException e) {
            return true;
          }
        })) {
          return false;
        }
      }
    }
    return true;
  }

  /** The ./forensics launcher, when there is one and running it would not rebuild the jar. */
  private Path launcher() throws IOException {
    Path launcher = project.resolve("forensics");
    Assumptions.assumeTrue(Files.isExecutable(launcher), "no ./forensics launcher at " + launcher);
    Assumptions.assumeTrue(jarIsUpToDate(), "sources are newer than " + jar + ": the launcher would rebuild it");
    return launcher;
  }

  @Test
  void launcher_trainsAClassDataArchive_thatHoldsPicocliAndOurClasses_sameOutputAsTheJar() throws Exception {
    Path launcher = launcher();
    Path jsa = jar.resolveSibling("forensics.jsa");
    Files.deleteIfExists(jsa);
    Files.deleteIfExists(jar.resolveSibling("forensics.jsa.failed"));
    Result viaLauncher = exec(project, List.of(launcher.toString(), "hash", "-c", "sha256", "-f", "gnu", "sample-evidence/case01"));
    Result viaJar = run(project, "hash", "-c", "sha256", "-f", "gnu", "sample-evidence/case01");
    assertThat(viaLauncher).isEqualTo(viaJar);
    assertThat(viaLauncher.out()).contains("  sample-evidence/case01/");
    assertThat(jsa).as("archive made by the launcher").isRegularFile();
    // -Xshare:on refuses to start when the archive cannot be used
    Result shared = exec(work, List.of(java, "-XX:SharedArchiveFile=" + jsa, "-Xshare:on", "-XX:+UseSerialGC",
        "-Xlog:class+load=info", "-jar", jar.toString(), "--version"));
    assertThat(shared.exit()).as(shared.err()).isZero();
    assertThat(shared.out()).contains("picocli.CommandLine source: shared objects file")
        .contains("dev.forensics.cli.Main source: shared objects file");
    // and the launcher runs from it again, without training
    Result again = exec(project, List.of(launcher.toString(), "hash", "-c", "sha256", "-f", "gnu", "sample-evidence/case01"));
    assertThat(again).isEqualTo(viaJar);
  }

  @Test
  void launcher_runsTheJavaOfJavaHome() throws Exception {
    Path launcher = launcher();
    // a JAVA_HOME whose java notes that it ran, then runs this test's JVM
    Path home = work.resolve("jdk");
    Path marker = work.resolve("ran");
    Files.createDirectories(home.resolve("bin"));
    Path wrapper = home.resolve("bin/java");
    Files.writeString(wrapper, "#!/bin/sh\necho ran >> '" + marker + "'\nexec '" + java + "' \"$@\"\n");
    assertThat(wrapper.toFile().setExecutable(true)).isTrue();

    Result viaHome = exec(project, List.of(launcher.toString(), "hash", "-c", "sha256", "-f", "gnu", "sample-evidence/case01"),
        Map.of("JAVA_HOME", home.toString()));
    assertThat(viaHome).isEqualTo(run(project, "hash", "-c", "sha256", "-f", "gnu", "sample-evidence/case01"));
    assertThat(marker).as("the launcher ran $JAVA_HOME/bin/java").isRegularFile();
  }

  @Test
  void launcher_leavesOutOfC2OnlyTheDigestBodiesThatThisJvmRunsAsIntrinsics() throws Exception {
    Path launcher = launcher();
    Path made = jar.resolveSibling("hash-directives.jvm.json");
    List<String> cmd = List.of(launcher.toString(), "hash", "-c", "md5,sha1,sha256", "-f", "csv", "sample-evidence/case01");
    Result expected = run(project, "hash", "-c", "md5,sha1,sha256", "-f", "csv", "sample-evidence/case01");

    Files.deleteIfExists(made);
    assertThat(exec(project, cmd)).isEqualTo(expected);
    String text = Files.readString(made, StandardCharsets.UTF_8);
    for (String[] body : new String[][] {{"UseMD5Intrinsics", "MD5.implCompress0"}, {"UseSHA1Intrinsics", "SHA.implCompress0"},
        {"UseSHA256Intrinsics", "SHA2.implCompress0"}}) {
      assertThat(text.contains("\"sun/security/provider/" + body[1] + "\""))
          .as(body[1] + " left out of C2 exactly when " + body[0] + " is on").isEqualTo(flagIsOn(body[0], List.of()));
    }
    Result parsed = exec(work, List.of(java, "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + made, "-version"));
    assertThat(parsed.exit()).as(parsed.out() + parsed.err()).isZero();
    assertThat(parsed.out() + parsed.err()).containsPattern("[0-9]+ compiler directives added");

    // with SHA-256's intrinsic switched off, its Java body is C2's again
    String off = "-XX:+UnlockDiagnosticVMOptions -XX:-UseSHA256Intrinsics";
    assertThat(exec(project, cmd, Map.of("FORENSICS_JAVA_OPTS", off))).isEqualTo(expected);
    assertThat(Files.readString(made, StandardCharsets.UTF_8)).doesNotContain("SHA2.implCompress0").contains("JVM: ").contains(off);
  }

  private boolean flagIsOn(String flag, List<String> options) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UnlockDiagnosticVMOptions"));
    cmd.addAll(options);
    cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
    return exec(work, cmd).out().lines().anyMatch(l -> l.matches("\\s*bool " + flag + " += true.*"));
  }
}
